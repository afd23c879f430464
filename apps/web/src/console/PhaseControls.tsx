import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  currentPhase,
  nextPhase,
  ORIGIN,
  PHASES,
  readParticipantsMayCluster,
  readTimer,
  writeTimer,
  type Phase,
  type TimerState,
} from '@crossboard/model';
import { useWorkshop } from '../shared/workshop-context.ts';
import { useControl } from '../facilitation/control-hooks.ts';
import { readAnonymous, readDrafting, readLocks, setControlFlag } from '../facilitation/control-state.ts';
import { lockPhase, movePhase } from './console-actions.ts';

/** How long "Undo" stays offered after moving everyone. */
export const MOVE_UNDO_MS = 8_000;

interface Moved {
  from: Phase;
  to: Phase;
  timer: TimerState;
}

/**
 * Which phase everyone is on, and the switches that change how the board behaves. Moving
 * everyone is one click (a facilitator does it many times a session) and can be undone for
 * a few seconds, which puts the phase and the timer back as they were.
 */
export function PhaseControls() {
  const { t } = useTranslation();
  const { control } = useWorkshop();
  const phase = useControl(control, currentPhase);
  const drafting = useControl(control, readDrafting);
  const anonymous = useControl(control, readAnonymous);
  const locks = useControl(control, readLocks);
  const mayCluster = useControl(control, readParticipantsMayCluster);
  const next = nextPhase(phase);
  const [moved, setMoved] = useState<Moved | null>(null);

  useEffect(() => {
    if (!moved) return;
    const id = setTimeout(() => setMoved(null), MOVE_UNDO_MS);
    return () => clearTimeout(id);
  }, [moved]);

  const moveTo = (to: Phase) => {
    if (to === phase) return;
    setMoved({ from: phase, to, timer: readTimer(control) });
    movePhase(control, to);
  };
  const undo = () => {
    if (!moved) return;
    control.transact(() => {
      movePhase(control, moved.from);
      writeTimer(control, moved.timer);
    }, ORIGIN.local);
    setMoved(null);
  };

  return (
    <section className="console-card" aria-labelledby="console-phase">
      <h2 id="console-phase">{t('console.phase.heading')}</h2>
      <p className="console-hint">{t('consoleLive.everyoneOn', { phase: t(`phases.${phase}`) })}</p>
      <div className="segmented segmented--move" role="group" aria-label={t('console.phase.move')}>
        {PHASES.map((p: Phase) => (
          <button
            key={p}
            type="button"
            className="segmented__button"
            aria-pressed={p === phase}
            aria-label={
              p === phase ? t('consoleLive.everyoneOn', { phase: t(`phases.${p}`) }) : t('consoleLive.moveTo', { phase: t(`phases.${p}`) })
            }
            onClick={() => moveTo(p)}
          >
            {p !== phase && <span aria-hidden="true">→ </span>}
            {t(`phases.${p}`)}
          </button>
        ))}
      </div>
      {next && (
        <button type="button" className="button button--primary" onClick={() => moveTo(next)}>
          {t('console.phase.next', { phase: t(`phases.${next}`) })}
        </button>
      )}
      <div role="status" className="move-undo">
        {moved && (
          <>
            <span>{t('consoleLive.moved', { phase: t(`phases.${moved.to}`) })}</span>{' '}
            <button type="button" className="button button--small" onClick={undo}>
              {t('consoleLive.undoMove', { phase: t(`phases.${moved.from}`) })}
            </button>
          </>
        )}
      </div>
      <div className="console-switches">
        <label className="switch">
          <input type="checkbox" checked={drafting} onChange={(e) => setControlFlag(control, 'drafting', e.target.checked, ORIGIN.local)} />
          {t('console.phase.drafting')}
        </label>
        <label className="switch">
          <input
            type="checkbox"
            checked={anonymous}
            onChange={(e) => setControlFlag(control, 'anonymous', e.target.checked, ORIGIN.local)}
          />
          {t('console.phase.anonymous')}
        </label>
        <label className="switch">
          <input
            type="checkbox"
            checked={mayCluster}
            onChange={(e) => setControlFlag(control, 'participantsMayCluster', e.target.checked, ORIGIN.local)}
          />
          {t('console.phase.participantsMayCluster')}
        </label>
        <label className="switch">
          <input type="checkbox" checked={locks[phase]} onChange={(e) => lockPhase(control, phase, e.target.checked)} />
          {t('console.phase.lock', { phase: t(`phases.${phase}`) })}
        </label>
      </div>
    </section>
  );
}
