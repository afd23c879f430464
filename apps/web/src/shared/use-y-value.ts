import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/**
 * A value read from a Yjs type, re-read when the type changes (deeply, if asked: a note's
 * text lives deep in its XmlFragment, a recommendation's steps deep in its map). Observing one
 * type shallowly is what keeps typing in one note from re-rendering the others.
 *
 * `type` may be null (nothing to observe yet; `read` still answers). The cache is keyed on the
 * type as well as on its changes, so a component handed another type reads it in the same
 * render; nothing is mutated during render, so a render React throws away leaves no trace.
 */
export function useYValue<T>(type: Y.AbstractType<any> | null, read: () => T, deep = false): T {
  const version = useRef(0);
  const cache = useRef<{ version: number; type: Y.AbstractType<any> | null; value: T } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!type) return () => {};
      const handler = () => {
        version.current++;
        onChange();
      };
      if (deep) type.observeDeep(handler);
      else type.observe(handler);
      // Changes between the render that read the value and this subscription (a sync reply
      // landing while the board mounts) fired no handler: count them as one, so React's check
      // after subscribing reads the type again instead of keeping the stale value.
      version.current++;
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
