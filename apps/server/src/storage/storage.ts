import type { Role } from '@crossboard/model';

/** A room's persisted state: the last snapshot plus the updates logged since. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Bytes in `updates`, so a room knows how close it is to compaction. */
  updateBytes: number;
}

export interface WorkshopRecord {
  id: string;
  title: string;
  purpose: string;
  /** Null until the facilitator first rotates the join link. */
  joinCode: string | null;
  createdAt: number;
}

export interface PersonRecord {
  id: string;
  workshopId: string;
  role: Role;
  name: string;
  organisation: string;
  country: string;
  timeZone: string;
  language: string;
  revoked: boolean;
  createdAt: number;
}

/** A whole workshop read from an export, stored at once (see Storage.importWorkshop). */
export interface ImportedWorkshop {
  workshop: WorkshopRecord;
  /** The first is the facilitator the import answers with. */
  people: PersonRecord[];
  /** Key-value settings of the workshop's people (credit choices). */
  values: [key: string, value: string][];
  /** Each room's updates in order, stored as its log. */
  rooms: { room: string; updates: Uint8Array[] }[];
}

/**
 * Everything the server persists, as SQLite answers it: synchronously, in the write path. The
 * server itself uses the Promise form of this contract (`AsyncStorage` in async-storage.ts),
 * which SQLite answers through a wrapper and PostgreSQL natively; the room queue keeps updates
 * in order either way. test/storage-contract.test.ts runs one suite against both backends.
 */
export interface Storage {
  loadDocument(room: string): StoredDocument;
  appendUpdate(room: string, update: Uint8Array): void;
  /**
   * Merges snapshot and log into one snapshot and empties the log, atomically. `current`, the
   * room's whole state as held by the only process writing it (every stored row applied), is
   * stored as the snapshot instead of merging the rows again, which blocks the process ten
   * times longer. Rows that do not decode are kept either way.
   */
  compact(room: string, current?: Uint8Array): void;

  createWorkshop(workshop: WorkshopRecord, facilitator: PersonRecord): void;
  /** One transaction: on any failure nothing of the workshop is stored. */
  importWorkshop(imported: ImportedWorkshop): void;
  getWorkshop(id: string): WorkshopRecord | null;
  setJoinCode(workshopId: string, code: string): void;

  addPerson(person: PersonRecord): void;
  getPerson(workshopId: string, personId: string): PersonRecord | null;
  /** In join order; people who joined in the same millisecond by name, so every list is stable. */
  listPeople(workshopId: string): PersonRecord[];
  revokePerson(workshopId: string, personId: string): boolean;

  getValue(key: string): string | null;
  setValue(key: string, value: string): void;

  /** True when a trivial query succeeds (for /healthz). */
  healthy(): boolean;
  close(): void;
}
