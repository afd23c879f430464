import {
  ORIGIN,
  castVote,
  listClusters,
  listNotes,
  newId,
  publishTallies,
  readTallies,
  readVoting,
  readVotingRounds,
  remainingVotes,
  roomName,
  tally,
  votesOf,
  votesUsed,
  withdrawVote,
  writeVoting,
  writeVotingRound,
  type Ballots,
  type Phase,
  type Tallies,
  type VoteResult,
  type VotingConfig,
  type VotingRound,
} from '@crossboard/model';
import type * as Y from 'yjs';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import type { AsyncFacilitationRecords as FacilitationStore } from '../storage/records.ts';

/**
 * Dot voting. Ballots live only in SQLite: the control room gets the round's config when it
 * opens and the totals when it closes, so no socket ever carries who voted for what. Ballots
 * are the open round's only; each closed round's totals stay in the control room's rounds.
 */

export interface OpenVotingInput {
  phase: Phase;
  target: 'notes' | 'clusters';
  votesPerPerson: number;
  maxPerItem?: number;
}

export interface MyVotes {
  votes: Record<string, number>;
  remaining: number;
}

const controlOf = (workshopId: string) => roomName({ workshopId, kind: 'control' });
const boardOf = (workshopId: string) => roomName({ workshopId, kind: 'board' });

async function currentVoting(ctx: ServerContext, workshopId: string): Promise<VotingConfig | null> {
  return ctx.rooms.use(controlOf(workshopId), (room) => readVoting(room.document));
}

function mine(ballots: Ballots, personId: string, config: VotingConfig | null): MyVotes {
  // fromEntries defines own properties: an item id is never a prototype, whatever it is.
  const votes = Object.fromEntries(votesOf(ballots, personId));
  return { votes, remaining: config && config.status === 'open' ? remainingVotes(ballots, personId, config) : 0 };
}

export async function openVoting(
  ctx: ServerContext,
  store: FacilitationStore,
  workshopId: string,
  input: OpenVotingInput,
): Promise<VotingConfig> {
  const roundId = `round-${newId()}`;
  const voting: VotingConfig = { phase: input.phase, target: input.target, votesPerPerson: input.votesPerPerson, status: 'open', roundId };
  if (input.maxPerItem !== undefined) voting.maxPerItem = input.maxPerItem;
  const round: VotingRound = {
    id: roundId,
    phase: input.phase,
    target: input.target,
    votesPerPerson: input.votesPerPerson,
    maxPerItem: input.maxPerItem ?? null,
    status: 'open',
    openedAt: Date.now(),
    closedAt: null,
    tallies: {},
  };
  await store.clearBallots(workshopId);
  await ctx.rooms.use(controlOf(workshopId), (room) =>
    room.change((doc) => {
      closeRoundLeftOpen(doc);
      writeVotingRound(doc, round);
      writeVoting(doc, voting);
      publishTallies(doc, null);
    }, ORIGIN.serverCommand),
  );
  return voting;
}

/**
 * A round still open when the next one opens ends there, with no results: its ballots are
 * about to be cleared, and totals never published would be a guess.
 */
function closeRoundLeftOpen(doc: Y.Doc): void {
  for (const r of readVotingRounds(doc)) if (r.status === 'open') writeVotingRound(doc, { ...r, status: 'closed', closedAt: Date.now() });
}

/** The round the current config belongs to, migrated from a document without rounds if need be. */
function currentRound(doc: Y.Doc, config: VotingConfig): VotingRound | null {
  const rounds = readVotingRounds(doc);
  return (config.roundId ? rounds.find((r) => r.id === config.roundId) : rounds.at(-1)) ?? null;
}

export async function closeVoting(ctx: ServerContext, store: FacilitationStore, workshopId: string): Promise<Tallies> {
  const config = await currentVoting(ctx, workshopId);
  if (!config) throw new HttpError('VOTING_CLOSED', 'No vote has been opened.');
  const tallies = tally(await countedBallots(ctx, store, workshopId));
  await ctx.rooms.use(controlOf(workshopId), (room) =>
    room.change((doc) => {
      const round = currentRound(doc, config);
      if (round) writeVotingRound(doc, { ...round, status: 'closed', closedAt: round.closedAt ?? Date.now(), tallies });
      writeVoting(doc, { ...config, status: 'closed' });
      publishTallies(doc, tallies);
    }, ORIGIN.serverCommand),
  );
  return tallies;
}

export async function myVotes(ctx: ServerContext, store: FacilitationStore, workshopId: string, personId: string): Promise<MyVotes> {
  return mine(await store.ballots(workshopId), personId, await currentVoting(ctx, workshopId));
}

