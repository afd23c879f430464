import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { listCredentials, type Credential } from '../api/credentials.ts';
import { Link } from '../ui/Link.tsx';
import { dateLocale } from '../i18n/format.ts';

function hrefFor(workshopId: string, c: Credential): string {
  const base = `/w/${encodeURIComponent(workshopId)}`;
  return c.role === 'facilitator' ? `${base}/console` : c.role === 'organiser' ? `${base}/report` : base;
}

/** The workshops this browser can open again: role, and the next session in local time. */
export function MyWorkshops() {
  const { t, i18n } = useTranslation();
  const [entries] = useState(listCredentials);
  const [titles, setTitles] = useState<Record<string, string>>({});
  const now = Date.now();

  // A participant's credential predates titles being kept: ask the public page for it.
  useEffect(() => {
    let live = true;
    for (const { workshopId, credential } of entries) {
      if (credential.title) continue;
      api.publicWorkshop(workshopId).then(
        (w) => live && setTitles((m) => ({ ...m, [workshopId]: w.title })),
        () => {},
      );
    }
    return () => {
      live = false;
    };
  }, [entries]);

  if (entries.length === 0) return null;
  const when = (at: number) =>
    new Intl.DateTimeFormat(dateLocale(i18n.language), {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    }).format(at);
  const until = (at: number) => new Intl.DateTimeFormat(dateLocale(i18n.language), { hour: '2-digit', minute: '2-digit' }).format(at);

  return (
    <section className="card my-workshops" aria-labelledby="my-workshops-heading">
      <h2 id="my-workshops-heading">{t('myWorkshops.heading')}</h2>
      <p className="field__hint">{t('myWorkshops.hint')}</p>
      <ul className="my-workshops__list">
        {entries.map(({ workshopId, credential }) => {
          const next = [...(credential.sessions ?? [])].sort((a, b) => a.start - b.start).find((s) => s.end > now);
          const title = credential.title || titles[workshopId] || t('myWorkshops.untitled');
          return (
            <li key={workshopId} className="my-workshops__item">
              <Link href={hrefFor(workshopId, credential)} className="my-workshops__title">
                {title}
              </Link>
              <span className="badge">{t(`myWorkshops.roles.${credential.role}`)}</span>
              <span className="my-workshops__next">
                {next ? t('myWorkshops.next', { when: `${when(next.start)}–${until(next.end)}` }) : t('myWorkshops.noNext')}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
