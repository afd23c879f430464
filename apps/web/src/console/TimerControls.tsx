import { useTranslation } from 'react-i18next';
import { readTimer } from '@crossboard/model';
import { useWorkshop } from '../shared/workshop-context.ts';
import { useControl } from '../facilitation/control-hooks.ts';
import { SharedTimer } from '../facilitation/SharedTimer.tsx';
import { runTimerCommand, type TimerCommand } from './console-actions.ts';

/** Start, pause, resume, ±1 minute and reset, beside the same countdown participants see. */
export function TimerControls() {
  const { t } = useTranslation();
  const { control } = useWorkshop();
  const status = useControl(control, (d) => readTimer(d).status);
  const run = (c: TimerCommand) => () => runTimerCommand(control, c);
  return (
    <section className="console-card" aria-labelledby="console-timer">
      <h2 id="console-timer">{t('console.timer.heading')}</h2>
      <SharedTimer />
      <div className="console-row" role="group" aria-label={t('console.timer.controls')}>
        {status === 'running' ? (
          <button type="button" className="button" onClick={run('pause')}>
            {t('console.timer.pause')}
          </button>
        ) : status === 'paused' ? (
          <button type="button" className="button button--primary" onClick={run('resume')}>
            {t('console.timer.resume')}
          </button>
        ) : (
          <button type="button" className="button button--primary" onClick={run('start')}>
            {t('console.timer.start')}
          </button>
        )}
        <button type="button" className="button" onClick={run('minusMinute')}>
          {/* The short form is what the eye reads; a screen reader says the whole phrase. */}
          <span aria-hidden="true">−1 min</span>
          <span className="visually-hidden">{t('console.timer.minusMinute')}</span>
        </button>
        <button type="button" className="button" onClick={run('plusMinute')}>
          {/* The short form is what the eye reads; a screen reader says the whole phrase. */}
          <span aria-hidden="true">+1 min</span>
          <span className="visually-hidden">{t('console.timer.plusMinute')}</span>
        </button>
        <button type="button" className="button" onClick={run('reset')} disabled={status === 'idle'}>
          {t('console.timer.reset')}
        </button>
      </div>
    </section>
  );
}
