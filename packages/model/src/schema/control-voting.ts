import type * as Y from 'yjs';
import { controlState } from './control.ts';
import { isSafeId } from '../ids.ts';
import { MAX_VOTES_PER_PERSON } from '../limits.ts';
import { isPhase, type Phase } from '../phases.ts';
import { dictionary, parseVotingConfig, type Tallies, type VotingConfig } from '../voting.ts';

/**
 * The control room holds the current round's config at `state.voting` and, once the
 * facilitator publishes them, its totals at `state.tallies`. Every round ever opened is kept in
 * the `votingRounds` map (round id → round), so opening the visions vote does not erase the
 * pain points' results. Ballots (who voted for what) never enter a shared document: the
 * server keeps them, so no one's socket receives another's ballot. Only the server writes
 * rounds (the control room's policy puts back anyone else's change).
 */
export const VOTING_ROUNDS_ROOT = 'votingRounds';

/** One round of dot voting and, once closed, its results. */
export interface VotingRound {
  id: string;
  phase: Phase;
  target: 'notes' | 'clusters';
  /** Null only for rounds migrated from before rounds were kept, where it was not recorded. */
  votesPerPerson: number | null;
  maxPerItem: number | null;
  status: 'open' | 'closed';
  openedAt: number | null;
  closedAt: number | null;
  /** Item id → dots; empty while the round is open. */
  tallies: Tallies;
}

/** How a round is stored: results as a list of pairs, so item ids are never object keys. */
interface StoredRound {
  id: string;
  phase: Phase;
  target: 'notes' | 'clusters';
  votesPerPerson: number | null;
  maxPerItem: number | null;
  status: 'open' | 'closed';
  openedAt: number | null;
  closedAt: number | null;
  results: { id: string; votes: number }[];
}

/** The id a round migrated from a document written before rounds were kept is given. */
export const LEGACY_ROUND_ID = 'round-1';

export function readVoting(doc: Y.Doc): VotingConfig | null {
  return parseVotingConfig(controlState(doc).get('voting'));
}

export function writeVoting(doc: Y.Doc, config: VotingConfig | null, origin?: unknown): void {
  doc.transact(() => controlState(doc).set('voting', config ? { ...config } : null), origin);
}

export function readTallies(doc: Y.Doc): Tallies | null {
  const t = controlState(doc).get('tallies');
  if (typeof t !== 'object' || t === null) return null;
  const out = dictionary<number>();
  for (const [k, v] of Object.entries(t)) if (Number.isInteger(v) && (v as number) > 0) out[k] = v as number;
  return out;
}

export function publishTallies(doc: Y.Doc, tallies: Tallies | null, origin?: unknown): void {
  doc.transact(() => controlState(doc).set('tallies', tallies ? { ...tallies } : null), origin);
}

export function votingRoundsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(VOTING_ROUNDS_ROOT);
}

const instantOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const dotsOrNull = (v: unknown): number | null =>
  Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_VOTES_PER_PERSON ? (v as number) : null;

/** Reads an untrusted stored round; anything malformed reads as no round at all. */
export function parseVotingRound(value: unknown): VotingRound | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (!isSafeId(v.id) || !isPhase(v.phase) || (v.target !== 'notes' && v.target !== 'clusters')) return null;
  if (v.status !== 'open' && v.status !== 'closed') return null;
  const tallies = dictionary<number>();
  if (Array.isArray(v.results)) {
    for (const r of v.results) {
      if (typeof r !== 'object' || r === null) continue;
      const { id, votes } = r as Record<string, unknown>;
      if (isSafeId(id) && Number.isInteger(votes) && (votes as number) > 0) tallies[id] = votes as number;
    }
  }
  return {
    id: v.id,
    phase: v.phase,
    target: v.target,
    votesPerPerson: dotsOrNull(v.votesPerPerson),
    maxPerItem: dotsOrNull(v.maxPerItem),
    status: v.status,
    openedAt: instantOrNull(v.openedAt),
    closedAt: instantOrNull(v.closedAt),
    tallies,
  };
}

function stored(round: VotingRound): StoredRound {
  return {
    id: round.id,
    phase: round.phase,
    target: round.target,
    votesPerPerson: round.votesPerPerson,
    maxPerItem: round.maxPerItem,
    status: round.status,
    openedAt: round.openedAt,
    closedAt: round.closedAt,
    results: Object.entries(round.tallies)
      .filter(([, n]) => n > 0)
      .map(([id, votes]) => ({ id, votes })),
  };
}

/**
 * A document from before rounds were kept holds one round, in `state.voting` and
 * `state.tallies`: read as that round, so its results survive the next vote.
 */
function legacyRound(doc: Y.Doc): VotingRound | null {
  const config = readVoting(doc);
  if (!config) return null;
  return {
    id: LEGACY_ROUND_ID,
    phase: config.phase,
    target: config.target,
    votesPerPerson: config.votesPerPerson,
    maxPerItem: config.maxPerItem ?? null,
    status: config.status,
    openedAt: null,
    closedAt: null,
    tallies: config.status === 'closed' ? (readTallies(doc) ?? dictionary()) : dictionary(),
  };
}

/** Every round, oldest first (rounds without an opening time, migrated ones, come first). */
export function readVotingRounds(doc: Y.Doc): VotingRound[] {
  const map = votingRoundsMap(doc);
  if (map.size === 0) {
    const legacy = legacyRound(doc);
    return legacy ? [legacy] : [];
  }
  const rounds: VotingRound[] = [];
  for (const value of map.values()) {
    const round = parseVotingRound(value);
    if (round) rounds.push(round);
  }
  return rounds.sort((a, b) => (a.openedAt ?? -1) - (b.openedAt ?? -1) || a.id.localeCompare(b.id, 'en', { numeric: true }));
}

export function writeVotingRound(doc: Y.Doc, round: VotingRound, origin?: unknown): void {
  doc.transact(() => {
    const map = votingRoundsMap(doc);
    // The first write into a document from before rounds were kept keeps that round too.
    if (map.size === 0 && round.id !== LEGACY_ROUND_ID) {
      const legacy = legacyRound(doc);
      if (legacy) map.set(legacy.id, stored(legacy));
    }
    map.set(round.id, stored(round));
  }, origin);
}

/** The closed rounds that counted dots on items of this phase, oldest first. */
export function closedRoundsOf(rounds: readonly VotingRound[], phase: Phase): VotingRound[] {
  return rounds.filter((r) => r.phase === phase && r.status === 'closed');
}
