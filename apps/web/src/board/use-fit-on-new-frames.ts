import { useEffect } from 'react';
import type * as Y from 'yjs';
import { boardClusters, type ClusterMap, type Phase } from '@crossboard/model';
import { phaseContentRect } from '../layout/placement.ts';
import { useBoardUi } from './board-ui-store.ts';

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
      const added = [...e.changes.keys].some(([id, c]) => c.action === 'add' && clusters.get(id)?.get('phase') === phase);
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
