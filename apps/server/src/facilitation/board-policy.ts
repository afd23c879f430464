import * as Y from 'yjs';
import {
  MAX_NOTE_TEXT_LENGTH,
  MAX_NOTES_PER_PERSON_PER_PHASE,
  MAX_TITLE_LENGTH,
  boardClusters,
  boardNotes,
  isPhase,
  noteContent,
  plainText,
  readNote,
  setPlainText,
  type Author,
  type NoteMap,
  type Phase,
} from '@crossboard/model';
import type { RoomClient } from '../sync/connection.ts';
import type { UpdatePolicy } from '../sync/room.ts';
import { rebuildMap, restoreFragment, restoreMap } from './restore-map.ts';
import { TransactionPast } from './transaction-past.ts';

/** What the board's rules need to know beyond the document itself. */
export interface BoardPolicyDeps {
  /** The author a new note of this person gets, or null when the person is unknown. */
  authorOf(personId: string): Author | null;
  /** Read from the control room at the time of the update. */
  controlState(): { anonymous: boolean; locked(phase: Phase): boolean; participantsMayCluster: boolean };
  /** Who wrote each note (kept by the server, also in anonymous mode). */
  noteAuthor(noteId: string): string | null;
  noteAuthors(): Map<string, string>;
  recordAuthor(noteId: string, personId: string, phase: Phase): void;
  /** Called after any change to notes or clusters (periodic versions). */
  onActivity?(): void;
  /** Each correction, for the log. */
  onCorrection?(rule: string, client: RoomClient, id: string): void;
}

interface Touched {
  content: boolean;
}

/** Which notes and clusters a transaction created, deleted or edited. */
function collectChanges(tr: Y.Transaction, notes: Y.Map<NoteMap>, clusters: Y.Map<Y.Map<unknown>>) {
  const rootKeys = { notes: new Set<string>(), clusters: new Set<string>() };
  const edited = { notes: new Map<Y.Map<unknown>, Touched>(), clusters: new Map<Y.Map<unknown>, Touched>() };
  const changed = tr.changed as Map<Y.AbstractType<any>, Set<string | null>>;
  for (const [type, keys] of changed) {
    if (type === notes || type === clusters) {
      const into = type === notes ? rootKeys.notes : rootKeys.clusters;
      for (const k of keys) if (k !== null) into.add(k);
      continue;
    }
    let child: Y.AbstractType<any> | null = null;
    let t: Y.AbstractType<any> = type;
    while (t._item) {
      const parent = t._item.parent as Y.AbstractType<any>;
      if (parent === notes || parent === clusters) {
        const into = parent === notes ? edited.notes : edited.clusters;
        const touched = into.get(t as Y.Map<unknown>) ?? { content: false };
        if (child === null ? keys.has('content') : child._item?.parentSub === 'content') touched.content = true;
        into.set(t as Y.Map<unknown>, touched);
        break;
      }
      child = t;
      t = parent;
    }
  }
  return { rootKeys, edited };
}

function sameAuthor(value: unknown, expected: Author | null): boolean {
  if (expected === null) return value === null;
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Record<string, unknown>;
  return (
    Object.keys(a).length === 3 && a.id === expected.id && a.name === expected.name && a.organisation === expected.organisation
  );
}

function phaseOf(value: unknown): Phase | null {
  return isPhase(value) ? value : null;
}

/**
 * The board's rules for every client update (docs/API.md "Board policies"): authors stamped
 * from the token, note text length, notes per person per phase, locked phases, and no
 * deleting other people's notes, and clustering only while participants may cluster.
 * Facilitators are trusted, but their new notes are stamped too.
 */
