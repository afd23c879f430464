import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { dateLocale } from '../i18n/format.ts';
import { PREVIEW_ZONES, sessionInstants, touchesNight, type SessionRow } from './wizard-draft.ts';
import './setup.css';

interface Props {
  rows: SessionRow[];
  homeTimeZone: string;
  onChange(rows: SessionRow[]): void;
  /** Zones of people who have joined: shown first in the preview. */
  peopleZones?: string[];
  /** A new row starts from the last one, a week later, or from this. */
  firstRow: SessionRow;
}

const zoneName = (z: string) => z.split('/').pop()!.replace(/_/g, ' ');

function weekLater(row: SessionRow): SessionRow {
  const d = new Date(`${row.date}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return row;
  d.setUTCDate(d.getUTCDate() + 7);
  // A new session starts on the shared agenda, not a copy of the previous one's own.
  const { agenda: _own, ...times } = row;
  return { ...times, date: d.toISOString().slice(0, 10) };
}

/** Sessions typed in the home zone, each previewed in other zones with night hours flagged. */
export function SessionsEditor({ rows, homeTimeZone, onChange, peopleZones = [], firstRow }: Props) {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const zones = [...new Set([...peopleZones, ...PREVIEW_ZONES])].filter((z) => z !== homeTimeZone).slice(0, 6);
  const set = (i: number, patch: Partial<SessionRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const time = (at: number, zone: string) =>
    new Intl.DateTimeFormat(dateLocale(i18n.language), { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone: zone }).format(at);
  const endTime = (at: number, zone: string) =>
    new Intl.DateTimeFormat(dateLocale(i18n.language), { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(at);

  return (
    <div className="sessions-editor">
      <p className="field__hint">{rows.length === 0 ? t('setup.sessions.none') : t('setup.sessions.nightHint')}</p>
      <ol className="sessions-editor__list">
        {rows.map((row, i) => {
          const at = sessionInstants(row, homeTimeZone);
          const n = i + 1;
          const complete = row.date && row.start && row.end;
          return (
            <li key={i} className="sessions-editor__row">
              <fieldset>
                <legend>{t('setup.sessions.label', { n })}</legend>
                <div className="field-row">
                  <div className="field">
                    <label htmlFor={`${uid}-d${i}`}>{t('setup.sessions.date')}</label>
                    <input id={`${uid}-d${i}`} type="date" value={row.date} onChange={(e) => set(i, { date: e.target.value })} />
                  </div>
                  <div className="field">
                    <label htmlFor={`${uid}-s${i}`}>{t('setup.sessions.start')}</label>
                    <input id={`${uid}-s${i}`} type="time" value={row.start} onChange={(e) => set(i, { start: e.target.value })} />
                  </div>
                  <div className="field">
                    <label htmlFor={`${uid}-e${i}`}>{t('setup.sessions.end')}</label>
                    <input
                      id={`${uid}-e${i}`}
                      type="time"
                      value={row.end}
                      onChange={(e) => set(i, { end: e.target.value })}
                      aria-invalid={complete && !at ? true : undefined}
                      aria-describedby={complete && !at ? `${uid}-err${i}` : undefined}
                    />
                  </div>
                  <button
                    type="button"
                    className="button button--small sessions-editor__remove"
                    onClick={() => onChange(rows.filter((_, j) => j !== i))}
                    aria-label={t('setup.sessions.remove', { n })}
                  >
                    {t('setup.sessions.removeShort')}
                  </button>
                </div>
                {complete && !at && (
                  <p id={`${uid}-err${i}`} className="field__error">
                    {t('setup.sessions.endBeforeStart')}
                  </p>
                )}
                {at && (
                  <ul className="zone-preview" aria-label={t('setup.sessions.previewLabel', { n })}>
                    {zones.map((z) => {
                      const night = touchesNight(at, z);
                      return (
                        <li key={z} className={night ? 'zone-preview__zone is-night' : 'zone-preview__zone'}>
                          <span className="zone-preview__name">{zoneName(z)}</span> {time(at.start, z)}–{endTime(at.end, z)}
                          {night && <span className="zone-preview__flag"> · {t('setup.sessions.night')}</span>}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() => onChange([...rows, rows.length ? weekLater(rows[rows.length - 1]!) : firstRow])}
      >
        {t('setup.sessions.add')}
      </button>
    </div>
  );
}
