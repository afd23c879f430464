import * as Y from 'yjs';
import { ORIGIN } from '@crossboard/model';
import type { Storage } from '../storage/storage.ts';

export class RoomLoadError extends Error {
  constructor(
    readonly room: string,
    override readonly cause: unknown,
  ) {
    super(`room ${room} could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

export interface LoadedDocument {
  doc: Y.Doc;
  logCount: number;
  logBytes: number;
}

/** Replays snapshot + log into a fresh document; any failure discards it whole. */
export function loadDocument(storage: Storage, room: string): LoadedDocument {
  const doc = new Y.Doc();
  try {
    const stored = storage.loadDocument(room);
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot, ORIGIN.storage);
      for (const update of stored.updates) Y.applyUpdate(doc, update, ORIGIN.storage);
    }, ORIGIN.storage);
    return { doc, logCount: stored.updates.length, logBytes: stored.updateBytes };
  } catch (e) {
    doc.destroy();
    throw new RoomLoadError(room, e);
  }
}
