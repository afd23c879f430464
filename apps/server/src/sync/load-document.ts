import * as Y from 'yjs';
import { ORIGIN } from '@crossboard/model';
import { decodes } from '../storage/decodes.ts';
import type { AsyncStorage } from '../storage/async-storage.ts';

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
  snapshotBytes: number;
  /** Positions in the log of rows that could not be decoded and were left out. */
  skipped: number[];
}

/** Told which log rows of `room` were left out, so they reach the log and metrics. */
export type CorruptRowReport = (room: string, positions: number[]) => void;

/**
 * Replays snapshot + log into a fresh document. A log row that does not decode is left
 * out and reported: one bad row must not cost a workshop its whole board. Anything else
 * (storage unreadable, a corrupt snapshot) discards the document whole.
 */
export async function loadDocument(storage: AsyncStorage, room: string, onCorrupt?: CorruptRowReport): Promise<LoadedDocument> {
  const doc = new Y.Doc();
  try {
    const stored = await storage.loadDocument(room);
    const skipped: number[] = [];
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot, ORIGIN.storage);
      stored.updates.forEach((update, i) => {
        if (!decodes(update)) skipped.push(i);
        else Y.applyUpdate(doc, update, ORIGIN.storage);
      });
    }, ORIGIN.storage);
    if (skipped.length > 0) onCorrupt?.(room, skipped);
    return {
      doc,
      logCount: stored.updates.length,
      logBytes: stored.updateBytes,
      snapshotBytes: stored.snapshot?.byteLength ?? 0,
      skipped,
    };
  } catch (e) {
    doc.destroy();
    throw new RoomLoadError(room, e);
  }
}

/** Reports skipped rows to the log and metrics (the rows stay in storage for inspection). */
export function corruptRowReporter(
  metrics: { corruptRows: { inc(n?: number): void } },
  log: { error(obj: object, msg: string): void },
): CorruptRowReport {
  return (room, positions) => {
    metrics.corruptRows.inc(positions.length);
    log.error({ room, positions }, 'corrupt update rows skipped while loading the room');
  };
}