export function boardPolicy(deps: BoardPolicyDeps): UpdatePolicy {
  return (tr, client) => {
    const doc = tr.doc;
    const notes = boardNotes(doc);
    const clusters = boardClusters(doc);
    const { rootKeys, edited } = collectChanges(tr, notes, clusters);
    if (rootKeys.notes.size + rootKeys.clusters.size + edited.notes.size + edited.clusters.size === 0) return false;
    deps.onActivity?.();

    const past = new TransactionPast(tr);
    const trusted = client.role === 'facilitator';
    const control = deps.controlState();
    const locked = (p: unknown) => {
      const phase = phaseOf(p);
      return phase !== null && control.locked(phase);
    };
    let corrected = false;
    const correct = (rule: string, id: string) => {
      corrected = true;
      deps.onCorrection?.(rule, client, id);
    };
    const ownerBefore = (id: string, note: Y.Map<unknown>): string | null => {
      const author = past.mapValueBefore(note, 'author') as { id?: unknown } | null | undefined;
      return typeof author?.id === 'string' ? author.id : deps.noteAuthor(id);
    };

    // Notes created, deleted or replaced at the top level.
    const created: { id: string; note: NoteMap; phase: Phase }[] = [];
    for (const id of rootKeys.notes) {
      const before = past.mapValueBefore(notes, id);
      const now = notes.get(id);
      if (before === now) continue;
      const beforeNote = before instanceof Y.Map ? before : null;
      const mayRemoveBefore =
        beforeNote === null ||
        trusted ||
        (ownerBefore(id, beforeNote) === client.personId && !locked(past.mapValueBefore(beforeNote, 'phase')));
      if (!mayRemoveBefore) {
        notes.set(id, rebuildMap(beforeNote!, past));
        correct(now ? 'replaced-others-note' : 'deleted-others-note', id);
        continue;
      }
      if (!now) continue;
      const view = readNote(now);
      if (!view) {
        if (!trusted) {
          notes.delete(id);
          correct('not-a-note', id);
        }
        continue;
      }
      if (!trusted && locked(view.phase)) {
        notes.delete(id);
        correct('locked-phase', id);
        continue;
      }
      created.push({ id, note: now, phase: view.phase });
    }

    // Notes per person per phase: the newest notes past the limit are taken back.
    if (!trusted && created.length > 0) {
      const authors = deps.noteAuthors();
      const createdIds = new Set(created.map((c) => c.id));
      const counts = new Map<Phase, number>();
      for (const [id, m] of notes) {
        const n = createdIds.has(id) ? null : readNote(m);
        if (n && (n.author?.id ?? authors.get(id)) === client.personId) counts.set(n.phase, (counts.get(n.phase) ?? 0) + 1);
      }
      for (let i = 0; i < created.length; i++) {
        const c = created[i]!;
        const count = (counts.get(c.phase) ?? 0) + 1;
        if (count > MAX_NOTES_PER_PERSON_PER_PHASE) {
          notes.delete(c.id);
          correct('notes-per-person', c.id);
          created.splice(i--, 1);
        } else {
          counts.set(c.phase, count);
        }
      }
    }

    // Stamp and size-check what stays.
    const author = created.length > 0 ? deps.authorOf(client.personId) : null;
    for (const { id, note, phase } of created) {
      const expected = control.anonymous ? null : author;
      if (!sameAuthor(note.get('author'), expected)) {
        note.set('author', expected ? { ...expected } : null);
        correct('author', id);
      }
      deps.recordAuthor(id, client.personId, phase);
      // A new note may not arrive already inside a cluster while participants may not cluster.
      if (!trusted && !control.participantsMayCluster && (note.get('clusterId') ?? null) !== null) {
        note.set('clusterId', null);
        correct('clustering-not-allowed', id);
      }
      const content = noteContent(note);
      const text = plainText(content);
      if (text.length > MAX_NOTE_TEXT_LENGTH) {
        setPlainText(content, text.slice(0, MAX_NOTE_TEXT_LENGTH));
        correct('text-length', id);
      }
    }

    // Edits of notes that existed before.
    for (const [note, touched] of edited.notes) {
      const id = String(note.get('id') ?? past.mapValueBefore(note, 'id'));
      if (!trusted && (locked(past.mapValueBefore(note, 'phase')) || locked(note.get('phase')))) {
        restoreMap(note, past, touched.content);
        correct('locked-phase', id);
        continue;
      }
      if (!trusted && !control.participantsMayCluster && (tr.changed as Map<unknown, Set<string | null>>).get(note)?.has('clusterId')) {
        const before = past.mapValueBefore(note, 'clusterId');
        if (before === undefined) note.delete('clusterId');
        else note.set('clusterId', before);
        correct('clustering-not-allowed', id);
      }
      if (!trusted && (tr.changed as Map<unknown, Set<string | null>>).get(note)?.has('author')) {
        const before = past.mapValueBefore(note, 'author');
        if (before === undefined) note.delete('author');
        else note.set('author', before);
        correct('author', id);
      }
      if (touched.content) {
        const content = note.get('content');
        if (content instanceof Y.XmlFragment && plainText(content).length > MAX_NOTE_TEXT_LENGTH) {
          restoreFragment(content, past);
          const text = plainText(content);
          if (text.length > MAX_NOTE_TEXT_LENGTH) setPlainText(content, text.slice(0, MAX_NOTE_TEXT_LENGTH));
          correct('text-length', id);
        }
      }
    }

    if (!trusted) {
      const mayCluster = control.participantsMayCluster;
      corrected = clusterRules(clusters, rootKeys.clusters, edited.clusters, past, locked, mayCluster, correct) || corrected;
    }
    return corrected;
  };
}

/**
 * Clusters on a locked phase stay as they are, and all clusters do while participants may not
 * cluster (the facilitator's `participantsMayCluster`); titles keep to their length.
 */
function clusterRules(
  clusters: Y.Map<Y.Map<unknown>>,
  rootKeys: Set<string>,
  edited: Map<Y.Map<unknown>, Touched>,
  past: TransactionPast,
  locked: (phase: unknown) => boolean,
  mayCluster: boolean,
  correct: (rule: string, id: string) => void,
): boolean {
  let corrected = false;
  const fix = (rule: string, id: string) => {
    corrected = true;
    correct(rule, id);
  };
  const clipTitle = (c: Y.Map<unknown>, id: string) => {
    const title = c.get('title');
    if (typeof title === 'string' && title.length > MAX_TITLE_LENGTH) {
      c.set('title', title.slice(0, MAX_TITLE_LENGTH));
      fix('title-length', id);
    }
  };
  for (const id of rootKeys) {
    const before = past.mapValueBefore(clusters, id);
    const now = clusters.get(id);
    if (before === now) continue;
    if (before instanceof Y.Map && (!mayCluster || locked(past.mapValueBefore(before, 'phase')))) {
      clusters.set(id, rebuildMap(before, past));
      fix(mayCluster ? 'locked-phase' : 'clustering-not-allowed', id);
      continue;
    }
    if (now && (!mayCluster || locked(now.get('phase')))) {
      clusters.delete(id);
      fix(mayCluster ? 'locked-phase' : 'clustering-not-allowed', id);
      continue;
    }
    if (now) clipTitle(now, id);
  }
  for (const [c] of edited) {
    const id = String(c.get('id') ?? '');
    if (!mayCluster || locked(past.mapValueBefore(c, 'phase')) || locked(c.get('phase'))) {
      restoreMap(c, past, false);
      fix(mayCluster ? 'locked-phase' : 'clustering-not-allowed', id);
      continue;
    }
    clipTitle(c, id);
  }
  return corrected;
}
