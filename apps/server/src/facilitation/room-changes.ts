import * as Y from 'yjs';
import {
  plainText,
  setPlainText,
  type Collection,
  type Correction,
  type EntryChange,
  type Fields,
  type RichText,
  type RoomChanges,
} from '@crossboard/model';
import { rebuildMap, restoreKey, restoreMap } from './restore-map.ts';
import type { TransactionPast } from './transaction-past.ts';
import { clearRoot, parentOf } from './yjs-internals.ts';

/**
 * The bridge between a Yjs transaction and the board's rules (packages/model/src/rules):
 * reads what a client's update changed as plain data, and carries out the corrections.
 */

export interface RoomCollections {
  notes: Y.Map<Y.Map<unknown>>;
  /** Null in a drafts room, which has no clusters. */
  clusters: Y.Map<Y.Map<unknown>> | null;
}

const NESTED = { kind: 'nested' } as const;

/** A body read on demand: most rules never look at the text, and reading costs the note's size. */
function richTextNow(fragment: Y.XmlFragment): RichText {
  let text: string | null = null;
  let markup: number | null = null;
  return {
    kind: 'richText',
    get text() {
      return (text ??= plainText(fragment));
    },
    get markupLength() {
      return (markup ??= fragment.toString().length);
    },
  };
}

/** A body as it was before the transaction, rebuilt in a scratch document when first read. */
function richTextBefore(fragment: Y.XmlFragment, past: TransactionPast): RichText {
  let copy: Y.XmlFragment | null = null;
  const read = (): Y.XmlFragment => {
    if (copy) return copy;
    copy = new Y.Doc().getXmlFragment('body');
    copy.insert(0, past.childrenBefore(fragment));
    return copy;
  };
  return {
    kind: 'richText',
    get text() {
      return plainText(read());
    },
    get markupLength() {
      return read().toString().length;
    },
  };
}

const plain = (v: unknown, body: (f: Y.XmlFragment) => RichText) =>
  v instanceof Y.XmlFragment ? body(v) : v instanceof Y.AbstractType ? NESTED : v;

export function fieldsNow(map: Y.Map<unknown>): Fields {
  const out = new Map<string, unknown>();
  for (const [k, v] of map.entries()) out.set(k, plain(v, richTextNow));
  return out;
}

/**
 * A map's fields as they are now, each read when first asked for: a move makes the rules read
 * two or three fields, and reading them all was a tenth of the rules' cost. `freeze` reads the
 * rest before the transaction's corrections change the map, so every read sees the update as
 * the client sent it, as the rules did.
 */
/**
 * A note's fields read one at a time as the rules ask; iterating reads them all (`whole`).
 * The two views below differ only in how they read a field.
 */
abstract class LazyFields implements ReadonlyMap<string, unknown> {
  abstract get(key: string): unknown;
  abstract has(key: string): boolean;
  protected abstract whole(): Map<string, unknown>;
  get size(): number {
    return this.whole().size;
  }
  keys() {
    return this.whole().keys();
  }
  values() {
    return this.whole().values();
  }
  entries() {
    return this.whole().entries();
  }
  forEach(fn: (value: unknown, key: string, map: ReadonlyMap<string, unknown>) => void, thisArg?: unknown): void {
    this.whole().forEach((v, k) => fn.call(thisArg, v, k, this));
  }
  [Symbol.iterator]() {
    return this.whole()[Symbol.iterator]();
  }
}

export class FieldsNow extends LazyFields {
  private readonly read = new Map<string, unknown>();
  private all: Map<string, unknown> | null = null;

  constructor(private readonly map: Y.Map<unknown>) {
    super();
  }

  freeze(): void {
    this.whole();
  }

  protected whole(): Map<string, unknown> {
    if (this.all) return this.all;
    const all = new Map<string, unknown>();
    for (const [k, v] of this.map.entries()) all.set(k, this.read.has(k) ? this.read.get(k) : plain(v, richTextNow));
    this.all = all;
    return all;
  }

  get(key: string): unknown {
    if (this.all) return this.all.get(key);
    if (this.read.has(key)) return this.read.get(key);
    const value = plain(this.map.get(key), richTextNow);
    this.read.set(key, value);
    return value;
  }
  has(key: string): boolean {
    return this.all ? this.all.has(key) : this.map.has(key);
  }
}

/**
 * A map's fields as they were before the transaction, each read when first asked for: most
 * updates (a move) make the rules look at two or three fields of the past, not all of them.
 */
class FieldsBefore extends LazyFields {
  private readonly read = new Map<string, { value: unknown } | null>();
  private all: Map<string, unknown> | null = null;

  constructor(
    private readonly map: Y.Map<unknown>,
    private readonly past: TransactionPast,
  ) {
    super();
  }

  /** The field as it was (the same object on every read), or null when it was absent. */
  private field(key: string): { value: unknown } | null {
    let field = this.read.get(key);
    if (field === undefined) {
      const item = this.past.mapItemBefore(this.map, key);
      field = item ? { value: plain(item.content.getContent()[item.length - 1], (f) => richTextBefore(f, this.past)) } : null;
      this.read.set(key, field);
    }
    return field;
  }

