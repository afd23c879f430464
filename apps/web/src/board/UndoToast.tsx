import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkshop } from '../shared/workshop-context.ts';
import { useBoardUi } from './board-ui-store.ts';

/** How long the "Note deleted — Undo" toast stays. */
export const TOAST_MS = 8_000;

export function UndoToast() {
  const { t } = useTranslation();
  const { undo } = useWorkshop();
  const toast = useBoardUi((s) => s.toast);
  useEffect(() => {
    if (!toast) return;
    const id = setTimeout(() => useBoardUi.getState().hideToast(), TOAST_MS);
    return () => clearTimeout(id);
  }, [toast]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="toast" key={toast.id}>
          <span>{toast.message}</span>
          {toast.undo && (
            <button
              type="button"
              className="button button--small button--inverse"
              onClick={() => {
                undo.undo();
                useBoardUi.getState().hideToast();
              }}
            >
              {t('board.undo')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
