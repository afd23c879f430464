import * as Y from 'yjs';

/**
 * A room's copy in IndexedDB, so offline edits survive a reload and a cached board shows
 * before the socket syncs. Same database layout as y-indexeddb (an auto-keyed `updates`
 * store of Yjs updates, and `custom`), so copies written by earlier versions still load.
 *
 * Unlike y-indexeddb it never encodes the whole document to open the copy: every update the
 * doc sees from the start is kept as it came, and those that came before the database opened
 * (the server's whole board, when the socket wins the race) are written once it is. Encoding
 * a 5,000-note board took ~160 ms of the main thread right when the board first drew; the
 * server's updates are written in idle time, as copying 2 MB into IndexedDB takes ~30 ms.
 */

/** Kept updates before they are folded into one (y-indexeddb's PREFERRED_TRIM_SIZE). */
export const MAX_KEPT_UPDATES = 500;
/** Folding waits for a pause this long in the updates, then for an idle moment; so long at most for idle. */
export const FOLD_DELAY_MS = 1000;

const UPDATES = 'updates';

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: FOLD_DELAY_MS });
  else setTimeout(run, 0);
}

export class LocalCopy {
  /** Resolves once the stored updates (if any) are in the doc; never rejects. */
  readonly whenLoaded: Promise<void>;
  private db: IDBDatabase | null = null;
  /** Updates to write as soon as the database is open: this person's edits. */
  private now: Uint8Array[] = [];
  /** Updates the server can send again, written when the page is idle, not while it draws. */
  private later: Uint8Array[] = [];
  private laterAsked = false;
  /** Keys below this are in the doc already (ours, or read at open or at the last fold). */
  private known = 0;
  private kept = 0;
  private foldTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  /** `fromServer(origin)`: whether an update came from the server (it may wait for idle time). */
  constructor(
    readonly name: string,
    private readonly doc: Y.Doc,
    private readonly fromServer: (origin: unknown) => boolean = () => false,
  ) {
    doc.on('update', this.onUpdate);
    this.whenLoaded = this.open().catch(() => {
      // No IndexedDB (private windows of some browsers): the board works from the server alone.
    });
  }

  private onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this) return;
    if (this.fromServer(origin)) {
      this.later.push(update);
      this.writeLater();
    } else {
      this.now.push(update);
      this.write('now');
    }
  };

  private async open(): Promise<void> {
    const request = indexedDB.open(this.name);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(UPDATES, { autoIncrement: true });
      request.result.createObjectStore('custom');
    };
    const db = await done(request);
    if (this.destroyed) return db.close();
    const store = db.transaction(UPDATES, 'readonly').objectStore(UPDATES);
    const [stored, newest] = await Promise.all([done(store.getAll()), done(store.openCursor(null, 'prev'))]);
    const last = newest?.key;
    if (this.destroyed) return db.close();
    Y.transact(
      this.doc,
      () => {
        for (const u of stored) Y.applyUpdate(this.doc, u as Uint8Array);
      },
      this,
      false,
    );
    this.known = typeof last === 'number' ? last + 1 : 0;
    this.kept = stored.length;
    this.db = db;
    this.write('now');
    this.writeLater();
  }

  private write(which: 'now' | 'later'): void {
    const updates = this[which];
    if (!this.db || updates.length === 0) return;
    this[which] = [];
    const store = this.db.transaction(UPDATES, 'readwrite').objectStore(UPDATES);
    for (const u of updates) store.add(u);
    this.kept += updates.length;
    this.foldLater();
  }

  private writeLater(): void {
    if (this.laterAsked || !this.db || this.later.length === 0) return;
    this.laterAsked = true;
    whenIdle(() => {
      this.laterAsked = false;
      if (!this.destroyed) this.write('later');
    });
  }

  /** Many small updates load slowly: fold them into one, when the user is not waiting. */
  private foldLater(): void {
    if (this.kept < MAX_KEPT_UPDATES) return;
    if (this.foldTimer !== null) clearTimeout(this.foldTimer);
    this.foldTimer = setTimeout(() => {
      this.foldTimer = null;
      whenIdle(() => void this.fold().catch(() => {}));
    }, FOLD_DELAY_MS);
  }

  private async fold(): Promise<void> {
    if (!this.db || this.destroyed) return;
    const store = this.db.transaction(UPDATES, 'readwrite').objectStore(UPDATES);
    // Another tab of this browser writes to the same copy: take its updates in before folding.
    const theirs = await done(store.getAll(IDBKeyRange.lowerBound(this.known)));
    Y.transact(
      this.doc,
      () => {
        for (const u of theirs) Y.applyUpdate(this.doc, u as Uint8Array);
      },
      this,
      false,
    );
    const last = (await done(store.openCursor(null, 'prev')))?.key;
    const upTo = typeof last === 'number' ? last + 1 : this.known;
    await done(store.add(Y.encodeStateAsUpdate(this.doc)));
    await done(store.delete(IDBKeyRange.upperBound(upTo, true)));
    this.known = upTo;
    this.kept = await done(store.count());
  }

  destroy(): void {
    this.destroyed = true;
    if (this.foldTimer !== null) clearTimeout(this.foldTimer);
    this.doc.off('update', this.onUpdate);
    // What the server sent and was not written yet: written now, before the database closes.
    this.write('later');
    this.db?.close();
    this.db = null;
  }
}