  protected whole(): Map<string, unknown> {
    if (this.all) return this.all;
    this.all = new Map();
    for (const k of this.past.mapKeysBefore(this.map)) this.all.set(k, this.field(k)!.value);
    return this.all;
  }

  get(key: string): unknown {
    return this.field(key)?.value;
  }
  has(key: string): boolean {
    return this.field(key) !== null;
  }
}

const fieldsBefore = (map: Y.Map<unknown>, past: TransactionPast): Fields => new FieldsBefore(map, past);

/** The top-level name a root type is shared under. */
function rootName(doc: Y.Doc, type: Y.AbstractType<any>): string | null {
  for (const [name, t] of doc.share) if (t === type) return name;
  return null;
}

/** What a client's update changed in a board or drafts room. */
export function readRoomChanges(tr: Y.Transaction, rooms: RoomCollections, past: TransactionPast): RoomChanges {
  const roots = new Set<string>();
  const rootKeys = new Map<Y.AbstractType<any>, Set<string>>();
  const edits = new Map<Y.AbstractType<any>, Set<string>>();
  const isCollection = (t: Y.AbstractType<any>) => t === rooms.notes || (rooms.clusters !== null && t === rooms.clusters);
  for (const [type, keys] of tr.changed as Map<Y.AbstractType<any>, Set<string | null>>) {
    let t = type;
    let below: Y.AbstractType<any> | null = null;
    for (;;) {
      const up = parentOf(t);
      if (up === null) {
        const name = rootName(tr.doc, t);
        if (name !== null) roots.add(name);
        if (t === type && isCollection(t)) {
          const into = rootKeys.get(t) ?? new Set<string>();
          for (const k of keys) if (k !== null) into.add(k);
          rootKeys.set(t, into);
        }
        break;
      }
      if (isCollection(up.parent)) {
        const fields = edits.get(t) ?? new Set<string>();
        if (below === null) for (const k of keys) fields.add(k ?? '');
        else fields.add(parentOf(below)?.key ?? '');
        edits.set(t, fields);
        // The entry's collection and root count as written too.
        const name = rootName(tr.doc, up.parent);
        if (name !== null) roots.add(name);
        break;
      }
      below = t;
      t = up.parent;
    }
  }
  const entries = (collection: Y.Map<Y.Map<unknown>> | null): EntryChange[] => {
    if (collection === null) return [];
    const keys = new Set(rootKeys.get(collection) ?? []);
    for (const [map] of edits) {
      const up = parentOf(map);
      if (up?.parent === collection && up.key !== null && collection.get(up.key) === map) keys.add(up.key);
    }
    const out: EntryChange[] = [];
    for (const key of keys) {
      const before = past.mapValueBefore(collection, key);
      const now: unknown = collection.get(key);
      if (before === now && !edits.has(now as Y.AbstractType<any>)) continue;
      out.push({
        key,
        before: before instanceof Y.Map ? fieldsBefore(before, past) : null,
        after: now instanceof Y.Map ? new FieldsNow(now) : now === undefined ? null : new Map(),
        replaced: before !== now,
        edited: before === now ? (edits.get(now as Y.AbstractType<any>) ?? new Set()) : new Set(),
      });
    }
    return out;
  };
  return { notes: entries(rooms.notes), clusters: entries(rooms.clusters), roots: [...roots] };
}

/** Carries out the rules' corrections inside the transaction, in order. */
export function applyCorrections(
  tr: Y.Transaction,
  rooms: RoomCollections,
  past: TransactionPast,
  corrections: readonly Correction[],
  changes: RoomChanges,
): void {
  // What the rules saw stays as it was: the fields not read yet are read before any fix.
  if (corrections.length > 0) {
    for (const c of [...changes.notes, ...changes.clusters]) if (c.after instanceof FieldsNow) c.after.freeze();
  }
  const collectionOf = (target: Collection) => (target === 'notes' ? rooms.notes : rooms.clusters);
  for (const fix of corrections) {
    if (fix.kind === 'dropRoot') {
      const root = tr.doc.share.get(fix.name);
      if (root) clearRoot(root, tr);
      continue;
    }
    const collection = collectionOf(fix.target);
    if (!collection) continue;
    if (fix.kind === 'restore') {
      const before = past.mapValueBefore(collection, fix.key);
      const now = collection.get(fix.key);
      if (!(before instanceof Y.Map)) {
        if (collection.has(fix.key)) collection.delete(fix.key);
      } else if (before === now) {
        restoreMap(now, past, true);
      } else {
        collection.set(fix.key, rebuildMap(before, past));
      }
      continue;
    }
    const entry = collection.get(fix.key);
    if (!(entry instanceof Y.Map)) continue;
    if (fix.kind === 'restoreField') restoreKey(entry, fix.field, past);
    else if (fix.kind === 'setField') entry.set(fix.field, fix.value);
    else if (fix.kind === 'deleteField') entry.delete(fix.field);
    else {
      let content = entry.get('content');
      if (!(content instanceof Y.XmlFragment)) {
        content = new Y.XmlFragment();
        entry.set('content', content);
      }
      setPlainText(content as Y.XmlFragment, fix.text);
    }
  }
}
