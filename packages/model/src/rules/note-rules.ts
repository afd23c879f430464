import type { Author } from '../schema/board.ts';
import { entitySize, fieldSize, isRichText } from '../schema/room-schema.ts';
import {
  MAX_NOTE_BYTES_PER_PERSON_PER_ROOM,
  MAX_NOTE_MARKUP_LENGTH,
  MAX_NOTE_TEXT_LENGTH,
  MAX_NOTES_PER_PERSON_PER_PHASE,
} from '../limits.ts';
import { isPhase, type Phase } from '../phases.ts';
import { isNewEntry, type Correction, type EntryChange, type Rule, type RuleDeps } from './changes.ts';

/** What anyone may change on someone else's note: its words, where it sits, its cluster. */
export const OTHERS_MAY_EDIT: ReadonlySet<string> = new Set(['content', 'x', 'y', 'order', 'updatedAt', 'clusterId']);

const phaseOf = (fields: ReadonlyMap<string, unknown> | null): Phase | null => {
  const p = fields?.get('phase');
  return isPhase(p) ? p : null;
};
const textOf = (fields: ReadonlyMap<string, unknown> | null): string | null => {
  const v = fields?.get('content');
  return isRichText(v) ? v.text : null;
};
const isMine = (c: EntryChange, deps: RuleDeps) => (c.before === null ? true : deps.ownerOf(c.key, c.before) === deps.personId);

/**
 * Someone else's note keeps its id, phase, author, colour and theme, is not deleted or
 * replaced, and is not emptied: its words may be edited, not wiped.
 */
export const othersNotes: Rule = (changes, deps) => {
  if (deps.trusted) return [];
  const out: Correction[] = [];
  for (const c of changes.notes) {
    if (c.before === null) continue;
    // Whose note it is costs a lookup; most edits (a move) would pass on anyone's note anyway.
    if (c.after === null || c.replaced) {
      if (!isMine(c, deps)) {
        out.push({ rule: c.after ? 'replaced-others-note' : 'deleted-others-note', kind: 'restore', target: 'notes', key: c.key });
      }
      continue;
    }
    const fixes: Correction[] = [];
    for (const field of c.edited) {
      if (!OTHERS_MAY_EDIT.has(field)) {
        fixes.push({ rule: 'others-note-field', kind: 'restoreField', target: 'notes', key: c.key, field });
      } else if (field === 'content' && (textOf(c.after) ?? '').trim() === '' && (textOf(c.before) ?? '').trim() !== '') {
        fixes.push({ rule: 'blanked-others-note', kind: 'restoreField', target: 'notes', key: c.key, field });
      }
    }
    if (fixes.length > 0 && !isMine(c, deps)) out.push(...fixes);
  }
  return out;
};

/** Nothing on a locked phase changes, for notes and clusters alike. */
export const lockedPhase: Rule = (changes, deps) => {
  if (deps.trusted) return [];
  const out: Correction[] = [];
  for (const target of ['notes', 'clusters'] as const) {
    for (const c of changes[target]) {
      const phases = [phaseOf(c.before), phaseOf(c.after)].filter((p) => p !== null);
      if (phases.some((p) => deps.locked(p))) out.push({ rule: 'locked-phase', kind: 'restore', target, key: c.key });
    }
  }
  return out;
};

/** While participants may not cluster: no cluster changes, and no note joins or leaves one. */
export const clustering: Rule = (changes, deps) => {
  if (deps.trusted || deps.participantsMayCluster) return [];
  const out: Correction[] = [];
  for (const c of changes.clusters) out.push({ rule: 'clustering-not-allowed', kind: 'restore', target: 'clusters', key: c.key });
  for (const c of changes.notes) {
    if (c.after === null) continue;
    const at = { rule: 'clustering-not-allowed', target: 'notes', key: c.key, field: 'clusterId' } as const;
    if (isNewEntry(c)) {
      if ((c.after.get('clusterId') ?? null) !== null) out.push({ ...at, kind: 'setField', value: null });
    } else if (c.edited.has('clusterId')) {
      out.push({ ...at, kind: 'restoreField' });
    }
  }
  return out;
};

/**
 * MAX_NOTES_PER_PERSON_PER_PHASE, counted where a note arrives: a new note, or one of the
 * writer's notes moved to another phase. The ones past the limit are taken back.
 */
export const notesPerPerson: Rule = (changes, deps) => {
  if (deps.trusted) return [];
  const arriving: EntryChange[] = [];
  const staying: Phase[] = [];
  const arrives = (c: EntryChange) => {
    const phase = phaseOf(c.after);
    return phase !== null && (isNewEntry(c) || phaseOf(c.before) !== phase);
  };
  // Only an arriving note is counted: without one, nobody's notes need looking up.
  if (!changes.notes.some(arrives)) return [];
  for (const c of changes.notes) {
    const phase = phaseOf(c.after);
    if (phase === null || !isMine(c, deps)) continue;
    if (arrives(c)) arriving.push(c);
    else staying.push(phase);
  }
  if (arriving.length === 0) return [];
  const counts = deps.notesPerPhase(new Set(changes.notes.map((c) => c.key)));
  for (const phase of staying) counts.set(phase, (counts.get(phase) ?? 0) + 1);
  const out: Correction[] = [];
  for (const c of arriving) {
    const phase = phaseOf(c.after)!;
    const count = (counts.get(phase) ?? 0) + 1;
    if (count <= MAX_NOTES_PER_PERSON_PER_PHASE) {
      counts.set(phase, count);
      continue;
    }
    out.push(
      isNewEntry(c)
        ? { rule: 'notes-per-person', kind: 'restore', target: 'notes', key: c.key }
        : { rule: 'notes-per-person', kind: 'restoreField', target: 'notes', key: c.key, field: 'phase' },
    );
  }
  return out;
};

