import { useEffect } from 'react';
import type * as Y from 'yjs';
import { boardClusters, type ClusterMap, type Phase } from '@crossboard/model';
import { phaseContentRect } from '../layout/placement.ts';
import { useBoardUi } from './board-ui-store.ts';

/**
 * A frame created this recently counts as new: opening a board that already has clusters
 * (its first sync adds them all) leaves the view where it was.
 */
export const NEW_FRAME_MS = 10_000;

/** Shows the whole phase: after "Tidy up", and when new cluster frames appear. */
export function fitPhase(doc: Y.Doc, phase: Phase): void {
  const r = phaseContentRect(doc, phase);
  if (r) useBoardUi.getState().fitTo(r);
}

/**
 * A facilitator accepting suggestions (here or in the console, another tab) wants to see every
 * new frame: when clusters are added to the phase, the view fits the phase. Participants' views
 * stay where they are.
 */
export function useFitOnNewFrames(doc: Y.Doc, phase: Phase, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const clusters = boardClusters(doc);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = (e: Y.YMapEvent<ClusterMap>) => {
      const fresh = (id: string) => {
        const c = clusters.get(id);
        return c?.get('phase') === phase && Date.now() - (Number(c.get('createdAt')) || 0) < NEW_FRAME_MS;
      };
      const added = [...e.changes.keys].some(([id, c]) => c.action === 'add' && fresh(id));
      if (!added) return;
      // Accepting several suggestions in a row fits once, after the last has arrived.
      clearTimeout(timer);
      timer = setTimeout(() => fitPhase(doc, phase), 50);
    };
    clusters.observe(onChange);
    return () => {
      clearTimeout(timer);
      clusters.unobserve(onChange);
    };
  }, [doc, phase, enabled]);
}
