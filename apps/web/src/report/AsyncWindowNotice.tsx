import { useTranslation } from 'react-i18next';
import { formatInZone, type Phase } from '@crossboard/model';
import { useWorkshop } from '../shared/workshop-context.ts';
import { useWritingStatus } from '../facilitation/use-writing-status.ts';
import { dateLocale } from '../i18n/format.ts';

const WHEN: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' };

/** On the board: whether this phase is open between live sessions, and until when, in the reader's own zone. */
export function AsyncWindowNotice({ phase }: { phase: Phase }) {
  const { t, i18n } = useTranslation();
  const { control, me } = useWorkshop();
  const status = useWritingStatus(control, phase);
  const when = (at: number) => formatInZone(at, me.timeZone, dateLocale(i18n.language), WHEN);
  if (status.open && status.why === 'asyncWindow') {
    return (
      <p className="notice notice--async" role="status">
        {t('report.windowOpenUntil', { time: when(status.closesAt) })}
      </p>
    );
  }
  if (!status.open && status.why === 'outsideSessions') {
    return (
      <p className="notice notice--locked" role="status">
        {status.nextOpensAt ? t('report.closedUntil', { time: when(status.nextOpensAt) }) : t('report.closedNoNext')}
      </p>
    );
  }
  return null;
}
