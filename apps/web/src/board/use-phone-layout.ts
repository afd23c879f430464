import { useSyncExternalStore } from 'react';

/**
 * Below this width the workshop is one column and the board is a list: a canvas of 200 px notes
 * on a 390 px screen shows one note and hides the rest behind pan and zoom. Kept in step with
 * the `max-width: 599.98px` media queries in styles/.
 */
export const PHONE_QUERY = '(max-width: 599.98px)';

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || !window.matchMedia) return () => {};
  const mq = window.matchMedia(PHONE_QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

const snapshot = () => typeof window !== 'undefined' && !!window.matchMedia && window.matchMedia(PHONE_QUERY).matches;

/** True on a phone-sized screen; follows rotation and window resizes. */
export function usePhoneLayout(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
