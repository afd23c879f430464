import type { Ballots } from '@crossboard/model';
import type { Promised } from './async-storage.ts';
import type { PersonRecord } from './storage.ts';

export interface VersionInfo {
  versionId: string;
  createdAt: number;
  reason: string;
}

/**
 * What facilitation keeps outside the shared documents: ballots (no one's socket may receive
 * them), board versions, and who wrote each note (the board may hold no author). Tables come
 * from SQL migration 2; SQLite answers in sqlite-records.ts, PostgreSQL in postgres-records.ts.
 */
export interface FacilitationRecords {
  ballots(workshopId: string): Ballots;
  setBallot(workshopId: string, personId: string, itemId: string, count: number): void;
  /** A new round starts with no dots anywhere. */
  clearBallots(workshopId: string): void;
  /** Automatic ('activity') versions past MAX_ACTIVITY_VERSIONS go, oldest first. */
  addVersion(workshopId: string, versionId: string, createdAt: number, reason: string, data: Uint8Array): void;
  listVersions(workshopId: string): VersionInfo[];
  versionData(workshopId: string, versionId: string): Uint8Array | null;
  lastVersionAt(workshopId: string): number | null;
  setNoteAuthor(workshopId: string, noteId: string, personId: string, phase: string): void;
  noteAuthor(workshopId: string, noteId: string): string | null;
  /** noteId → personId, for the report and for counting anonymous notes. */
  noteAuthors(workshopId: string): Map<string, string>;
}

/** Ballots, board versions and note authors, as Promises (what the server uses). */
export type AsyncFacilitationRecords = Promised<FacilitationRecords>;

/**
 * What the board's rules read and write while a client's update is being applied: inside
 * a Yjs transaction, so synchronously.
 */
export interface PolicyReads {
  person(workshopId: string, personId: string): PersonRecord | null;
  noteAuthor(workshopId: string, noteId: string): string | null;
  noteAuthors(workshopId: string): Map<string, string>;
  setNoteAuthor(workshopId: string, noteId: string, personId: string, phase: string): void;
  lastVersionAt(workshopId: string): number | null;
}
