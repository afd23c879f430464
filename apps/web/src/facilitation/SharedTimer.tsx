import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readTimer, remaining, timerAnnouncement, type TimerAnnouncement } from '@crossboard/model';
import { BellIcon, BellOffIcon } from '../ui/icons.tsx';
import { useWorkshop } from '../shared/workshop-context.ts';
import { beep } from './beep.ts';
import { useControl } from './control-hooks.ts';
import { useServerOffset } from './server-clock.ts';
import { formatRemaining } from './timer-format.ts';

const SOUND_KEY = 'crossboard:timer-sound';

/**
 * The phase timer everyone sees. It counts down from the control room's server-clock instants
 * with this browser's offset, re-rendering once per displayed second and only itself.
 */
export function SharedTimer() {
  const { t } = useTranslation();
  const { control } = useWorkshop();
  const timer = useControl(control, readTimer);
  const offset = useServerOffset();
  const [, tick] = useState(0);
  const [announcement, setAnnouncement] = useState<TimerAnnouncement | null>(null);
  const [sound, setSound] = useState(() => localStorage.getItem(SOUND_KEY) === 'on');
  const prev = useRef<number | null>(null);
  const left = remaining(timer, Date.now() + offset);

  // Wake when the shown second changes, so every screen turns over together.
  useEffect(() => {
    if (timer.status !== 'running' || left <= 0) return;
    const id = setTimeout(() => tick((n) => n + 1), (left % 1000 || 1000) + 5);
    return () => clearTimeout(id);
  });

  useEffect(() => {
    const before = prev.current;
    prev.current = left;
    if (before === null) return;
    if (left > before) {
      // Reset or extended: an old "time is up" no longer holds.
      if (left > 60_000) setAnnouncement(null);
      return;
    }
    const a = timerAnnouncement(before, left);
    if (a) {
      setAnnouncement(a);
      if (sound) beep(a === 'timeUp' ? 660 : 880);
    }
  }, [left, sound]);

  const toggleSound = () => {
    const next = !sound;
    setSound(next);
    localStorage.setItem(SOUND_KEY, next ? 'on' : 'off');
  };

  return (
    <section
      className={`shared-timer shared-timer--${timer.status}${left <= 60_000 && timer.status === 'running' ? ' shared-timer--ending' : ''}`}
      aria-label={t('timer.label')}
    >
      <span className="shared-timer__time" role="timer" aria-label={t('timer.remaining', { time: formatRemaining(left) })}>
        {formatRemaining(left)}
      </span>
      <span className="shared-timer__status">{t(`timer.status.${timer.status}`)}</span>
      <button type="button" className="icon-button shared-timer__sound" aria-pressed={sound} onClick={toggleSound} title={t('timer.sound')}>
        {sound ? <BellIcon /> : <BellOffIcon />}
        <span className="visually-hidden">{t('timer.sound')}</span>
      </button>
      <div className="shared-timer__live" role="status" aria-live="assertive" aria-atomic="true">
        {announcement && (
          <p className={`banner banner--${announcement}`}>
            {t(`timer.announce.${announcement}`)}
            <button type="button" className="button button--small" onClick={() => setAnnouncement(null)}>
              {t('facilitation.dismiss')}
            </button>
          </p>
        )}
      </div>
    </section>
  );
}
