import { isNoteColour } from '../colours.ts';
import { isSafeId } from '../ids.ts';
import { BOARD_EXTENT, MAX_NOTE_THEME_LENGTH, MAX_TITLE_LENGTH } from '../limits.ts';
import { isPhase } from '../phases.ts';

/**
 * What each room may hold, as plain rules the server checks on every client update. Values
 * are read out of Yjs by the server first, so this file knows no Yjs: a note's rich text is
 * a `RichText`, any other nested Yjs type a `NestedType`.
 */

/** Top-level names of each room kind; `meta` holds the schema version. */
export const ROOM_ROOTS = {
  board: ['notes', 'clusters', 'meta'],
  drafts: ['notes', 'meta'],
  report: ['recommendations', 'meta'],
  control: ['settings', 'state', 'votingRounds', 'breakout', 'meta'],
} as const satisfies Record<string, readonly string[]>;
export type SchemaRoom = keyof typeof ROOM_ROOTS;

export function isKnownRoot(room: SchemaRoom, name: string): boolean {
  return (ROOM_ROOTS[room] as readonly string[]).includes(name);
}

/** A note's rich-text body as the rules see it; `text` may be computed on first read. */
export interface RichText {
  readonly kind: 'richText';
  readonly text: string;
  /** Length of the body written out as markup, attributes included. */
  readonly markupLength: number;
}

/** A Yjs type where a plain value belongs (anything but a note's body). */
export interface NestedType {
  readonly kind: 'nested';
}

export const isRichText = (v: unknown): v is RichText =>
  typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'richText';

/** Fields of a note or cluster keyed by field name: a Map, as the names come from clients. */
export type Fields = ReadonlyMap<string, unknown>;

export interface FieldSpec {
  valid(v: unknown): boolean;
  /** A valid value close to an invalid one (a clamped position, a clipped title), if any. */
  repair?(v: unknown): unknown;
  /** Used for an invalid value that cannot be repaired and had no valid value before. */
  fallback?: unknown;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const shortString =
  (max: number) =>
  (v: unknown): v is string =>
    typeof v === 'string' && v.length <= max;

const coordinate: FieldSpec = {
  valid: (v) => finite(v) && Math.abs(v) <= BOARD_EXTENT,
  repair: (v) => (finite(v) ? Math.max(-BOARD_EXTENT, Math.min(BOARD_EXTENT, v)) : undefined),
  fallback: 0,
};
const timestamp: FieldSpec = { valid: finite, fallback: 0 };
const id: FieldSpec = { valid: isSafeId };
const phase: FieldSpec = { valid: isPhase };

/** Caps of an author's fields, as the server stores people (names are 100 characters at most). */
const MAX_AUTHOR_FIELD_LENGTH = 200;
function isAuthor(v: unknown): boolean {
  if (v === null) return true;
  if (typeof v !== 'object' || Array.isArray(v) || isRichText(v)) return false;
  const keys = Object.keys(v);
  const a = v as Record<string, unknown>;
  return (
    keys.length === 3 &&
    isSafeId(a.id) &&
    shortString(MAX_AUTHOR_FIELD_LENGTH)(a.name) &&
    shortString(MAX_AUTHOR_FIELD_LENGTH)(a.organisation)
  );
}

const clipped = (max: number, nullable: boolean): FieldSpec => ({
  valid: (v) => (nullable && v === null) || shortString(max)(v),
  repair: (v) => (typeof v === 'string' ? v.slice(0, max) : undefined),
  fallback: nullable ? null : '',
});

/** A note of the board or of a drafts room (docs: schema/board.ts). */
export const NOTE_FIELDS: ReadonlyMap<string, FieldSpec> = new Map<string, FieldSpec>([
  ['id', id],
  ['phase', phase],
  ['colour', { valid: isNoteColour, fallback: 'yellow' }],
  ['x', coordinate],
  ['y', coordinate],
  ['clusterId', { valid: (v) => v === null || isSafeId(v), fallback: null }],
  ['theme', clipped(MAX_NOTE_THEME_LENGTH, true)],
  ['author', { valid: isAuthor, fallback: null }],
  ['order', timestamp],
  ['createdAt', timestamp],
  ['updatedAt', timestamp],
  ['content', { valid: isRichText }],
]);

/** Drafts are not clustered: a cluster id would be revealed pointing nowhere. */
export const DRAFT_NOTE_FIELDS: ReadonlyMap<string, FieldSpec> = new Map<string, FieldSpec>([
  ...NOTE_FIELDS,
  ['clusterId', { valid: (v) => v === null, fallback: null }],
]);

export const CLUSTER_FIELDS: ReadonlyMap<string, FieldSpec> = new Map<string, FieldSpec>([
  ['id', id],
  ['phase', phase],
  ['title', clipped(MAX_TITLE_LENGTH, false)],
  ['x', coordinate],
  ['y', coordinate],
  ['order', timestamp],
  ['createdAt', timestamp],
]);

/** Fields without which an entry is not a note or cluster at all. */
export const REQUIRED_FIELDS = ['id', 'phase'] as const;

/**
 * What an entry costs its writer towards MAX_NOTE_BYTES_PER_PERSON_PER_ROOM: characters of
 * names and strings, the body's markup, a few bytes per other value. An estimate, cheap to
 * compute, that grows with everything a client can make large.
 */
export function entitySize(fields: Fields): number {
  let size = 0;
  fields.forEach((value, name) => {
    size += fieldSize(name, value);
  });
  return size;
}

/** What one field adds to entitySize. */
export function fieldSize(name: string, value: unknown): number {
  if (typeof value === 'string') return name.length + value.length;
  if (isRichText(value)) return name.length + value.markupLength;
  if (typeof value === 'object' && value !== null) return name.length + (JSON.stringify(value)?.length ?? 16);
  return name.length + 8;
}
