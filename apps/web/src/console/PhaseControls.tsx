import { useTranslation } from 'react-i18next';
import { currentPhase, nextPhase, ORIGIN, PHASES, type Phase } from '@crossboard/model';
import { useWorkshop } from '../app/workshop-context.ts';
import { useControl } from '../facilitation/control-hooks.ts';
import { readAnonymous, readDrafting, readLocks, readParticipantsMayCluster, setControlFlag } from '../facilitation/control-state.ts';
import { lockPhase, movePhase } from './console-actions.ts';

/** Which phase everyone is on, and the switches that change how the board behaves. */
export function PhaseControls() {
  const { t } = useTranslation();
  const { control } = useWorkshop();
  const phase = useControl(control, currentPhase);
  const drafting = useControl(control, readDrafting);
  const anonymous = useControl(control, readAnonymous);
  const locks = useControl(control, readLocks);
  const mayCluster = useControl(control, readParticipantsMayCluster);
  const next = nextPhase(phase);

  return (
    <section className="console-card" aria-labelledby="console-phase">
      <h2 id="console-phase">{t('console.phase.heading')}</h2>
      <div className="segmented" role="group" aria-label={t('console.phase.move')}>
        {PHASES.map((p: Phase) => (
          <button key={p} type="button" className="segmented__button" aria-pressed={p === phase} onClick={() => p !== phase && movePhase(control, p)}>
            {t(`phases.${p}`)}
          </button>
        ))}
      </div>
      {next && (
        <button type="button" className="button button--primary" onClick={() => movePhase(control, next)}>
          {t('console.phase.next', { phase: t(`phases.${next}`) })}
        </button>
      )}
      <div className="console-switches">
        <label className="switch">
          <input type="checkbox" checked={drafting} onChange={(e) => setControlFlag(control, 'drafting', e.target.checked, ORIGIN.local)} />
          {t('console.phase.drafting')}
        </label>
        <label className="switch">
          <input type="checkbox" checked={anonymous} onChange={(e) => setControlFlag(control, 'anonymous', e.target.checked, ORIGIN.local)} />
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
