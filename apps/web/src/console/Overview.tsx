import { useTranslation } from 'react-i18next';
import { listNotes, PHASES, readSettings } from '@crossboard/model';
import { useWorkshop } from '../shared/workshop-context.ts';
import { useControl } from '../facilitation/control-hooks.ts';
import type { Person } from '../facilitation/facilitation-api.ts';
import { PresenceList } from '../presence/PresenceList.tsx';
import { activeParticipants } from './PeoplePanel.tsx';
import { formatSession, nextSession } from './schedule.ts';
import { useBoardVersion } from '../shared/use-board-version.ts';
import { useMinuteClock } from '../shared/use-minute-clock.ts';

/** The room at a glance: who is here, how much was written, and when everyone meets next. */
export function Overview({ people }: { people: Person[] | undefined }) {
  const { t, i18n } = useTranslation();
  const { board, control, awareness, me } = useWorkshop();
  useBoardVersion(board);
  const sessions = useControl(control, (d) => readSettings(d).sessions);
  const homeZone = useControl(control, (d) => readSettings(d).homeTimeZone);
  const now = useMinuteClock();
  const next = nextSession(sessions, now);
  const zones = new Map<string, string[]>();
  for (const p of activeParticipants(people)) zones.set(p.timeZone, [...(zones.get(p.timeZone) ?? []), p.name]);

  return (
    <section className="console-card console-overview" aria-labelledby="console-overview">
      <h2 id="console-overview">{t('console.overview.heading')}</h2>
      <dl className="console-stats">
        {PHASES.map((p) => (
          <div key={p}>
            <dt>{t(`phases.${p}`)}</dt>
            <dd>{t('board.notesCount', { count: listNotes(board, p).length })}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('console.overview.schedule', { zone: me.timeZone })}</h3>
      {sessions.length === 0 ? (
        <p className="console-empty">{t('console.overview.noSessions')}</p>
      ) : (
        <ul className="console-list">
          {sessions.map((s, i) => (
            <li key={i} className={s === next ? 'console-list__row is-next' : 'console-list__row'}>
              <strong>{s.label}</strong> {formatSession(s, me.timeZone, i18n.language)}
              {homeZone !== me.timeZone && (
                <span className="console-list__meta">
                  {' '}
                  ({formatSession(s, homeZone, i18n.language)} {homeZone})
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {next && zones.size > 0 && (
        <>
          <h3>{t('console.overview.nextByZone', { label: next.label })}</h3>
          <ul className="console-list">
            {[...zones].map(([zone, names]) => (
              <li key={zone} className="console-list__row">
                <span className="console-list__main">
                  {formatSession(next, zone, i18n.language)} <span className="console-list__meta">{zone}</span>
                </span>
                <span className="console-list__meta">{names.join(', ')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <PresenceList awareness={awareness} />
    </section>
  );
}
