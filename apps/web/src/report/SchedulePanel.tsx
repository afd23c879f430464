import { useTranslation } from 'react-i18next';
import { formatInZone, icsFileName, sessionsToIcs, type Session } from '@crossboard/model';
import { saveBlob } from '../shared/download.ts';
import { dateLocale } from '../i18n/format.ts';

interface Props {
  workshopId: string;
  title: string;
  purpose: string;
  sessions: readonly Session[];
  homeTimeZone: string;
  viewerZone: string;
}

/** The live sessions in the reader's zone, the organiser's time beside them, and calendar files. */
export function SchedulePanel({ workshopId, title, purpose, sessions, homeTimeZone, viewerZone }: Props) {
  const { t, i18n } = useTranslation();
  const lang = dateLocale(i18n.language);
  const fmt = (at: number, zone: string, o: Intl.DateTimeFormatOptions) => formatInZone(at, zone, lang, o);
  const download = (list: readonly Session[], label?: string) => {
    const ics = sessionsToIcs(list, {
      title,
      uidPrefix: workshopId,
      now: Date.now(),
      homeTimeZone,
      description: purpose,
      url: `${window.location.origin}/w/${encodeURIComponent(workshopId)}`,
    });
    saveBlob(new Blob([ics], { type: 'text/calendar;charset=utf-8' }), icsFileName(title, label));
  };
  return (
    <section className="report-panel" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">{t('report.schedule')}</h2>
      {sessions.length === 0 ? (
        <p className="report-muted">{t('report.noSessions')}</p>
      ) : (
        <>
          <ul className="report-sessions">
            {sessions.map((s) => (
              <li key={`${s.start}-${s.label}`}>
                <strong>{s.label}</strong>{' '}
                <time dateTime={new Date(s.start).toISOString()}>
                  {fmt(s.start, viewerZone, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}–
                  {fmt(s.end, viewerZone, { hour: '2-digit', minute: '2-digit' })}
                </time>{' '}
                <span className="report-muted">{t('report.yourTime', { zone: viewerZone })}</span>
                {viewerZone !== homeTimeZone && (
                  <span className="report-organiser-time">
                    {' · '}
                    {t('report.organiserTime', {
                      time: `${fmt(s.start, homeTimeZone, { weekday: 'short', hour: '2-digit', minute: '2-digit' })}–${fmt(s.end, homeTimeZone, { hour: '2-digit', minute: '2-digit' })}`,
                      zone: homeTimeZone,
                    })}
                  </span>
                )}{' '}
                <button type="button" className="button button--small" onClick={() => download([s], s.label)}>
                  {t('report.downloadSession', { label: s.label })}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="button" onClick={() => download(sessions)}>
            {t('report.downloadSeries')}
          </button>
        </>
      )}
    </section>
  );
}