function sameAuthor(value: unknown, expected: Author | null): boolean {
  if (expected === null) return value === null;
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Record<string, unknown>;
  return Object.keys(a).length === 3 && a.id === expected.id && a.name === expected.name && a.organisation === expected.organisation;
}

/** A new note carries its writer as the token says (none in anonymous mode); authors are not edited. */
export const authorStamp: Rule = (changes, deps) => {
  const out: Correction[] = [];
  // Read only for a new note: the author is a lookup (the person's record) on the server.
  let expected: Author | null | undefined;
  const expectedAuthor = () => (expected === undefined ? (expected = deps.anonymous ? null : deps.author) : expected);
  for (const c of changes.notes) {
    if (c.after === null) continue;
    const at = { rule: 'author', target: 'notes', key: c.key, field: 'author' } as const;
    if (isNewEntry(c)) {
      const author = expectedAuthor();
      if (!sameAuthor(c.after.get('author'), author)) out.push({ ...at, kind: 'setField', value: author ? { ...author } : null });
    } else if (!deps.trusted && c.edited.has('author')) {
      out.push({ ...at, kind: 'restoreField' });
    }
  }
  return out;
};

/** What one field adds to entitySize (0 when absent). */
const sizeOfField = (fields: ReadonlyMap<string, unknown>, field: string) => (fields.has(field) ? fieldSize(field, fields.get(field)) : 0);

/**
 * False only when the entry surely did not grow: edited in place, its body untouched (the
 * size of a body before costs rebuilding it), and its written fields no larger than before.
 */
function mayHaveGrown(c: EntryChange): boolean {
  if (c.after === null) return false;
  if (isNewEntry(c) || c.before === null || c.edited.has('content')) return true;
  let growth = 0;
  for (const field of c.edited) growth += sizeOfField(c.after, field) - sizeOfField(c.before, field);
  return growth > 0;
}

const tooLong = (v: unknown) => isRichText(v) && (v.text.length > MAX_NOTE_TEXT_LENGTH || v.markupLength > MAX_NOTE_MARKUP_LENGTH);

/**
 * MAX_NOTE_TEXT_LENGTH characters of text and MAX_NOTE_MARKUP_LENGTH of markup: an edit past
 * them is put back, a new note (or a body that was already too long) cut to plain text.
 */
export const textLength: Rule = (changes) => {
  const out: Correction[] = [];
  for (const c of changes.notes) {
    if (c.after === null || !(isNewEntry(c) || c.edited.has('content'))) continue;
    const body = c.after.get('content');
    if (!tooLong(body)) continue;
    const before = c.before?.get('content');
    if (!isNewEntry(c) && isRichText(before) && !tooLong(before)) {
      out.push({ rule: 'text-length', kind: 'restoreField', target: 'notes', key: c.key, field: 'content' });
    } else {
      const text = isRichText(body) ? body.text : '';
      out.push({ rule: 'text-length', kind: 'setText', target: 'notes', key: c.key, text: text.slice(0, MAX_NOTE_TEXT_LENGTH) });
    }
  }
  return out;
};

/**
 * MAX_NOTE_BYTES_PER_PERSON_PER_ROOM: past it, what grew in this update is taken back, the
 * last first, so one person cannot fill the room for everyone.
 */
export const bytesPerPerson: Rule = (changes, deps) => {
  if (deps.trusted) return [];
  // Only a note that grew is taken back: when none did (a move), the room need not be counted.
  if (!changes.notes.some(mayHaveGrown)) return [];
  const mine = changes.notes.filter((c) => c.after !== null && isMine(c, deps));
  if (mine.length === 0) return [];
  const sizes = mine.map((c) => entitySize(c.after!));
  let total = deps.bytesHeld(new Set(changes.notes.map((c) => c.key))) + sizes.reduce((a, b) => a + b, 0);
  const out: Correction[] = [];
  // The size before is read only past the limit: for an edited body it means rereading the past.
  for (let i = mine.length - 1; i >= 0 && total > MAX_NOTE_BYTES_PER_PERSON_PER_ROOM; i--) {
    const c = mine[i]!;
    const growth = sizes[i]! - (isNewEntry(c) || c.before === null ? 0 : entitySize(c.before));
    if (growth <= 0) continue;
    out.push({ rule: 'bytes-per-person', kind: 'restore', target: 'notes', key: c.key });
    total -= growth;
  }
  return out;
};
