import type { Author } from '../schema/board.ts';
import type { Fields, SchemaRoom } from '../schema/room-schema.ts';
import type { Phase } from '../phases.ts';

/**
 * One client update to a board or drafts room, as plain data: what the server's rules
 * decide on. The server reads it out of the Yjs transaction and carries out the rules'
 * corrections in the same transaction, so everyone receives the corrected document.
 */

export type Collection = 'notes' | 'clusters';

export interface EntryChange {
  /** The key in `notes` or `clusters`. */
  key: string;
  /** The entry's fields before the update, or null when the key was absent (or not a map). */
  before: Fields | null;
  /** Its fields now, or null when the key is gone. A value that is not a map reads as no fields. */
  after: Fields | null;
  /** Another map now holds the key: created, replaced or deleted, rather than edited in place. */
  replaced: boolean;
  /** Fields written in place (a write inside the body counts as `content`). */
  edited: ReadonlySet<string>;
}

export interface RoomChanges {
  notes: EntryChange[];
  clusters: EntryChange[];
  /** Top-level names the update wrote to. */
  roots: string[];
}

/** What the rules know beyond the update itself; read at the time of the update. */
export interface RuleDeps {
  /** The report room runs the shape rules too (report-rules.ts). */
  room: Extract<SchemaRoom, 'board' | 'drafts' | 'report'>;
  personId: string;
  /** Facilitators: their edits are trusted, but the schema holds for them too. */
  trusted: boolean;
  anonymous: boolean;
  participantsMayCluster: boolean;
  locked(phase: Phase): boolean;
  /** The author stamped on this person's new notes, or null when the person is unknown. */
  author: Author | null;
  /** Who wrote a note: its author before the update, or the server's record. */
  ownerOf(key: string, before: Fields | null): string | null;
  /** This person's notes per phase, those in the update not counted. */
  notesPerPhase(exclude: ReadonlySet<string>): Map<Phase, number>;
  /** What this person's notes hold (entitySize), those in the update not counted. */
  bytesHeld(exclude: ReadonlySet<string>): number;
  /** Who last brought a cluster to its phase (created or moved it), as the server recorded. */
  clusterOwnerOf(key: string): string | null;
  /** This person's clusters per phase, those in the update not counted. */
  clustersPerPhase(exclude: ReadonlySet<string>): Map<Phase, number>;
}

export type Correction =
  | { rule: string; kind: 'dropRoot'; name: string }
  /** The entry as it was: re-created, deleted or put back field by field. */
  | { rule: string; kind: 'restore'; target: Collection; key: string }
  | { rule: string; kind: 'restoreField'; target: Collection; key: string; field: string }
  | { rule: string; kind: 'setField'; target: Collection; key: string; field: string; value: unknown }
  | { rule: string; kind: 'deleteField'; target: Collection; key: string; field: string }
  /** A note's body becomes these plain paragraphs. */
  | { rule: string; kind: 'setText'; target: 'notes'; key: string; text: string };

export type Rule = (changes: RoomChanges, deps: RuleDeps) => Correction[];

/** A plain body, as `setText` leaves it. */
export const plainRichText = (text: string) => ({ kind: 'richText' as const, text, markupLength: text.length });

/**
 * The update as it stands after `corrections`, so each rule sees what the earlier ones
 * left: a restored entry is no change any more, a removed one no entry.
 */
export function applyCorrections(changes: RoomChanges, corrections: readonly Correction[]): RoomChanges {
  if (corrections.length === 0) return changes;
  const next: RoomChanges = {
    notes: changes.notes.map((c) => ({ ...c })),
    clusters: changes.clusters.map((c) => ({ ...c })),
    roots: [...changes.roots],
  };
  for (const fix of corrections) {
    if (fix.kind === 'dropRoot') {
      next.roots = next.roots.filter((r) => r !== fix.name);
      continue;
    }
    const list = next[fix.target];
    const i = list.findIndex((c) => c.key === fix.key);
    if (i < 0) continue;
    const c = list[i]!;
    if (fix.kind === 'restore') {
      list.splice(i, 1);
      continue;
    }
    if (c.after === null) continue;
    const after = new Map(c.after);
    const edited = new Set(c.edited);
    if (fix.kind === 'restoreField') {
      if (c.before?.has(fix.field)) after.set(fix.field, c.before.get(fix.field));
      else after.delete(fix.field);
      edited.delete(fix.field);
    } else if (fix.kind === 'setField') {
      after.set(fix.field, fix.value);
      edited.add(fix.field);
    } else if (fix.kind === 'deleteField') {
      after.delete(fix.field);
      edited.add(fix.field);
    } else {
      after.set('content', plainRichText(fix.text));
      edited.add('content');
    }
    list[i] = { ...c, after, edited };
  }
  return next;
}

/** Runs rules in order, each on the update as the earlier ones corrected it. */
export function runRules(rules: readonly Rule[], changes: RoomChanges, deps: RuleDeps): Correction[] {
  const all: Correction[] = [];
  let current = changes;
  for (const rule of rules) {
    const fixes = rule(current, deps);
    if (fixes.length === 0) continue;
    all.push(...fixes);
    current = applyCorrections(current, fixes);
  }
  return all;
}

/** Whether the entry is new under its key (created or replaced), rather than edited in place. */
export const isNewEntry = (c: EntryChange) => c.after !== null && (c.before === null || c.replaced);
/** Every field of a new entry counts as written. */
export const writtenFields = (c: EntryChange): Iterable<string> => (isNewEntry(c) ? c.after!.keys() : c.edited);
