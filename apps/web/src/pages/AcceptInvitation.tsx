import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client.ts';
import { saveCredential } from '../api/credentials.ts';
import { navigate } from '../shared/router.ts';
import { setLanguage } from '../i18n/index.ts';
import { SiteHeader } from '../ui/SiteHeader.tsx';

/** The token of `#token=…`, or null. */
export function invitationToken(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token ? token : null;
}

/**
 * `/w/:id/accept#token=…`: the link the console's "Invite" panel makes. The token is checked
 * with the server, kept as this browser's credential for the workshop, and taken out of the
 * address bar (and so out of history and bookmarks) before moving on.
 */
export function AcceptInvitation({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  // Read once: the fragment is gone from the address bar by the time an effect runs again.
  const [token] = useState(() => invitationToken(window.location.hash));
  const [problem, setProblem] = useState<string | null>(token ? null : t('accept.noToken'));

  useEffect(() => {
    if (window.location.hash) window.history.replaceState(null, '', window.location.pathname + window.location.search);
    if (!token) return;
    let live = true;
    api.workshop(workshopId, token).then(
      ({ you, title, joinUrl }) => {
        if (!live) return;
        saveCredential(workshopId, {
          token,
          title,
          ...(joinUrl ? { joinUrl } : {}),
          personId: you.personId,
          role: you.role,
          name: you.name,
          organisation: you.organisation,
          ...(you.timeZone ? { timeZone: you.timeZone } : {}),
          ...(you.language ? { language: you.language } : {}),
        });
        if (you.language) setLanguage(you.language);
        const base = `/w/${encodeURIComponent(workshopId)}`;
        const to = you.role === 'facilitator' ? `${base}/console` : you.role === 'organiser' ? `${base}/report` : base;
        navigate(to, { replace: true });
      },
      (err) => {
        if (!live) return;
        // 401/403/404: the link is wrong or revoked; anything else is the server's own sentence.
        setProblem(
          err instanceof ApiError && err.status >= 400 && err.status < 500
            ? t('accept.badToken')
            : err instanceof Error
              ? err.message
              : String(err),
        );
      },
    );
    return () => {
      live = false;
    };
  }, [token, workshopId, t]);

  return (
    <div className="page">
      <SiteHeader />
      <main id="main" className="centered">
        <div className="card">
          <h1>{t('accept.title')}</h1>
          {problem ? <p role="alert">{problem}</p> : <p role="status">{t('accept.checking')}</p>}
        </div>
      </main>
    </div>
  );
}
