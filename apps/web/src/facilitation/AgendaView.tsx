import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { agendaPosition, readSettings, type AgendaItem } from '@crossboard/model';
import { rememberWorkshop } from '../api/credentials.ts';
import { useWorkshop } from '../shared/workshop-context.ts';
import { useMinuteClock } from '../shared/use-minute-clock.ts';
import { dateLocale } from '../i18n/format.ts';
import { agendaFor, readAgendaSnapshot, sessionOfInterest } from './agenda-view-model.ts';
import { useControl } from './control-hooks.ts';
import '../create/setup.css';

export function useAgendaItemName() {
  const { t } = useTranslation();
  return (item: AgendaItem) =>
    item.label ??
    (item.kind === 'phase' && item.phase ? t('agenda.phaseWork', { phase: t(`phases.${item.phase}`) }) : t(`agenda.kinds.${item.kind}`));
}

/**
 * The run of show in the reader's own zone: the session under way or next, each item's
 * start and end, and which one is now. Collapsed to one line until opened.
 */
export function AgendaView() {
  const { t, i18n } = useTranslation();
  const { workshopId, control, me } = useWorkshop();
  const snapshot = useControl(control, readAgendaSnapshot);
  const { sessions, progress } = snapshot;
  const title = useControl(control, (d) => readSettings(d).title);
  const now = useMinuteClock();
  const nameOf = useAgendaItemName();

  // Keeps the landing page's "My workshops" current for this browser.
  useEffect(() => rememberWorkshop(workshopId, { title, sessions }), [workshopId, title, sessions]);

  const session = sessionOfInterest(sessions, now);
  const agenda = agendaFor(snapshot, session);
  if (!session || agenda.length === 0) return null;
  const pos = agendaPosition(agenda, session, progress, now);
  const zone = me.timeZone;
  const time = (at: number) =>
    new Intl.DateTimeFormat(dateLocale(i18n.language), { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(at);
  const day = new Intl.DateTimeFormat(dateLocale(i18n.language), { weekday: 'long', day: 'numeric', month: 'long', timeZone: zone }).format(
    session.start,
  );

  return (
    <details className="agenda-view">
      <summary>
        <span className="agenda-view__title">{t('agenda.heading')}</span>{' '}
        <span className="agenda-view__when">
          {t('agenda.sessionWhen', { day, start: time(session.start), end: time(session.end), zone: zone.replace(/_/g, ' ') })}
        </span>
        {pos.now && <span className="agenda-view__now"> · {t('agenda.nowItem', { name: nameOf(pos.now) })}</span>}
      </summary>
      <ol className="agenda-view__list" aria-label={t('agenda.listLabel', { zone })}>
        {pos.timed.map((item) => (
          <li
            key={item.index}
            className={item === pos.now ? 'agenda-view__item is-now' : 'agenda-view__item'}
            aria-current={item === pos.now ? 'time' : undefined}
          >
            <span className="agenda-view__time">
              {time(item.start)}–{time(item.end)}
            </span>
            <span className="agenda-view__name">{nameOf(item)}</span>
            <span className="agenda-view__minutes">{t('agenda.minutes', { count: item.minutes })}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
