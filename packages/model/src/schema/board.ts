import * as Y from 'yjs';
import { newId } from '../ids.ts';
import { isPhase, type Phase } from '../phases.ts';
import { isNoteColour, type NoteColour } from '../colours.ts';
import { BOARD_EXTENT } from '../limits.ts';

/**
 * The board room: notes of all three phases and their clusters.
 *
 *   notes:    Y.Map<noteId, Y.Map>   one Y.Map per note, `content` a Y.XmlFragment (Tiptap)
 *   clusters: Y.Map<clusterId, Y.Map>
 *
 * A note is a Y.Map rather than a plain object so that moving, colouring and editing the
 * same note concurrently merge field by field instead of overwriting each other.
 */

export interface Author {
  id: string;
  name: string;
  organisation: string;
}

export interface NoteView {
  id: string;
  phase: Phase;
  author: Author | null;
  colour: NoteColour;
  x: number;
  y: number;
  clusterId: string | null;
  theme: string | null;
  /** Outline order within its cluster or phase; a fractional key, compared as a number. */
  order: number;
  createdAt: number;
  updatedAt: number;
}

export interface ClusterView {
  id: string;
  phase: Phase;
  title: string;
  x: number;
  y: number;
  order: number;
  createdAt: number;
}

export type NoteMap = Y.Map<unknown>;
export type ClusterMap = Y.Map<unknown>;

export function boardNotes(doc: Y.Doc): Y.Map<NoteMap> {
  return doc.getMap('notes');
}

export function boardClusters(doc: Y.Doc): Y.Map<ClusterMap> {
  return doc.getMap('clusters');
}

export function clampToBoard(n: number): number {
  if (!Number.isFinite(n)) return 0;
  return Math.max(-BOARD_EXTENT, Math.min(BOARD_EXTENT, n));
}

export interface NewNote {
  phase: Phase;
  text?: string;
  colour?: NoteColour;
  x?: number;
  y?: number;
  clusterId?: string | null;
  theme?: string | null;
  author?: Author | null;
  id?: string;
  now?: number;
}

/** Creates a note with its rich-text body; plain `text` becomes one paragraph. */
export function createNote(notes: Y.Map<NoteMap>, init: NewNote): string {
  const id = init.id ?? newId();
  const now = init.now ?? Date.now();
  const note = new Y.Map<unknown>();
  note.set('id', id);
  note.set('phase', init.phase);
  note.set('colour', init.colour ?? 'yellow');
  note.set('x', clampToBoard(init.x ?? 0));
  note.set('y', clampToBoard(init.y ?? 0));
  note.set('clusterId', init.clusterId ?? null);
  note.set('theme', init.theme ?? null);
  note.set('author', init.author ?? null);
  note.set('order', now);
  note.set('createdAt', now);
  note.set('updatedAt', now);
  const content = new Y.XmlFragment();
  note.set('content', content);
  notes.set(id, note);
  if (init.text) setPlainText(content, init.text);
  return id;
}

/** Replaces a rich-text body with plain paragraphs (one per line). */
export function setPlainText(fragment: Y.XmlFragment, text: string): void {
  fragment.delete(0, fragment.length);
  const paragraphs = text.split('\n').map((line) => {
    const p = new Y.XmlElement('paragraph');
    if (line) p.insert(0, [new Y.XmlText(line)]);
    return p;
  });
  fragment.insert(0, paragraphs);
}

/** Adds typed text at the end of a rich-text body, as an editor would: lines after the first as new paragraphs. */
export function appendPlainText(fragment: Y.XmlFragment, text: string): void {
  const [first = '', ...rest] = text.split('\n');
  const last = fragment.length > 0 ? fragment.get(fragment.length - 1) : null;
  if (first) {
    if (last instanceof Y.XmlElement && last.nodeName === 'paragraph') {
      const tail = last.length > 0 ? last.get(last.length - 1) : null;
      if (tail instanceof Y.XmlText) tail.insert(tail.length, first);
      else last.insert(last.length, [new Y.XmlText(first)]);
    } else {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(first)]);
      fragment.insert(fragment.length, [p]);
    }
  }
  const paragraphs = rest.map((line) => {
    const p = new Y.XmlElement('paragraph');
    if (line) p.insert(0, [new Y.XmlText(line)]);
    return p;
  });
  if (paragraphs.length > 0) fragment.insert(fragment.length, paragraphs);
}

/**
 * Reads the characters, not `toString()`: that renders marks as tags, and stripping tags
 * afterwards would also delete anything tag-like the user typed.
 */
