import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addableWorkshops, type StaffWorkshop } from './staff-workshops.ts';
import type { SeriesView } from '../api/series-api.ts';

/** The series' workshops with their dates in the viewer's own zone, and workshops to add. */
export function SeriesWorkshops({ view, onAdd }: { view: SeriesView; onAdd: (workshopToken: string) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const until = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });
  const [addable, setAddable] = useState<StaffWorkshop[] | null>(null);
  const inSeries = view.report.workshops.map((w) => w.id).join(',');

  useEffect(() => {
    let live = true;
    void addableWorkshops(new Set(inSeries.split(','))).then((list) => live && setAddable(list));
    return () => {
      live = false;
    };
  }, [inSeries]);

  return (
    <>
      <section className="series-card" aria-labelledby="series-workshops">
        <h2 id="series-workshops">{t('series.workshops')}</h2>
        <ul className="series-workshops">
          {view.report.workshops.map((w) => (
            <li key={w.id}>
              <h3>{w.title}</h3>
              <dl>
                <dt>{t('series.when', { zone })}</dt>
                <dd>
                  {w.sessions.length
                    ? w.sessions.map((s) => `${when.format(s.start)}–${until.format(s.end)}`).join('; ')
                    : t('series.noSessions')}
                </dd>
                <dt>{t('series.participants')}</dt>
                <dd>{w.participants}</dd>
                <dt>{t('series.countries')}</dt>
                <dd>{w.countries.join(', ') || '—'}</dd>
                <dt>{t('series.organisations')}</dt>
                <dd>{w.organisations.join(', ') || '—'}</dd>
              </dl>
            </li>
          ))}
        </ul>
      </section>
      <section className="series-card" aria-labelledby="series-add">
        <h2 id="series-add">{t('series.add')}</h2>
        <p className="report-muted">{t('series.addIntro')}</p>
        {addable && addable.length === 0 && <p>{t('series.noneToAdd')}</p>}
        {addable && addable.length > 0 && (
          <ul className="series-exports">
            {addable.map((w) => (
              <li key={w.id}>
                <button
                  type="button"
                  className="button"
                  onClick={() => void onAdd(w.credential.token).then(() => setAddable((l) => l?.filter((x) => x.id !== w.id) ?? null))}
                >
                  {t('series.addButton', { title: w.title })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
