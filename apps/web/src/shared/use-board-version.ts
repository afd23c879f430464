import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { boardClusters, boardNotes } from '@crossboard/model';

/** Re-renders on any change to notes or clusters: for views that list them all (outline, console summaries), never the spatial board. */
export function useBoardVersion(doc: Y.Doc): number {
  const version = useRef(0);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const h = () => {
        version.current++;
        onChange();
      };
      boardNotes(doc).observeDeep(h);
      boardClusters(doc).observeDeep(h);
      // A sync reply (or another tab's copy) landing between the render and this subscription
      // fired no handler: count it as a change so React's check after subscribing re-renders.
      version.current++;
      return () => {
        boardNotes(doc).unobserveDeep(h);
        boardClusters(doc).unobserveDeep(h);
      };
    },
    [doc],
  );
  return useSyncExternalStore(
    subscribe,
    () => version.current,
    () => version.current,
  );
}