function textOf(node: Y.XmlText): string {
  return (node.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}

/** The plain text of a rich-text body: paragraphs joined by newlines, marks dropped. */
export function plainText(fragment: Y.XmlFragment | Y.XmlElement): string {
  const blocks: string[] = [];
  const inline = (node: Y.XmlElement | Y.XmlText | Y.XmlHook): string => {
    if (node instanceof Y.XmlText) return textOf(node);
    if (node instanceof Y.XmlElement) {
      if (node.nodeName === 'hardBreak') return '\n';
      return node.toArray().map(inline).join('');
    }
    return '';
  };
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlElement && ['bulletList', 'orderedList', 'listItem', 'blockquote'].includes(child.nodeName)) {
      blocks.push(plainText(child));
    } else if (child instanceof Y.XmlText) {
      blocks.push(textOf(child));
    } else if (child instanceof Y.XmlElement) {
      blocks.push(inline(child));
    }
  }
  return blocks.join('\n');
}

export function noteContent(note: NoteMap): Y.XmlFragment {
  const content = note.get('content');
  if (content instanceof Y.XmlFragment) return content;
  // A note without a body (written by a foreign client) still renders and can be edited.
  const fresh = new Y.XmlFragment();
  note.set('content', fresh);
  return fresh;
}

function num(v: unknown, fallback = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}
function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function readAuthor(v: unknown): Author | null {
  if (v === null || typeof v !== 'object') return null;
  const a = v as Record<string, unknown>;
  if (typeof a.id !== 'string') return null;
  return { id: a.id, name: str(a.name) ?? '', organisation: str(a.organisation) ?? '' };
}

/** A typed, validated snapshot of a note; null when the map is not a note of any phase. */
export function readNote(note: NoteMap): NoteView | null {
  const id = note.get('id');
  const phase = note.get('phase');
  if (typeof id !== 'string' || !isPhase(phase)) return null;
  const colour = note.get('colour');
  const createdAt = num(note.get('createdAt'));
  return {
    id,
    phase,
    author: readAuthor(note.get('author')),
    colour: isNoteColour(colour) ? colour : 'yellow',
    x: num(note.get('x')),
    y: num(note.get('y')),
    clusterId: str(note.get('clusterId')),
    theme: str(note.get('theme')),
    order: num(note.get('order'), createdAt),
    createdAt,
    updatedAt: num(note.get('updatedAt'), createdAt),
  };
}

/**
 * A note is listed only under its own id: one stored under another key (which the server
 * refuses today, but older documents may hold) would show twice or take another's votes.
 */
export function listNotes(doc: Y.Doc, phase?: Phase): NoteView[] {
  const out: NoteView[] = [];
  for (const [key, m] of boardNotes(doc)) {
    const n = m instanceof Y.Map ? readNote(m) : null;
    if (n && n.id === key && (!phase || n.phase === phase)) out.push(n);
  }
  return out.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export interface NotePatch {
  colour?: NoteColour;
  x?: number;
  y?: number;
  clusterId?: string | null;
  theme?: string | null;
  order?: number;
}

export function updateNote(notes: Y.Map<NoteMap>, id: string, patch: NotePatch, now = Date.now()): boolean {
  const note = notes.get(id);
  if (!note) return false;
  note.doc!.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      note.set(key, key === 'x' || key === 'y' ? clampToBoard(value as number) : value);
    }
    note.set('updatedAt', now);
  });
  return true;
}

export interface NewCluster {
  phase: Phase;
  title: string;
  x?: number;
  y?: number;
  id?: string;
  now?: number;
}

export function createCluster(clusters: Y.Map<ClusterMap>, init: NewCluster): string {
  const id = init.id ?? newId();
  const now = init.now ?? Date.now();
  const c = new Y.Map<unknown>();
  c.set('id', id);
  c.set('phase', init.phase);
  c.set('title', init.title);
  c.set('x', clampToBoard(init.x ?? 0));
  c.set('y', clampToBoard(init.y ?? 0));
  c.set('order', now);
  c.set('createdAt', now);
  clusters.set(id, c);
  return id;
}

export function readCluster(c: ClusterMap): ClusterView | null {
  const id = c.get('id');
  const phase = c.get('phase');
  if (typeof id !== 'string' || !isPhase(phase)) return null;
  const createdAt = num(c.get('createdAt'));
  return {
    id,
    phase,
    title: str(c.get('title')) ?? '',
    x: num(c.get('x')),
    y: num(c.get('y')),
    order: num(c.get('order'), createdAt),
    createdAt,
  };
}

export function listClusters(doc: Y.Doc, phase?: Phase): ClusterView[] {
  const out: ClusterView[] = [];
  for (const [key, m] of boardClusters(doc)) {
    const c = m instanceof Y.Map ? readCluster(m) : null;
    if (c && c.id === key && (!phase || c.phase === phase)) out.push(c);
  }
  return out.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** Deleting a cluster keeps its notes: they return to the phase's unclustered notes. */
export function deleteCluster(doc: Y.Doc, clusterId: string): void {
  doc.transact(() => {
    for (const note of boardNotes(doc).values()) {
      if (note.get('clusterId') === clusterId) note.set('clusterId', null);
    }
    boardClusters(doc).delete(clusterId);
  });
}
