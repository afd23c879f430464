import * as Y from 'yjs';
import { listNotes, PHASES, type Phase } from '@crossboard/model';
import type { AsyncFacilitationRecords as FacilitationStore } from '../storage/records.ts';
import type { VersionInfo } from '../storage/records.ts';

export type NotesPerPhase = Record<Phase, number>;

/** How many notes each phase's board held in a saved version; null when its data is gone. */
export function notesPerPhase(data: Uint8Array): NotesPerPhase {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, data);
    return Object.fromEntries(PHASES.map((p) => [p, listNotes(doc, p).length])) as NotesPerPhase;
  } finally {
    doc.destroy();
  }
}

/**
 * The version list with what each holds, so the console can say "12 pain points, 4 visions"
 * and what changed since the one before instead of an id and a time.
 */
export async function versionsWithContents(store: FacilitationStore, workshopId: string, versions: VersionInfo[]) {
  return Promise.all(
    versions.map(async (v) => {
      const data = await store.versionData(workshopId, v.versionId);
      return { ...v, notes: data ? notesPerPhase(data) : null };
    }),
  );
}
