import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { rememberWorkshop } from '../api/credentials.ts';
import { readSettings } from '@crossboard/model';
import { agendaPosition, idleTimer, ORIGIN, start, writeProgress, writeTimer, type TimedAgendaItem } from '@crossboard/model';
import { useWorkshop } from '../shared/workshop-context.ts';
import { useAgendaItemName } from '../facilitation/AgendaView.tsx';
import { agendaFor, readAgendaSnapshot, sessionOfInterest } from '../facilitation/agenda-view-model.ts';
import { useControl } from '../facilitation/control-hooks.ts';
import { serverNow } from '../facilitation/server-clock.ts';
import { dateLocale } from '../i18n/format.ts';
import { useMinuteClock } from '../shared/use-minute-clock.ts';

/** "Now / Next" from the run of show: start the timer from an item, and see when the session will overrun. */
export function AgendaPanel() {
  const { t, i18n } = useTranslation();
  const { workshopId, control, me } = useWorkshop();
  const snapshot = useControl(control, readAgendaSnapshot);
  const { sessions, progress } = snapshot;
  const title = useControl(control, (d) => readSettings(d).title);
  // Keeps the landing page's "My workshops" current for this browser.
  useEffect(() => rememberWorkshop(workshopId, { title, sessions }), [workshopId, title, sessions]);
  const now = useMinuteClock(10_000);
  const nameOf = useAgendaItemName();
  const session = sessionOfInterest(sessions, now);
  // Now/Next follow the agenda of the session that is on (or next), its own or the default.
  const agenda = agendaFor(snapshot, session);
  const time = (at: number) =>
    new Intl.DateTimeFormat(dateLocale(i18n.language), { hour: '2-digit', minute: '2-digit', timeZone: me.timeZone }).format(at);

  if (agenda.length === 0) {
    return (
      <section className="console-card agenda-panel" aria-labelledby="console-agenda">
        <h2 id="console-agenda">{t('agenda.heading')}</h2>
        <p className="console-empty">{t('agenda.empty')}</p>
      </section>
    );
  }
  // Without sessions the plan still runs: from whenever the first item is started.
  const frame = session ?? {
    start: progress?.session ?? now,
    end: (progress?.session ?? now) + agenda.reduce((n, i) => n + i.minutes, 0) * 60_000,
  };
  const pos = agendaPosition(agenda, frame, progress, now);

  const startItem = (item: TimedAgendaItem) => {
    const at = serverNow();
    control.transact(() => {
      writeTimer(control, start(idleTimer(item.minutes * 60_000), at));
      writeProgress(control, { session: frame.start, item: item.index, startedAt: at });
    }, ORIGIN.local);
  };
  const target = pos.now ?? pos.next;
  const nextUp = pos.now ? pos.next : null;

  return (
    <section className="console-card agenda-panel" aria-labelledby="console-agenda">
      <h2 id="console-agenda">{t('agenda.heading')}</h2>
      <dl className="agenda-panel__now">
        <div>
          <dt>{t('agenda.now')}</dt>
          <dd>{pos.now ? `${nameOf(pos.now)} · ${time(pos.now.start)}–${time(pos.now.end)}` : t('agenda.nothingNow')}</dd>
        </div>
        <div>
          <dt>{t('agenda.next')}</dt>
          <dd>
            {(nextUp ?? pos.next) ? `${nameOf((nextUp ?? pos.next)!)} · ${time((nextUp ?? pos.next)!.start)}` : t('agenda.nothingNext')}
          </dd>
        </div>
      </dl>
      {pos.overrunMinutes > 0 && (
        <p className="agenda-panel__overrun" role="status">
          {t('agenda.overrun', { count: pos.overrunMinutes, end: time(pos.projectedEnd) })}
        </p>
      )}
      <div className="console-row">
        {pos.next && (
          <button type="button" className="button button--primary button--small" onClick={() => startItem(pos.next!)}>
            {t('agenda.startItem', { name: nameOf(pos.next), count: pos.next.minutes })}
          </button>
        )}
        {!pos.next && target && (
          <button type="button" className="button button--small" onClick={() => startItem(target)}>
            {t('agenda.restartItem', { name: nameOf(target) })}
          </button>
        )}
      </div>
      <details className="agenda-panel__all">
        <summary>{t('agenda.all', { count: agenda.length })}</summary>
        <ol className="console-list">
          {pos.timed.map((item) => (
            <li key={item.index} className={item === pos.now ? 'console-list__row is-next' : 'console-list__row'}>
              <span className="console-list__main">
                {time(item.start)} {nameOf(item)} <span className="console-list__meta">{t('agenda.minutes', { count: item.minutes })}</span>
              </span>
              <button
                type="button"
                className="button button--small"
                onClick={() => startItem(item)}
                aria-label={t('agenda.startItem', { name: nameOf(item), count: item.minutes })}
              >
                {t('agenda.start')}
              </button>
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
