import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/**
 * A value read from a Yjs type, re-read when the type (deeply, if asked) changes. The
 * report's cards observe their own recommendation deeply: a title, a link or a step.
 */
export function useYValue<T>(type: Y.AbstractType<any>, read: () => T, deep = false): T {
  const version = useRef(0);
  const cache = useRef<{ version: number; type: Y.AbstractType<any>; value: T } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const handler = () => {
        version.current++;
        onChange();
      };
      if (deep) type.observeDeep(handler);
      else type.observe(handler);
      return () => (deep ? type.unobserveDeep(handler) : type.unobserve(handler));
    },
    [type, deep],
  );
  const get = () => {
    let c = cache.current;
    if (!c || c.version !== version.current || c.type !== type) {
      c = { version: version.current, type, value: read() };
      cache.current = c;
    }
    return c.value;
  };
  return useSyncExternalStore(subscribe, get, get);
}
