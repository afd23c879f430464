import * as Y from 'yjs';
import {
  BOARD_RULES,
  DRAFTS_RULES,
  applyCorrections as correctedView,
  boardClusters,
  boardNotes,
  entitySize,
  isNewEntry,
  isPhase,
  readNote,
  runRules,
  type Author,
  type Fields,
  type Phase,
  type Rule,
  type RuleDeps,
} from '@crossboard/model';
import type { RoomClient } from '../sync/connection.ts';
import type { UpdatePolicy } from '../sync/room.ts';
import { applyCorrections, fieldsNow, readRoomChanges, type RoomCollections } from './room-changes.ts';
import { TransactionPast } from './transaction-past.ts';

/** What the board's rules need to know beyond the document itself. */
export interface BoardPolicyDeps {
  /**
   * The author a new note of this person gets, or null when the person is unknown. The writing
   * client carries what presence shows of its person (the directory consent).
   */
  authorOf(personId: string, client: RoomClient): Author | null;
  /** Read from the control room at the time of the update. */
  controlState(): { anonymous: boolean; locked(phase: Phase): boolean; participantsMayCluster: boolean };
  /** Who wrote each note (kept by the server, also in anonymous mode). */
  noteAuthor(noteId: string): string | null;
  noteAuthors(): Map<string, string>;
  recordAuthor(noteId: string, personId: string, phase: Phase): void;
  /**
   * Who brought each cluster to its phase, for the per-person cluster quota. Kept while the
   * server runs: clusters from before a restart count for nobody.
   */
  clusterOwners: Map<string, string>;
  /** Called after any change to notes or clusters (periodic versions). */
  onActivity?(): void;
  /** Each correction, for the log. */
  onCorrection?(rule: string, client: RoomClient, id: string): void;
}

/** What a drafts room's rules need: whose room it is. */
export interface DraftsPolicyDeps {
  ownerId: string;
  authorOf(personId: string, client: RoomClient): Author | null;
  onCorrection?(rule: string, client: RoomClient, id: string): void;
}

/**
 * What each note costs its writer, remembered per map: the quota reads every note of the
 * room, and a note's size changes only when it is written (its map is then forgotten here).
 */
class NoteSizes {
  private readonly sizes = new WeakMap<Y.Map<unknown>, number>();
  forget(map: unknown): void {
    if (map instanceof Y.Map) this.sizes.delete(map);
  }
  of(map: Y.Map<unknown>): number {
    let size = this.sizes.get(map);
    if (size === undefined) this.sizes.set(map, (size = entitySize(fieldsNow(map))));
    return size;
  }
}

interface Counting {
  /** Who wrote this note, for counts and quotas. */
  ownerOf(id: string, note: Y.Map<unknown>): string | null;
}

function counters(notes: Y.Map<Y.Map<unknown>>, sizes: NoteSizes, personId: string, counting: Counting) {
  return {
    notesPerPhase(exclude: ReadonlySet<string>): Map<Phase, number> {
      const counts = new Map<Phase, number>();
      for (const [id, m] of notes) {
        if (exclude.has(id) || !(m instanceof Y.Map)) continue;
        const n = readNote(m);
        if (n && counting.ownerOf(id, m) === personId) counts.set(n.phase, (counts.get(n.phase) ?? 0) + 1);
      }
      return counts;
    },
    bytesHeld(exclude: ReadonlySet<string>): number {
      let total = 0;
      for (const [id, m] of notes) {
        if (exclude.has(id) || !(m instanceof Y.Map)) continue;
        if (counting.ownerOf(id, m) === personId) total += sizes.of(m);
      }
      return total;
    },
  };
}

/** The person's clusters per phase, by the owners the server recorded. */
function clustersPerPhase(
  clusters: Y.Map<Y.Map<unknown>>,
  owners: ReadonlyMap<string, string>,
  personId: string,
  exclude: ReadonlySet<string>,
): Map<Phase, number> {
  const counts = new Map<Phase, number>();
  for (const [id, m] of clusters) {
    if (exclude.has(id) || !(m instanceof Y.Map) || owners.get(id) !== personId) continue;
    const phase = m.get('phase');
    if (isPhase(phase)) counts.set(phase, (counts.get(phase) ?? 0) + 1);
  }
  return counts;
}

