import * as Y from 'yjs';
import { boardNotes, listClusters, listNotes, plainText } from '../schema/board.ts';
import { controlState, readSettings, type Session } from '../schema/control.ts';
import { readTallies } from '../schema/control-voting.ts';
import { listRecommendations, type RecommendationView } from '../schema/report.ts';
import { PHASES, type Phase } from '../phases.ts';
import type { Role } from '../permissions.ts';
import type { NoteColour } from '../colours.ts';

/** How a participant asked to be credited in the report. */
export const CREDITS = ['named', 'organisation', 'none'] as const;
export type Credit = (typeof CREDITS)[number];

export interface SnapshotPerson {
  id: string;
  name: string;
  organisation: string;
  country: string;
  role: Role;
  credit: Credit;
}

export interface SnapshotNote {
  id: string;
  phase: Phase;
  text: string;
  /** Null when unknown, or when the workshop ran anonymously and the export hides it. */
  authorId: string | null;
  clusterId: string | null;
  colour: NoteColour;
  createdAt: number;
  votes: number;
}

export interface SnapshotCluster {
  id: string;
  phase: Phase;
  title: string;
  votes: number;
}

/**
 * A workshop as plain data, read from its board, control and report rooms plus the
 * server's people list: what every export renders from, and what a JSON import restores.
 */
export interface WorkshopSnapshot {
  workshop: {
    title: string;
    purpose: string;
    themes: string[];
    homeTimeZone: string;
    sessions: Session[];
    /** Notes were written without names: exports attribute none of them. */
    anonymous: boolean;
  };
  people: SnapshotPerson[];
  /** In phase order, then board order. */
  notes: SnapshotNote[];
  clusters: SnapshotCluster[];
  recommendations: RecommendationView[];
}

/** A person as the server stores them; `credit` defaults to being named. */
export interface PersonInput {
  id: string;
  name: string;
  organisation: string;
  country?: string;
  role: Role;
  credit?: Credit;
}

export interface WorkshopDocs {
  board: Y.Doc;
  control: Y.Doc;
  report: Y.Doc;
}

// Reading must not write: noteContent() would give a body-less note a blank one.
const textOf = (content: unknown) => (content instanceof Y.XmlFragment ? plainText(content) : '');

export function snapshotFromDocs(docs: WorkshopDocs, people: readonly PersonInput[]): WorkshopSnapshot {
  const settings = readSettings(docs.control);
  const anonymous = controlState(docs.control).get('anonymous') === true;
  const tallies = readTallies(docs.control) ?? {};
  const votesOf = (id: string) => (Object.hasOwn(tallies, id) ? tallies[id]! : 0);
  const notes = boardNotes(docs.board);
  return {
    workshop: {
      title: settings.title,
      purpose: settings.purpose,
      themes: [...settings.themes],
      homeTimeZone: settings.homeTimeZone,
      sessions: settings.sessions.map((s) => ({ label: s.label, start: s.start, end: s.end })),
      anonymous,
    },
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      organisation: p.organisation,
      country: p.country ?? '',
      role: p.role,
      credit: p.credit ?? 'named',
    })),
    notes: PHASES.flatMap((phase) =>
      listNotes(docs.board, phase).map((n) => ({
        id: n.id,
        phase: n.phase,
        text: textOf(notes.get(n.id)?.get('content')),
        authorId: anonymous ? null : (n.author?.id ?? null),
        clusterId: n.clusterId,
        colour: n.colour,
        createdAt: n.createdAt,
        votes: votesOf(n.id),
      })),
    ),
    clusters: PHASES.flatMap((phase) =>
      listClusters(docs.board, phase).map((c) => ({ id: c.id, phase: c.phase, title: c.title, votes: votesOf(c.id) })),
    ),
    recommendations: listRecommendations(docs.report),
  };
}
