import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { remaining, type TimerState } from '@crossboard/model';
import { useServerOffset } from '../facilitation/server-clock.ts';
import { formatRemaining } from '../facilitation/timer-format.ts';

/** The groups' own clock, counted on the server's time like the main timer. */
export function GroupTimer({ timer }: { timer: TimerState }) {
  const { t } = useTranslation();
  const offset = useServerOffset();
  const [, tick] = useState(0);
  const left = remaining(timer, Date.now() + offset);
  useEffect(() => {
    if (timer.status !== 'running' || left <= 0) return;
    const id = setTimeout(() => tick((n) => n + 1), (left % 1000 || 1000) + 5);
    return () => clearTimeout(id);
  });
  return (
    <section className="shared-timer shared-timer--running" aria-label={t('groups.ownTimerLabel')}>
      <span className="shared-timer__time" role="timer" aria-label={t('timer.remaining', { time: formatRemaining(left) })}>
        {formatRemaining(left)}
      </span>
    </section>
  );
}
