import type * as Y from 'yjs';

/**
 * Every use of Yjs internals (`_map`, `_item`, `_start`) in the server, in one place. The board's
 * rules run inside the transaction that applies a client's update and must see what Yjs has no
 * public API for: the item a key held before it was overwritten (deleted items stay in `_map`'s
 * chain until the transaction's cleanup), which map a nested edit belongs to, and the content
 * of a top-level type that is not one of the room's (Yjs can read a root only through the
 * type it was first asked for, and cannot remove one). Checked against yjs 13.6; a Yjs upgrade
 * re-runs apps/server/test/facilitation-restore.test.ts and board-policy*.test.ts.
 */

/** The newest item of each key of a map-like type, deleted ones included. */
export function mapItems(type: Y.AbstractType<any>): Map<string, Y.Item> {
  return type._map;
}

/** The type holding `type` and the key it sits under (null inside a list), or null for a top-level type. */
export function parentOf(type: Y.AbstractType<any>): { parent: Y.AbstractType<any>; key: string | null } | null {
  const item = type._item;
  if (!item) return null;
  return { parent: item.parent as Y.AbstractType<any>, key: item.parentSub };
}

/** Deletes everything a top-level type holds, as map and as list. */
export function clearRoot(type: Y.AbstractType<any>, tr: Y.Transaction): void {
  for (const item of type._map.values()) if (!item.deleted) item.delete(tr);
  for (let item = type._start; item !== null; item = item.right) if (!item.deleted) item.delete(tr);
}
