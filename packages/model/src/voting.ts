import { isPhase, type Phase } from './phases.ts';
import { MAX_VOTES_PER_PERSON } from './limits.ts';
import { isSafeId } from './ids.ts';

/** One round of dot voting, as the facilitator opened it. */
export interface VotingConfig {
  phase: Phase;
  target: 'notes' | 'clusters';
  votesPerPerson: number;
  /** Dots one person may put on one item; no limit when absent. */
  maxPerItem?: number;
  status: 'open' | 'closed';
  /** The round in `votingRounds` this config belongs to (absent in documents from before rounds were kept). */
  roundId?: string;
}

/**
 * Who put how many dots where: person → item → dots. Never mutated; each vote returns a new one.
 * Maps, not objects: person and item ids come from users, and an id such as `__proto__` used as
 * an object key would change every object in the process.
 */
export type Ballots = ReadonlyMap<string, ReadonlyMap<string, number>>;
/** Dots per item, as published in the control document (a plain object there, with no prototype). */
export type Tallies = Readonly<Record<string, number>>;

/** An object with no prototype, for keys that come from users. */
export function dictionary<V>(entries: Iterable<readonly [string, V]> = []): Record<string, V> {
  const out = Object.create(null) as Record<string, V>;
  for (const [k, v] of entries) out[k] = v;
  return out;
}

export const VOTE_ERROR_CODES = ['VOTING_CLOSED', 'NO_VOTES_LEFT', 'ITEM_LIMIT', 'UNKNOWN_ITEM', 'NO_VOTE_TO_WITHDRAW'] as const;
export type VoteErrorCode = (typeof VOTE_ERROR_CODES)[number];
export interface VoteError {
  code: VoteErrorCode;
  message: string;
}
export type VoteResult = { ok: true; ballots: Ballots } | { ok: false; error: VoteError };

const fail = (code: VoteErrorCode, message: string): VoteResult => ({ ok: false, error: { code, message } });

const NONE: ReadonlyMap<string, number> = new Map();

export function votesOf(ballots: Ballots, personId: string): ReadonlyMap<string, number> {
  return ballots.get(personId) ?? NONE;
}

function withCount(ballots: Ballots, personId: string, itemId: string, count: number): Ballots {
  const mine = new Map(votesOf(ballots, personId));
  if (count > 0) mine.set(itemId, count);
  else mine.delete(itemId);
  return new Map(ballots).set(personId, mine);
}

export function votesUsed(ballots: Ballots, personId: string): number {
  let used = 0;
  for (const n of votesOf(ballots, personId).values()) used += n;
  return used;
}

export function remainingVotes(ballots: Ballots, personId: string, config: VotingConfig): number {
  return Math.max(0, config.votesPerPerson - votesUsed(ballots, personId));
}

/**
 * Puts one of the person's dots on an item. `itemIds` are the notes or clusters that can
 * be voted on now (the server reads them from the board), so a dot cannot land on a
 * deleted note or another phase's cluster.
 */
export function castVote(ballots: Ballots, personId: string, itemId: string, config: VotingConfig, itemIds: Iterable<string>): VoteResult {
  if (config.status !== 'open') return fail('VOTING_CLOSED', 'Voting is closed.');
  if (!new Set(itemIds).has(itemId))
    return fail('UNKNOWN_ITEM', `There is no ${config.target === 'notes' ? 'note' : 'cluster'} ${itemId} to vote on in this phase.`);
  if (remainingVotes(ballots, personId, config) <= 0) {
    return fail('NO_VOTES_LEFT', `You have used all ${config.votesPerPerson} of your votes; withdraw one to vote elsewhere.`);
  }
  const onItem = votesOf(ballots, personId).get(itemId) ?? 0;
  if (config.maxPerItem !== undefined && onItem >= config.maxPerItem) {
    return fail('ITEM_LIMIT', `You can put at most ${config.maxPerItem} vote${config.maxPerItem === 1 ? '' : 's'} on one item.`);
  }
  return { ok: true, ballots: withCount(ballots, personId, itemId, onItem + 1) };
}

/** Takes one of the person's dots back from an item. */
export function withdrawVote(ballots: Ballots, personId: string, itemId: string, config: VotingConfig): VoteResult {
  if (config.status !== 'open') return fail('VOTING_CLOSED', 'Voting is closed.');
  const onItem = votesOf(ballots, personId).get(itemId) ?? 0;
  if (onItem <= 0) return fail('NO_VOTE_TO_WITHDRAW', 'You have no vote on this item to take back.');
  return { ok: true, ballots: withCount(ballots, personId, itemId, onItem - 1) };
}

export function tally(ballots: Ballots): Tallies {
  const out = new Map<string, number>();
  for (const mine of ballots.values()) {
    for (const [item, n] of mine) if (n > 0) out.set(item, (out.get(item) ?? 0) + n);
  }
  return dictionary(out);
}

export interface Ranked<T> {
  item: T;
  votes: number;
  /** Competition ranking: items with equal votes share a rank, the next rank skips (1, 1, 3). */
  rank: number;
}

/** Most votes first; ties keep the order the items were given in (e.g. board order). */
export function rankByVotes<T extends { id: string }>(items: readonly T[], tallies: Tallies): Ranked<T>[] {
  const withVotes = items.map((item, index) => ({ item, index, votes: Object.hasOwn(tallies, item.id) ? tallies[item.id]! : 0 }));
  withVotes.sort((a, b) => b.votes - a.votes || a.index - b.index);
  let rank = 0;
  return withVotes.map((r, i) => {
    if (i === 0 || r.votes !== withVotes[i - 1]!.votes) rank = i + 1;
    return { item: r.item, votes: r.votes, rank };
  });
}

/** Reads an untrusted value (a request body or the control document) as a voting config. */
export function parseVotingConfig(value: unknown): VotingConfig | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const count = (x: unknown, max: number): x is number => Number.isInteger(x) && (x as number) >= 1 && (x as number) <= max;
  if (!isPhase(v.phase) || (v.target !== 'notes' && v.target !== 'clusters')) return null;
  if (v.status !== 'open' && v.status !== 'closed') return null;
  if (!count(v.votesPerPerson, MAX_VOTES_PER_PERSON)) return null;
  if (v.maxPerItem !== undefined && !count(v.maxPerItem, MAX_VOTES_PER_PERSON)) return null;
  const config: VotingConfig = { phase: v.phase, target: v.target, votesPerPerson: v.votesPerPerson, status: v.status };
  if (v.maxPerItem !== undefined) config.maxPerItem = v.maxPerItem;
  if (isSafeId(v.roundId)) config.roundId = v.roundId;
  return config;
}

/** Ballots from stored rows (one per person and item), the same for every storage backend. */
export function ballotsFromRows(rows: Iterable<{ person: string; item: string; count: number }>): Ballots {
  const out = new Map<string, Map<string, number>>();
  for (const row of rows) {
    let mine = out.get(row.person);
    if (!mine) out.set(row.person, (mine = new Map()));
    mine.set(row.item, row.count);
  }
  return out;
}