function apply(result: VoteResult): Ballots {
  if (!result.ok) throw new HttpError(result.error.code, result.error.message);
  return result.ballots;
}

/**
 * A vote reads the ballots, checks the limits and writes: with an asynchronous database two
 * clicks of one person could both pass the check. Serialized per person in this process
 * (a person's two tabs on two processes are not).
 */
const inFlight = new Map<string, Promise<unknown>>();
function onePerPerson<T>(workshopId: string, personId: string, fn: () => Promise<T>): Promise<T> {
  const key = `${workshopId}/${personId}`;
  const run = (inFlight.get(key) ?? Promise.resolve()).catch(() => {}).then(fn);
  inFlight.set(key, run);
  void run
    .catch(() => {})
    .finally(() => {
      if (inFlight.get(key) === run) inFlight.delete(key);
    });
  return run;
}

export function cast(ctx: ServerContext, store: FacilitationStore, workshopId: string, personId: string, itemId: string): Promise<MyVotes> {
  return onePerPerson(workshopId, personId, () => castNow(ctx, store, workshopId, personId, itemId));
}

export function withdraw(
  ctx: ServerContext,
  store: FacilitationStore,
  workshopId: string,
  personId: string,
  itemId: string,
): Promise<MyVotes> {
  return onePerPerson(workshopId, personId, () => withdrawNow(ctx, store, workshopId, personId, itemId));
}

async function castNow(
  ctx: ServerContext,
  store: FacilitationStore,
  workshopId: string,
  personId: string,
  itemId: string,
): Promise<MyVotes> {
  const config = await currentVoting(ctx, workshopId);
  if (!config) throw new HttpError('VOTING_CLOSED', 'No vote is open.');
  const items = await ctx.rooms.use(boardOf(workshopId), (room) =>
    (config.target === 'notes' ? listNotes(room.document, config.phase) : listClusters(room.document, config.phase)).map((i) => i.id),
  );
  const ballots = apply(castVote(await store.ballots(workshopId), personId, itemId, config, items));
  await store.setBallot(workshopId, personId, itemId, votesOf(ballots, personId).get(itemId)!);
  return mine(ballots, personId, config);
}

async function withdrawNow(
  ctx: ServerContext,
  store: FacilitationStore,
  workshopId: string,
  personId: string,
  itemId: string,
): Promise<MyVotes> {
  const config = await currentVoting(ctx, workshopId);
  if (!config) throw new HttpError('VOTING_CLOSED', 'No vote is open.');
  const ballots = apply(withdrawVote(await store.ballots(workshopId), personId, itemId, config));
  await store.setBallot(workshopId, personId, itemId, votesOf(ballots, personId).get(itemId) ?? 0);
  return mine(ballots, personId, config);
}

/**
 * The ballots that count: those of people still in the workshop. A removed person's ballots
 * are kept (their votes come back if a removal is ever undone) but filtered out here, which
 * works the same on every storage backend.
 */
async function countedBallots(ctx: ServerContext, store: FacilitationStore, workshopId: string): Promise<Ballots> {
  const [ballots, people] = await Promise.all([store.ballots(workshopId), ctx.storage.listPeople(workshopId)]);
  const removed = new Set(people.filter((p) => p.revoked).map((p) => p.id));
  if (removed.size === 0) return ballots;
  return new Map([...ballots].filter(([personId]) => !removed.has(personId)));
}

/**
 * After someone is removed, the latest round's published totals are counted again without
 * their ballots. Earlier rounds' ballots were cleared when the next round opened: their
 * totals stay as published.
 */
export async function recountPublishedTallies(ctx: ServerContext, workshopId: string): Promise<void> {
  const store = ctx.records;
  await ctx.rooms.use(controlOf(workshopId), async (room) => {
    const config = readVoting(room.document);
    if (config?.status !== 'closed' || readTallies(room.document) === null) return;
    const tallies = tally(await countedBallots(ctx, store, workshopId));
    await room.change((doc) => {
      const round = currentRound(doc, config);
      if (round) writeVotingRound(doc, { ...round, tallies });
      publishTallies(doc, tallies);
    }, ORIGIN.serverCommand);
  });
}

/** How far the round has got, never who voted for what. */
export async function votingProgress(
  ctx: ServerContext,
  store: FacilitationStore,
  workshopId: string,
): Promise<{ voters: number; votesCast: number }> {
  const ballots = await countedBallots(ctx, store, workshopId);
  const used = [...ballots.keys()].map((p) => votesUsed(ballots, p));
  return { voters: used.filter((n) => n > 0).length, votesCast: used.reduce((a, b) => a + b, 0) };
}
