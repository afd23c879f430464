import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { controlSettings, controlState, votingRoundsMap } from '@crossboard/model';

/**
 * A value read from the control room, re-read only when its state or settings change. The
 * control room is small and changes rarely (a few writes a minute), so one shallow observer
 * per reader is cheap; `equal` keeps object results stable so nothing re-renders needlessly.
 */
export function useControl<T>(control: Y.Doc, read: (doc: Y.Doc) => T, equal: (a: T, b: T) => boolean = sameJson): T {
  const cache = useRef<{ version: number; read: (doc: Y.Doc) => T; value: T } | null>(null);
  const version = useRef(0);
  const readRef = useRef(read);
  readRef.current = read;
  const subscribe = useCallback(
    (onChange: () => void) => {
      const state = controlState(control);
      const settings = controlSettings(control);
      const rounds = votingRoundsMap(control);
      const h = () => {
        version.current++;
        onChange();
      };
      state.observe(h);
      settings.observe(h);
      rounds.observe(h);
      // A change landing between the render that read the value and this subscription fired
      // no handler: a second tab's BroadcastChannel reply, or the IndexedDB copy, can fill the
      // doc in that gap. Count it as one change, so React's check after subscribing re-reads
      // the doc instead of keeping the empty settings forever (`equal` keeps an unchanged value).
      version.current++;
      return () => {
        state.unobserve(h);
        settings.unobserve(h);
        rounds.unobserve(h);
      };
    },
    [control],
  );
  const get = () => {
    const c = cache.current;
    // Re-read after a change, or when the reader itself changed (it closes over props like the phase).
    if (!c || c.version !== version.current || c.read !== readRef.current) {
      const value = readRef.current(control);
      cache.current = { version: version.current, read: readRef.current, value: c && equal(c.value, value) ? c.value : value };
    }
    return cache.current!.value;
  };
  return useSyncExternalStore(subscribe, get, get);
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
