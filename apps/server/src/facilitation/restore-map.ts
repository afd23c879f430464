import * as Y from 'yjs';
import type { TransactionPast } from './transaction-past.ts';
import { mapItems } from './yjs-internals.ts';

/**
 * Putting a note or cluster back the way it was before a client's update, inside the same
 * transaction. Notes are Y.Maps of plain values plus a `content` rich-text fragment.
 */

/** A new, detached map equal to what `deleted` held before the transaction. */
export function rebuildMap(deleted: Y.Map<unknown>, past: TransactionPast): Y.Map<unknown> {
  const copy = new Y.Map<unknown>();
  for (const key of past.mapKeysBefore(deleted)) {
    const value = past.mapValueBefore(deleted, key);
    if (value instanceof Y.XmlFragment) {
      const fragment = new Y.XmlFragment();
      fragment.insert(0, past.childrenBefore(value));
      copy.set(key, fragment);
    } else if (!(value instanceof Y.AbstractType)) {
      copy.set(key, value);
    }
  }
  return copy;
}

/** Makes a fragment's children equal to what they were before the transaction. */
export function restoreFragment(fragment: Y.XmlFragment, past: TransactionPast): void {
  const before = past.childrenBefore(fragment);
  fragment.delete(0, fragment.length);
  fragment.insert(0, before);
}

/**
 * Sets every field of a still-present map back to its value before the transaction; with
 * `contentEdited`, the rich text inside `content` is put back too.
 */
export function restoreMap(map: Y.Map<unknown>, past: TransactionPast, contentEdited: boolean): void {
  for (const key of [...mapItems(map).keys()]) restoreKey(map, key, past, contentEdited);
}

/** One field of a still-present map back to its value before the transaction. */
export function restoreKey(map: Y.Map<unknown>, key: string, past: TransactionPast, contentEdited = true): void {
  const before = past.mapItemBefore(map, key);
  const current = mapItems(map).get(key);
  const currentLive = current && !current.deleted ? current : null;
  if (before === currentLive) {
    const value = map.get(key);
    if (contentEdited && value instanceof Y.XmlFragment) restoreFragment(value, past);
    return;
  }
  if (before === null) {
    map.delete(key);
    return;
  }
  const value = before.content.getContent()[before.length - 1];
  if (value instanceof Y.XmlFragment) {
    const fragment = new Y.XmlFragment();
    fragment.insert(0, past.childrenBefore(value));
    map.set(key, fragment);
  } else if (!(value instanceof Y.AbstractType)) {
    map.set(key, value);
  }
}
