import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { Phase } from '@crossboard/model';
import type { LocalUser } from '../shared/workshop-context.ts';

export interface PeerCursor {
  x: number;
  y: number;
  phase: Phase;
}

/** Who a peer is, as the server stamped it: the organisation only if they chose to show it. */
export type PeerUser = Omit<LocalUser, 'organisation'> & { organisation?: string };

export interface Peer {
  clientId: number;
  user: PeerUser;
  status: 'active' | 'idle';
  cursor: PeerCursor | null;
  isSelf: boolean;
}

function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user = state?.user as PeerUser | undefined;
    if (!user || typeof user.id !== 'string' || typeof user.name !== 'string') return;
    const c = state.cursor as Partial<PeerCursor> | null | undefined;
    peers.push({
      clientId,
      user,
      status: state.status === 'idle' ? 'idle' : 'active',
      cursor: c && typeof c.x === 'number' && typeof c.y === 'number' && typeof c.phase === 'string' ? (c as PeerCursor) : null,
      isSelf: clientId === awareness.clientID,
    });
  });
  return peers;
}

/**
 * Peers from awareness, re-rendering only when `key(peers)` changes: the presence list
 * ignores cursor moves, the cursor layer ignores everything else.
 */
export function usePeers(awareness: Awareness, key: (peers: Peer[]) => string): Peer[] {
  const cache = useRef<{ key: string; peers: Peer[] } | null>(null);
  const keyRef = useRef(key);
  keyRef.current = key;
  const subscribe = useCallback(
    (onChange: () => void) => {
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    [awareness],
  );
  const get = () => {
    const peers = readPeers(awareness);
    const k = keyRef.current(peers);
    if (!cache.current || cache.current.key !== k) cache.current = { key: k, peers };
    return cache.current.peers;
  };
  return useSyncExternalStore(subscribe, get, get);
}

/** After this long without input we show a person as idle. */
export const IDLE_AFTER_MS = 60_000;

/** Publishes our own active/idle status from keyboard, pointer and tab visibility. */
export function useActivityStatus(awareness: Awareness, idleAfterMs = IDLE_AFTER_MS): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const set = (status: 'active' | 'idle') => {
      if (awareness.getLocalState()?.status !== status) awareness.setLocalStateField('status', status);
    };
    const onActivity = () => {
      set('active');
      clearTimeout(timer);
      timer = setTimeout(() => set('idle'), idleAfterMs);
    };
    const onVisibility = () => (document.hidden ? set('idle') : onActivity());
    const events = ['pointerdown', 'pointermove', 'keydown', 'wheel'] as const;
    events.forEach((e) => window.addEventListener(e, onActivity, { passive: true }));
    document.addEventListener('visibilitychange', onVisibility);
    onActivity();
    return () => {
      clearTimeout(timer);
      events.forEach((e) => window.removeEventListener(e, onActivity));
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [awareness, idleAfterMs]);
}
