import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { boardClusters, boardNotes, noteContent, plainText, readCluster, readNote, type Phase } from '@crossboard/model';
import { useWorkshop } from '../shared/workshop-context.ts';
import { useBoardUi } from './board-ui-store.ts';
import { NOTE_HEIGHT, NOTE_WIDTH } from '../layout/note-geometry.ts';
import { clusterRect, type Rect } from '../layout/cluster-geometry.ts';
import { useControl } from '../facilitation/control-hooks.ts';
import { readSpotlight, type Spotlight } from '../facilitation/control-state.ts';
import { useShownSpotlight } from '../facilitation/spotlight-store.ts';

function spotlightTarget(doc: import('yjs').Doc, s: Spotlight): { phase: Phase; rect: Rect; label: string } | null {
  if (s.kind === 'note') {
    const m = boardNotes(doc).get(s.id);
    const n = m ? readNote(m) : null;
    if (!m || !n) return null;
    return { phase: n.phase, rect: { left: n.x, top: n.y, width: NOTE_WIDTH, height: NOTE_HEIGHT }, label: plainText(noteContent(m)) };
  }
  const m = boardClusters(doc).get(s.id);
  const c = m ? readCluster(m) : null;
  const rect = c ? clusterRect(doc, c.phase, c.id) : null;
  return c && rect ? { phase: c.phase, rect, label: c.title } : null;
}

/**
 * Follows the facilitator's spotlight: opens the right phase, pans the board so the note or
 * cluster is in the middle, and says what it is. Dismissing only clears this screen.
 */
export function SpotlightFollower({ onPhase }: { onPhase(phase: Phase): void }) {
  const { t } = useTranslation();
  const { board, control } = useWorkshop();
  const spotlight = useControl(control, readSpotlight);
  const shown = useShownSpotlight((s) => s.shown);
  const handled = useRef<string | null>(null);

  useEffect(() => {
    const key = spotlight ? `${spotlight.kind}:${spotlight.id}:${spotlight.at}` : null;
    if (key === handled.current) return;
    handled.current = key;
    const target = spotlight && spotlightTarget(board, spotlight);
    useShownSpotlight.getState().show(target ? spotlight : null);
    if (!target) return;
    onPhase(target.phase);
    const ui = useBoardUi.getState();
    const { zoom, width, height } = ui.viewport;
    const w = width || 800;
    const h = height || 600;
    ui.setViewport({
      panX: w / 2 - (target.rect.left + target.rect.width / 2) * zoom,
      panY: h / 2 - (target.rect.top + target.rect.height / 2) * zoom,
    });
  }, [spotlight, board, onPhase]);

  const target = shown && spotlightTarget(board, shown);
  return (
    <div role="status" aria-live="polite" className="spotlight-status">
      {target && (
        <p className="banner banner--spotlight">
          {t(shown.kind === 'note' ? 'facilitation.spotlightNote' : 'facilitation.spotlightCluster', {
            text: target.label || t('note.emptyText'),
          })}
          <button type="button" className="button button--small" onClick={() => useShownSpotlight.getState().show(null)}>
            {t('facilitation.dismiss')}
          </button>
        </p>
      )}
    </div>
  );
}

/** The highlight ring drawn on the board layer around the spotlit note or cluster. */
export function SpotlightRing({ phase }: { phase: Phase }) {
  const { board } = useWorkshop();
  const shown = useShownSpotlight((s) => s.shown);
  const target = shown && spotlightTarget(board, shown);
  if (!target || target.phase !== phase) return null;
  const { left, top, width, height } = target.rect;
  return (
    <div
      className="spotlight-ring"
      aria-hidden="true"
      style={{ transform: `translate(${left - 8}px, ${top - 8}px)`, width: width + 16, height: height + 16 }}
    />
  );
}
