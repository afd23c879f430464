import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentPhase } from '@crossboard/model';
import { useWorkshop } from '../shared/workshop-context.ts';
import { useControl } from './control-hooks.ts';
import { readReady } from './control-state.ts';
import { apiFor, errorMessage } from './facilitation-api.ts';

/** "I'm done" for the current phase; the server records it in the control room. */
export function ReadyButton() {
  const { t } = useTranslation();
  const { workshopId, control, me } = useWorkshop();
  const api = useMemo(() => apiFor(workshopId), [workshopId]);
  const phase = useControl(control, currentPhase);
  const ready = useControl(control, (d) => readReady(d)[me.id] === phase);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (me.role !== 'participant') return null;
  const toggle = async () => {
    setBusy(true);
    setError('');
    try {
      await api.setReady(!ready);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="ready">
      <button
        type="button"
        className={`button button--small${ready ? ' button--done' : ''}`}
        aria-pressed={ready}
        disabled={busy}
        onClick={() => void toggle()}
      >
        {ready ? t('facilitation.ready') : t('facilitation.imDone')}
      </button>
      {error && <span role="alert">{error}</span>}
    </span>
  );
}