/** Runs a rule list on a client's update and carries out what it corrects. */
function runPolicy(
  tr: Y.Transaction,
  rooms: RoomCollections,
  rules: readonly Rule[],
  depsFor: (past: TransactionPast) => RuleDeps,
  sizes: NoteSizes,
  report: (rule: string, id: string) => void,
) {
  const past = new TransactionPast(tr);
  const changes = readRoomChanges(tr, rooms, past);
  for (const c of changes.notes) {
    sizes.forget(past.mapValueBefore(rooms.notes, c.key));
    sizes.forget(rooms.notes.get(c.key));
  }
  const deps = depsFor(past);
  const corrections = runRules(rules, changes, deps);
  applyCorrections(tr, rooms, past, corrections, changes);
  for (const fix of corrections) report(fix.rule, fix.kind === 'dropRoot' ? fix.name : fix.key);
  return { changes, corrections, corrected: correctedView(changes, corrections) };
}

const authorIdOf = (fields: Fields | null): string | null => {
  const a = fields?.get('author') as { id?: unknown } | null | undefined;
  return typeof a === 'object' && a !== null && typeof a.id === 'string' ? a.id : null;
};

/**
 * The board's rules for every client update (docs/API.md "Board policies"), as the list
 * BOARD_RULES in packages/model/src/rules: the room's schema, others' notes, locked phases,
 * clustering, authors stamped from the token, and per-person quotas. Facilitators are
 * trusted with others' notes, but the schema and the author stamp hold for them too.
 */
export function boardPolicy(deps: BoardPolicyDeps): UpdatePolicy {
  const sizes = new NoteSizes();
  return (tr, client) => {
    const rooms = { notes: boardNotes(tr.doc), clusters: boardClusters(tr.doc) };
    let authors: Map<string, string> | null = null;
    const recorded = (id: string) => (authors ??= deps.noteAuthors()).get(id) ?? null;
    // Several rules ask who owns the same note; the server's record is a database read.
    const owners = new Map<string, string | null>();
    const recordedOwner = (key: string) => {
      let owner = owners.get(key);
      if (owner === undefined) owners.set(key, (owner = deps.noteAuthor(key)));
      return owner;
    };
    const { changes, corrections, corrected } = runPolicy(
      tr,
      rooms,
      BOARD_RULES,
      () => {
        const control = deps.controlState();
        return {
          room: 'board',
          personId: client.personId,
          trusted: client.role === 'facilitator',
          anonymous: control.anonymous,
          participantsMayCluster: control.participantsMayCluster,
          locked: (phase) => control.locked(phase),
          get author() {
            return deps.authorOf(client.personId, client);
          },
          ownerOf: (key, before) => authorIdOf(before) ?? recordedOwner(key),
          ...counters(rooms.notes, sizes, client.personId, {
            ownerOf: (id, m) => {
              const a = m.get('author') as { id?: unknown } | null | undefined;
              return typeof a?.id === 'string' ? a.id : recorded(id);
            },
          }),
          clusterOwnerOf: (key) => deps.clusterOwners.get(key) ?? null,
          clustersPerPhase: (exclude) => clustersPerPhase(rooms.clusters, deps.clusterOwners, client.personId, exclude),
        };
      },
      sizes,
      (rule, id) => deps.onCorrection?.(rule, client, id),
    );
    if (changes.notes.length + changes.clusters.length > 0) deps.onActivity?.();
    for (const c of corrected.notes) {
      const phase = c.after?.get('phase') as Phase | undefined;
      if (c.after === null || phase === undefined) continue;
      if (isNewEntry(c) || c.edited.has('phase')) deps.recordAuthor(c.key, client.personId, phase);
    }
    for (const c of corrected.clusters) {
      if (c.after === null) deps.clusterOwners.delete(c.key);
      else if (isNewEntry(c) || c.edited.has('phase')) deps.clusterOwners.set(c.key, client.personId);
    }
    return corrections.length > 0;
  };
}

/**
 * A drafts room gets the board's caps (DRAFTS_RULES): the same note schema without clusters,
 * text length, notes per phase and bytes per person, all counted for the room's owner.
 */
export function draftsPolicy(deps: DraftsPolicyDeps): UpdatePolicy {
  const sizes = new NoteSizes();
  return (tr, client) => {
    const rooms = { notes: boardNotes(tr.doc), clusters: null };
    const { corrections } = runPolicy(
      tr,
      rooms,
      DRAFTS_RULES,
      () => ({
        room: 'drafts',
        personId: client.personId,
        trusted: client.role === 'facilitator',
        anonymous: false,
        participantsMayCluster: false,
        locked: () => false,
        get author() {
          return deps.authorOf(deps.ownerId, client);
        },
        ownerOf: () => deps.ownerId,
        ...counters(rooms.notes, sizes, client.personId, { ownerOf: () => deps.ownerId }),
        // A drafts room holds no clusters (knownRoots drops them).
        clusterOwnerOf: () => null,
        clustersPerPhase: () => new Map(),
      }),
      sizes,
      (rule, id) => deps.onCorrection?.(rule, client, id),
    );
    return corrections.length > 0;
  };
}
