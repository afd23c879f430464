import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directoryApi, type SeriesDirectory as Series } from '../api/directory-api.ts';
import { PersonCard } from './PersonCard.tsx';
import '../i18n/people-messages.ts';

/**
 * The listed people of the other workshops in this workshop's series, under the workshop's own
 * directory. Nothing at all when the workshop is in no series (or the list cannot be read: the
 * workshop's own directory above is what the page is for).
 */
export function SeriesDirectory({ workshopId, token, version }: { workshopId: string; token: string; version: number }) {
  const { t } = useTranslation();
  const [series, setSeries] = useState<Series | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` asks for a fresh list after the person saves their own choices.
  useEffect(() => {
    let live = true;
    directoryApi.series(workshopId, token).then(
      (r) => live && setSeries(r.series),
      () => live && setSeries(null),
    );
    return () => {
      live = false;
    };
  }, [workshopId, token, version]);
  if (!series) return null;
  return (
    <section aria-labelledby="series-people-heading" className="people__series">
      <h2 id="series-people-heading">{t('people.directory.seriesHeading', { title: series.title })}</h2>
      <p className="field__hint">{t('people.directory.seriesIntro')}</p>
      {series.workshops.length === 0 ? (
        <p>{t('people.directory.seriesEmpty')}</p>
      ) : (
        series.workshops.map((w) => {
          // Each listed workshop has someone in it (the server leaves empty ones out); titles may repeat.
          const key = `series-workshop-${w.people[0]?.personId ?? w.title}`;
          return (
            <section key={key} aria-labelledby={key}>
              <h3 id={key} className="people__series-workshop">
                {w.title}
              </h3>
              <ul className="people__cards">
                {w.people.map((p) => (
                  <PersonCard key={p.personId} person={p} level={4} />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </section>
  );
}
