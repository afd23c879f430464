import * as Y from 'yjs';
import { boardNotes, listClusters, listNotes, plainText } from '../schema/board.ts';
import { controlState, readSettings, type Session } from '../schema/control.ts';
import { readOwnSessionAgendas, readSessionAgenda } from '../schema/control-setup.ts';
import type { AgendaItem } from '../agenda/agenda.ts';
import type { SessionAgenda } from '../agenda/session-agendas.ts';
import { readTallies, readVotingRounds, type VotingRound } from '../schema/control-voting.ts';
import { listRecommendations, type RecommendationView } from '../schema/report.ts';
import { PHASES, type Phase } from '../phases.ts';
import type { Role } from '../permissions.ts';
import type { NoteColour } from '../colours.ts';
import type { FeedbackResults } from './feedback.ts';

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
  /** One of the workshop's themes (or any label the note was given), null when none. */
  theme: string | null;
  colour: NoteColour;
  createdAt: number;
  /** Dots in the latest closed round that counted this note (see roundVotes). */
  votes: number;
}

export interface SnapshotCluster {
  id: string;
  phase: Phase;
  title: string;
  votes: number;
}

/**
 * One voting round as the control room keeps it, with its results as a list, item by item (most
 * votes first): a file carries ids as data, never as object keys.
 */
export type SnapshotVotingRound = Omit<VotingRound, 'tallies'> & { results: { itemId: string; votes: number }[] };

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
    /** The shared run of show, when there is one. */
    agenda?: AgendaItem[];
    /** Sessions' own runs of show, by start instant, when any has one. */
    sessionAgendas?: SessionAgenda[];
    /** Notes were written without names: exports attribute none of them. */
    anonymous: boolean;
  };
  people: SnapshotPerson[];
  /** In phase order, then board order. */
  notes: SnapshotNote[];
  clusters: SnapshotCluster[];
  /** Every voting round, oldest first. */
  votingRounds: SnapshotVotingRound[];
  recommendations: RecommendationView[];
  /**
   * The end-of-session survey's results, when one was opened: counts and comments only, kept
   * by the server outside the rooms, added by the exports that staff ask for.
   */
  feedback?: FeedbackResults;
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

/** The agendas a snapshot carries, only when set, so workshops without them export as before. */
function agendasOf(control: Y.Doc): { agenda?: AgendaItem[]; sessionAgendas?: SessionAgenda[] } {
  const agenda = readSessionAgenda(control);
  const own = readOwnSessionAgendas(control);
  return { ...(agenda.length ? { agenda } : {}), ...(own.length ? { sessionAgendas: own } : {}) };
}

export function snapshotFromDocs(docs: WorkshopDocs, people: readonly PersonInput[]): WorkshopSnapshot {
  const settings = readSettings(docs.control);
  const anonymous = controlState(docs.control).get('anonymous') === true;
  const notes = boardNotes(docs.board);
  const votingRounds = readVotingRounds(docs.control).map(snapshotRound);
  // Workshops imported before rounds were kept hold totals only: one round per phase and kind.
  const legacy = votingRounds.length === 0 ? readTallies(docs.control) : null;
  if (legacy) {
    const items = PHASES.flatMap((phase) => [
      ...listClusters(docs.board, phase).map((c) => ({
        id: c.id,
        phase,
        target: 'clusters' as const,
        votes: Object.hasOwn(legacy, c.id) ? legacy[c.id]! : 0,
      })),
      ...listNotes(docs.board, phase).map((n) => ({
        id: n.id,
        phase,
        target: 'notes' as const,
        votes: Object.hasOwn(legacy, n.id) ? legacy[n.id]! : 0,
      })),
    ]);
    votingRounds.push(...roundsFromItemVotes(items));
  }
  const votes = roundVotes(votingRounds);
  const votesOf = (id: string) => votes.get(id) ?? 0;
  return {
    workshop: {
      title: settings.title,
      purpose: settings.purpose,
      themes: [...settings.themes],
      homeTimeZone: settings.homeTimeZone,
      sessions: settings.sessions.map((s) => ({ label: s.label, start: s.start, end: s.end })),
      ...agendasOf(docs.control),
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
        theme: n.theme,
        colour: n.colour,
        createdAt: n.createdAt,
        votes: votesOf(n.id),
      })),
    ),
    clusters: PHASES.flatMap((phase) =>
      listClusters(docs.board, phase).map((c) => ({ id: c.id, phase: c.phase, title: c.title, votes: votesOf(c.id) })),
    ),
    votingRounds,
    recommendations: listRecommendations(docs.report),
  };
}

function snapshotRound(r: VotingRound): SnapshotVotingRound {
  const results = Object.entries(r.tallies)
    .filter(([, n]) => n > 0)
    .map(([itemId, votes]) => ({ itemId, votes }))
    .sort((a, b) => b.votes - a.votes || a.itemId.localeCompare(b.itemId));
  return {
    id: r.id,
    phase: r.phase,
    target: r.target,
    votesPerPerson: r.votesPerPerson,
    maxPerItem: r.maxPerItem,
    status: r.status,
    openedAt: r.openedAt,
    closedAt: r.closedAt,
    results,
  };
}

/**
 * An item's votes: those of the latest closed round that counted it. Rounds of different
 * phases count different items; a phase voted twice shows its latest result (the earlier one
 * is still in its round).
 */
export function roundVotes(rounds: readonly SnapshotVotingRound[]): Map<string, number> {
  const latest = new Map<string, SnapshotVotingRound>();
  for (const r of rounds) if (r.status === 'closed') latest.set(`${r.phase}/${r.target}`, r);
  const out = new Map<string, number>();
  for (const r of latest.values()) for (const x of r.results) out.set(x.itemId, x.votes);
  return out;
}

export interface VotedItem {
  id: string;
  phase: Phase;
  target: 'notes' | 'clusters';
  votes: number;
}

/**
 * Rounds for totals kept without them (files of version 1, workshops imported from those):
 * one closed round per phase and kind of item that got votes, dots and times unknown.
 */
export function roundsFromItemVotes(items: readonly VotedItem[]): SnapshotVotingRound[] {
  const rounds: SnapshotVotingRound[] = [];
  for (const phase of PHASES) {
    for (const target of ['clusters', 'notes'] as const) {
      const results = items
        .filter((x) => x.phase === phase && x.target === target && x.votes > 0)
        .map((x) => ({ itemId: x.id, votes: x.votes }))
        .sort((a, b) => b.votes - a.votes || a.itemId.localeCompare(b.itemId));
      if (results.length === 0) continue;
      rounds.push({
        id: `round-${rounds.length + 1}`,
        phase,
        target,
        votesPerPerson: null,
        maxPerItem: null,
        status: 'closed',
        openedAt: null,
        closedAt: null,
        results,
      });
    }
  }
  return rounds;
}
