import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { controlSettings, controlState, formatInZone, phaseWritingStatus, writingContextOf, type Phase } from '@crossboard/model';
import { useWorkshop } from '../app/workshop-context.ts';
import { useYValue } from './use-y.ts';

/** The status is re-read this often, so the notice changes when a window opens or closes. */
const REFRESH_MS = 30_000;
const WHEN: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' };

/** On the board: whether this phase is open between live sessions, and until when, in the reader's own zone. */
export function AsyncWindowNotice({ phase }: { phase: Phase }) {
  const { t, i18n } = useTranslation();
  const { control, me } = useWorkshop();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const stateVersion = useYValue(controlState(control), () => ({}));
  const settingsVersion = useYValue(controlSettings(control), () => ({}));
  void stateVersion;
  void settingsVersion;
  const status = phaseWritingStatus(writingContextOf(control), phase, now);
  const when = (at: number) => formatInZone(at, me.timeZone, i18n.language, WHEN);
  if (status.open && status.why === 'asyncWindow') {
    return <p className="notice notice--async" role="status">{t('report.windowOpenUntil', { time: when(status.closesAt) })}</p>;
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
