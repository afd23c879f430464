import * as Y from 'yjs';
import { mapItems } from './yjs-internals.ts';

/**
 * The document as it was before a transaction, read while the transaction is still open.
 * Until the transaction ends, Yjs keeps what it deleted (garbage collection runs at cleanup),
 * so a policy can put back exactly what a client's update changed, in the same transaction.
 */
export class TransactionPast {
  private snapshotBefore: Y.Snapshot | null = null;

  constructor(readonly tr: Y.Transaction) {}

  existedBefore(item: Y.Item): boolean {
    return item.id.clock < (this.tr.beforeState.get(item.id.client) ?? 0);
  }

  private deletedInThisTransaction(item: Y.Item): boolean {
    const ranges = this.tr.deleteSet.clients.get(item.id.client);
    if (!ranges) return false;
    const { clock } = item.id;
    return ranges.some((r) => clock >= r.clock && clock < r.clock + r.len);
  }

  visibleBefore(item: Y.Item): boolean {
    return this.existedBefore(item) && (!item.deleted || this.deletedInThisTransaction(item));
  }

  /** The item that held `key` before the transaction, or null when the key was absent. */
  mapItemBefore(map: Y.AbstractType<any>, key: string): Y.Item | null {
    let item: Y.Item | null = mapItems(map).get(key) ?? null;
    while (item !== null && !this.existedBefore(item)) item = item.left;
    return item !== null && this.visibleBefore(item) ? item : null;
  }

  mapValueBefore(map: Y.AbstractType<any>, key: string): unknown {
    const item = this.mapItemBefore(map, key);
    return item ? item.content.getContent()[item.length - 1] : undefined;
  }

  /** The keys a map held before the transaction (a deleted map still remembers them). */
  mapKeysBefore(map: Y.AbstractType<any>): string[] {
    return [...mapItems(map).keys()].filter((key) => this.mapItemBefore(map, key) !== null);
  }

  /**
   * A Yjs snapshot of the state before the transaction. Walks the whole struct store, so it
   * is built only when something must actually be restored (a rare, refused edit).
   */
  snapshot(): Y.Snapshot {
    if (this.snapshotBefore) return this.snapshotBefore;
    const doc = this.tr.doc;
    const all = Y.createDeleteSetFromStructStore(doc.store);
    const before = Y.createDeleteSet();
    for (const [client, ranges] of all.clients) {
      const removed = [...(this.tr.deleteSet.clients.get(client) ?? [])].sort((a, b) => a.clock - b.clock);
      const kept = subtractRanges(ranges, removed);
      if (kept.length > 0) before.clients.set(client, kept as typeof ranges);
    }
    this.snapshotBefore = Y.createSnapshot(before, this.tr.beforeState);
    return this.snapshotBefore;
  }

  /** A detached copy of a rich-text node as it was before the transaction, ready to insert. */
  cloneBefore(node: unknown): Y.XmlElement | Y.XmlText | null {
    const snap = this.snapshot();
    if (node instanceof Y.XmlText) {
      const copy = new Y.XmlText();
      copy.applyDelta(node.toDelta(snap));
      return copy;
    }
    if (node instanceof Y.XmlElement) {
      const copy = new Y.XmlElement(node.nodeName);
      for (const [k, v] of Object.entries(Y.typeMapGetAllSnapshot(node, snap))) {
        if (typeof v === 'string') copy.setAttribute(k, v);
      }
      copy.insert(0, this.childrenBefore(node));
      return copy;
    }
    return null;
  }

  /** The children of a fragment or element as they were, as detached copies. */
  childrenBefore(parent: Y.XmlFragment | Y.XmlElement): (Y.XmlElement | Y.XmlText)[] {
    return Y.typeListToArraySnapshot(parent, this.snapshot())
      .map((child) => this.cloneBefore(child))
      .filter((c): c is Y.XmlElement | Y.XmlText => c !== null);
  }
}

interface Range {
  clock: number;
  len: number;
}

/** `ranges` minus `removed`, both sorted by clock; the result stays sorted and disjoint. */
export function subtractRanges(ranges: readonly Range[], removed: readonly Range[]): Range[] {
  const out: Range[] = [];
  for (const r of ranges) {
    let start = r.clock;
    const end = r.clock + r.len;
    for (const cut of removed) {
      const cutEnd = cut.clock + cut.len;
      if (cutEnd <= start || cut.clock >= end) continue;
      if (cut.clock > start) out.push({ clock: start, len: cut.clock - start });
      start = Math.max(start, cutEnd);
      if (start >= end) break;
    }
    if (start < end) out.push({ clock: start, len: end - start });
  }
  return out;
}
