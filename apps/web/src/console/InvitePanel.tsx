import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkshop } from '../shared/workshop-context.ts';
import type { FacilitationApi } from '../facilitation/facilitation-api.ts';
import { errorMessage } from './use-request.ts';

type InviteRole = 'facilitator' | 'organiser';

/**
 * The link an invitee opens. The token rides in the fragment, which browsers never send,
 * so it stays out of server and proxy logs; the accept page reads it and drops it.
 */
export function invitationLink(origin: string, workshopId: string, token: string): string {
  return `${origin}/w/${encodeURIComponent(workshopId)}/accept#token=${encodeURIComponent(token)}`;
}

interface Created {
  link: string;
  name: string;
  role: InviteRole;
}

/** Invite a co-facilitator or an organiser: who they are, then a link to send them. */
export function InvitePanel({ api, onInvited }: { api: FacilitationApi; onInvited?: () => void }) {
  const { t } = useTranslation();
  const { workshopId } = useWorkshop();
  const [role, setRole] = useState<InviteRole>('facilitator');
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [created, setCreated] = useState<Created | null>(null);
  const [copied, setCopied] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const body = {
        role,
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(organisation.trim() ? { organisation: organisation.trim() } : {}),
      };
      const { token } = await api.invite(body);
      setCreated({
        link: invitationLink(window.location.origin, workshopId, token),
        name: name.trim() || t(`console.roles.${role}`),
        role,
      });
      setCopied(false);
      onInvited?.();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const copy = async (link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard refused (no permission): the field is selectable for a manual copy.
    }
  };

  return (
    <section className="console-card" aria-labelledby="console-invite">
      <h2 id="console-invite">{t('console.invite.heading')}</h2>
      <p className="console-card__hint">{t('console.invite.hint')}</p>
      <form className="console-form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('console.invite.role')}
          <select value={role} onChange={(e) => setRole(e.target.value as InviteRole)}>
            {(['facilitator', 'organiser'] as const).map((r) => (
              <option key={r} value={r}>
                {t(`console.roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('console.invite.name')}
          <input value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('console.invite.organisation')}
          <input value={organisation} autoComplete="off" onChange={(e) => setOrganisation(e.target.value)} />
        </label>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('console.invite.creating') : t('console.invite.create')}
        </button>
      </form>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {created && (
        <>
          <div className="share__row invite-link">
            <input
              className="share__url"
              readOnly
              value={created.link}
              aria-label={t('console.invite.link', { name: created.name })}
              aria-describedby="invite-link-hint"
              onFocus={(e) => e.target.select()}
            />
            <button type="button" className="button button--small" onClick={() => void copy(created.link)}>
              {copied ? t('console.invite.copied') : t('console.invite.copy')}
            </button>
          </div>
          <p id="invite-link-hint" className="share__hint">
            {t('console.invite.linkHint', { name: created.name, role: t(`console.roles.${created.role}`) })}
          </p>
        </>
      )}
    </section>
  );
}
