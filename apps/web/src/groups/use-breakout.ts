import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { breakoutMap, readBreakout, type Breakout } from '@crossboard/model';

/**
 * The control room's breakout, re-read when its own root changes (useControl watches state,
 * settings and voting rounds only). The same value object is kept while nothing changed.
 */
export function useBreakout(control: Y.Doc): Breakout {
  const cache = useRef<{ json: string; value: Breakout } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const map = breakoutMap(control);
      map.observe(onChange);
      return () => map.unobserve(onChange);
    },
    [control],
  );
  const get = () => {
    const value = readBreakout(control);
    const json = JSON.stringify(value);
    if (cache.current?.json !== json) cache.current = { json, value };
    return cache.current.value;
  };
  return useSyncExternalStore(subscribe, get, get);
}
