import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { byDueDate, MAX_OWNER_EMAIL_LENGTH, ownerKey } from '@crossboard/model';
import { ApiError } from '../api/client.ts';
import { loadCredential } from '../api/credentials.ts';
import { Link } from '../ui/Link.tsx';
import { SiteHeader } from '../ui/SiteHeader.tsx';
import { WorkshopNav } from '../ui/WorkshopNav.tsx';
import { fetchFile, saveBlob } from '../shared/download.ts';
import { ProgressSummary, StepFacts } from './FollowupParts.tsx';
import { followupApi, type OwnerView, type StepWithHistory, type WorkshopFollowup } from './followup-api.ts';
import '../styles/series.css';
import './followup.css';

/** Every step by due date, overdue first. */
export function StepList({ steps, today, showWorkshop }: { steps: StepWithHistory[]; today: string; showWorkshop?: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="series-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('followup.list')}</h2>
      {steps.length === 0 ? (
        <p>{t('followup.noSteps')}</p>
      ) : (
        <ul className="followup-steps">
          {byDueDate(steps).map((s) => (
            <li key={`${s.workshopId}/${s.id}`} className="followup-step">
              <p className="followup-step__rec">
                {showWorkshop ? `${s.workshopTitle} · ` : ''}
                {s.recommendationTitle}
              </p>
              <h3>{s.text || '—'}</h3>
              <StepFacts step={s} today={today} showOwner />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface OwnerRow {
  name: string;
  record: OwnerView | null;
}

function OwnerCard({
  workshopId,
  token,
  row,
  organiser,
  onChange,
}: {
  workshopId: string;
  token: string;
  row: OwnerRow;
  organiser: boolean;
  onChange: (message: string) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [email, setEmail] = useState(row.record?.email ?? '');
  const [error, setError] = useState<string | null>(null);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const owner = row.record?.name ?? row.name;
  const run = async (fn: () => Promise<string>) => {
    setError(null);
    try {
      await onChange(await fn());
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errors.generic'));
    }
  };
  const ensure = async () => row.record ?? (await followupApi.addOwner(workshopId, token, { name: row.name }));
  const headingId = useId();
  return (
    <li className="followup-owner" aria-labelledby={headingId}>
      <h3 id={headingId}>{owner}</h3>
      <p className="report-muted">
        {row.record?.link ? t('followup.linkActive', { date: when.format(row.record.link.createdAt) }) : t('followup.noLink')}
      </p>
      {url && (
        <div className="followup-link">
          <input readOnly aria-label={t('followup.linkFor', { owner })} value={url} onFocus={(e) => e.currentTarget.select()} />
          <button
            type="button"
            className="button button--small"
            onClick={() => void navigator.clipboard?.writeText(url).then(() => onChange(t('followup.copied')))}
          >
            {t('followup.copy')}
          </button>
          <p className="report-muted">{t('followup.linkShownOnce')}</p>
        </div>
      )}
      <div className="followup-actions">
        <button
          type="button"
          className="button button--small"
          onClick={() =>
            void run(async () => {
              const o = await ensure();
              const { url: path } = await followupApi.issueLink(workshopId, token, o.id);
              setUrl(`${window.location.origin}${path}`);
              return t('followup.linkShownOnce');
            })
          }
        >
          {row.record?.link ? t('followup.newLink', { owner }) : t('followup.makeLink', { owner })}
        </button>
        {row.record?.link && (
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() =>
              void run(async () => {
                await followupApi.revokeLink(workshopId, token, row.record!.id);
                setUrl(null);
                return t('followup.revoked', { owner });
              })
            }
          >
            {t('followup.revoke', { owner })}
          </button>
        )}
        {row.record && (
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() =>
              void run(async () => {
                const { blob, fileName } = await fetchFile(followupApi.calendarPath(workshopId, row.record!.id), token);
                saveBlob(blob, fileName);
                return t('exportPage.downloaded', { file: fileName });
              })
            }
          >
            {t('followup.calendar', { owner })}
          </button>
        )}
      </div>
      {organiser && (
        <form
          className="followup-email"
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              const o = await ensure();
              await followupApi.setEmail(workshopId, token, o.id, email.trim());
              return t('followup.emailSaved');
            });
          }}
        >
          <label className="field">
            <span>{t('followup.email', { owner })}</span>
            <input
              type="email"
              autoComplete="off"
              maxLength={MAX_OWNER_EMAIL_LENGTH}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
          <button type="submit" className="button button--small">
            {t('followup.saveEmail')}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="report-error">
          {error}
        </p>
      )}
    </li>
  );
}

/** `/w/:id/followup`: the workshop's action steps after the day, for its facilitators and organisers. */
export function FollowupPage({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const [credential] = useState(() => loadCredential(workshopId));
  const [view, setView] = useState<WorkshopFollowup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const staff = credential?.role === 'facilitator' || credential?.role === 'organiser';
  const token = credential?.token ?? '';
  const reload = useCallback(async () => {
    if (!staff) return;
    try {
      setView(await followupApi.workshop(workshopId, token));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errors.generic'));
    }
  }, [workshopId, token, staff, t]);
  useEffect(() => void reload(), [reload]);

  const owners: OwnerRow[] = [];
  if (view) {
    const byKey = new Map(view.owners.map((o) => [ownerKey(o.name), o]));
    const seen = new Set<string>();
    for (const s of view.steps) {
      const key = ownerKey(s.owner);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      owners.push({ name: s.owner.trim(), record: byKey.get(key) ?? null });
    }
  }
  const ownersHeading = 'followup-owners-heading';
  return (
    <div className="page">
      <SiteHeader>
        <Link className="button button--small" href={`/w/${encodeURIComponent(workshopId)}/report`}>
          {t('followup.back')}
        </Link>
      </SiteHeader>
      <WorkshopNav workshopId={workshopId} current="followup" omit={['report']} />
      <main id="main" className="series-page">
        {!staff ? (
          <>
            <h1>{t('followup.title')}</h1>
            <p role="alert">{t('followup.onlyStaff')}</p>
          </>
        ) : !view ? (
          <>
            <h1>{t('followup.title')}</h1>
            {!error && <p role="status">{t('followup.loading')}</p>}
          </>
        ) : (
          <>
            <p className="report-muted">{t('followup.title')}</p>
            <h1>{view.workshop.title}</h1>
            <ProgressSummary summary={view.summary} />
            {owners.length > 0 && (
              <section className="series-card" aria-labelledby={ownersHeading}>
                <h2 id={ownersHeading}>{t('followup.owners')}</h2>
                <p>{t('followup.ownersIntro')}</p>
                <ul className="followup-owners">
                  {owners.map((row) => (
                    <OwnerCard
                      key={ownerKey(row.name)}
                      workshopId={workshopId}
                      token={token}
                      row={row}
                      organiser={credential?.role === 'organiser'}
                      onChange={async (message) => {
                        setStatus(message);
                        await reload();
                      }}
                    />
                  ))}
                </ul>
              </section>
            )}
            <StepList steps={view.steps} today={view.today} />
          </>
        )}
        <p role="status" aria-live="polite" className="report-muted">
          {status}
        </p>
        {error && (
          <p role="alert" className="report-error">
            {error}
          </p>
        )}
      </main>
    </div>
  );
}
