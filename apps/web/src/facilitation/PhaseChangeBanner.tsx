import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentPhase, type Phase } from '@crossboard/model';
import { useWorkshop } from '../shared/workshop-context.ts';
import { useControl } from './control-hooks.ts';

/** Says out loud, and shows until dismissed, that the facilitator moved everyone to a new phase. */
export function PhaseChangeBanner() {
  const { t } = useTranslation();
  const { control } = useWorkshop();
  const phase = useControl(control, currentPhase);
  const first = useRef<Phase>(phase);
  const [shown, setShown] = useState<Phase | null>(null);
  useEffect(() => {
    if (phase !== first.current) setShown(phase);
    first.current = phase;
  }, [phase]);
  return (
    <div role="status" aria-live="polite" className="phase-change">
      {shown && (
        <p className="banner banner--phase">
          {t('facilitation.phaseChanged', { phase: t(`phases.${shown}`) })}
          <button type="button" className="button button--small" onClick={() => setShown(null)}>
            {t('facilitation.dismiss')}
          </button>
        </p>
      )}
    </div>
  );
}
