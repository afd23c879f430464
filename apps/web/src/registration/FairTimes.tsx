import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alternateSessions, candidatesAcrossDay, groupZones, isValidTimeZone, type Session } from '@crossboard/model';
import { formatDateTime } from '../i18n/format.ts';
import './messages.ts';

const DAY_MS = 86_400_000;
const hhmm = (t: number) => new Date(t).toISOString().slice(11, 16);

/**
 * Fair session times for the zones given (the registrants'): a bar per half-hour start across
 * one UTC day, the best starts, and a rotating pick for the workshop's session days. The SVG
 * is hidden from assistive technology; the table beside it carries the same numbers.
 */
export function FairTimes({ zones, sessions, viewerZone }: { zones: readonly string[]; sessions: readonly Session[]; viewerZone: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const firstDay = sessions[0] ? new Date(sessions[0].start).toISOString().slice(0, 10) : new Date().toISOString().slice(0, 10);
  const [day, setDay] = useState(firstDay);
  const [minutes, setMinutes] = useState(sessions[0] ? Math.round((sessions[0].end - sessions[0].start) / 60_000) : 150);
  const [extra, setExtra] = useState(zones.length === 0 ? 'Europe/Paris\nAmerica/Bogota\nPacific/Fiji' : '');
  const groups = useMemo(() => groupZones([...zones, ...extra.split(/\s+/).filter((z) => z && isValidTimeZone(z))]), [zones, extra]);
  const dayStart = Date.parse(`${day}T00:00:00Z`);
  const valid = Number.isFinite(dayStart) && minutes > 0 && minutes <= 720;
  const candidates = valid ? candidatesAcrossDay(dayStart, minutes, groups) : [];
  const total = groups.reduce((n, g) => n + g.people, 0);
  const best = [...candidates].sort((a, b) => a.outside - b.outside || a.start - b.start).slice(0, 5);
  const sessionDays = [...new Set(sessions.map((s) => Math.floor(s.start / DAY_MS) * DAY_MS))];
  const rotation = valid && sessionDays.length > 1 ? alternateSessions(sessionDays, minutes, groups) : [];
  const local = (at: number) => formatDateTime(at, i18n.language, { weekday: 'short', hour: '2-digit', minute: '2-digit' }, viewerZone);

  const W = 480;
  const H = 140;
  const barW = W / 48;
  const scale = total > 0 ? (H - 20) / total : 0;

  return (
    <section className="card fair" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('registration.fair.heading')}</h2>
      <p className="field__hint">{t('registration.fair.intro')}</p>
      <div className="fair__controls">
        <div className="field">
          <label htmlFor={`${id}-day`}>{t('registration.fair.day')}</label>
          <input id={`${id}-day`} type="date" value={day} onChange={(e) => setDay(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-min`}>{t('registration.fair.duration')}</label>
          <input
            id={`${id}-min`}
            type="number"
            min={15}
            max={720}
            step={15}
            value={minutes}
            onChange={(e) => setMinutes(Number(e.target.value))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-zones`}>{t('registration.fair.zonesToTry')}</label>
          <textarea
            id={`${id}-zones`}
            rows={3}
            value={extra}
            onChange={(e) => setExtra(e.target.value)}
            aria-describedby={zones.length === 0 ? `${id}-none` : undefined}
          />
          {zones.length === 0 && (
            <p id={`${id}-none`} className="field__hint">
              {t('registration.fair.noZones')}
            </p>
          )}
        </div>
      </div>
      {valid && total > 0 && (
        <>
          <svg className="fair__chart" viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
            {candidates.map((c, i) => (
              <rect
                key={c.start}
                className={c.outside === 0 ? 'fair__bar fair__bar--zero' : 'fair__bar'}
                x={i * barW + 1}
                width={barW - 2}
                y={H - 14 - Math.max(2, c.outside * scale)}
                height={Math.max(2, c.outside * scale)}
              >
                <title>{`${hhmm(c.start)} UTC: ${c.outside}`}</title>
              </rect>
            ))}
            {[0, 6, 12, 18].map((h) => (
              <text key={h} className="fair__axis" x={h * 2 * barW} y={H - 2}>
                {`${String(h).padStart(2, '0')}:00`}
              </text>
            ))}
          </svg>
          <h3>{t('registration.fair.best')}</h3>
          <table>
            <caption className="visually-hidden">{t('registration.fair.chartLabel', { day })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registration.fair.start')}</th>
                <th scope="col">{t('registration.fair.yourTime')}</th>
                <th scope="col">{t('registration.fair.outside')}</th>
                <th scope="col">{t('registration.fair.zones')}</th>
              </tr>
            </thead>
            <tbody>
              {best.map((c) => (
                <tr key={c.start}>
                  <td>{hhmm(c.start)}</td>
                  <td>{local(c.start)}</td>
                  <td>{c.outside}</td>
                  <td>{c.outsideZones.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <details>
            <summary>{t('registration.fair.showTable')}</summary>
            <table>
              <caption>{t('registration.fair.chartLabel', { day })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('registration.fair.start')}</th>
                  <th scope="col">{t('registration.fair.outside')}</th>
                  <th scope="col">{t('registration.fair.zones')}</th>
                </tr>
              </thead>
              <tbody>
                {candidates.map((c) => (
                  <tr key={c.start}>
                    <td>{hhmm(c.start)}</td>
                    <td>{c.outside}</td>
                    <td>{c.outsideZones.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          {rotation.length > 0 && (
            <>
              <h3>{t('registration.fair.rotate')}</h3>
              <p className="field__hint">{t('registration.fair.rotateIntro')}</p>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('registration.fair.start')}</th>
                    <th scope="col">{t('registration.fair.yourTime')}</th>
                    <th scope="col">{t('registration.fair.outside')}</th>
                    <th scope="col">{t('registration.fair.zones')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rotation.map((c) => (
                    <tr key={c.start}>
                      <td>{new Date(c.start).toISOString().slice(0, 16).replace('T', ' ')}</td>
                      <td>{local(c.start)}</td>
                      <td>{c.outside}</td>
                      <td>{c.outsideZones.join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </section>
  );
}
