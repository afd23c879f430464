import {
  ORIGIN,
  castVote,
  listClusters,
  listNotes,
  publishTallies,
  readVoting,
  remainingVotes,
  roomName,
  tally,
  votesUsed,
  withdrawVote,
  writeVoting,
  type Ballots,
  type Phase,
  type Tallies,
  type VoteResult,
  type VotingConfig,
} from '@crossboard/model';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import type { FacilitationStore } from './facilitation-store.ts';

/**
 * Dot voting. Ballots live only in SQLite: the control room gets the round's config when it
 * opens and the totals when it closes, so no socket ever carries who voted for what.
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

function currentVoting(ctx: ServerContext, workshopId: string): VotingConfig | null {
  return ctx.rooms.use(controlOf(workshopId), (room) => readVoting(room.document));
}

function mine(ballots: Ballots, personId: string, config: VotingConfig | null): MyVotes {
  const votes = Object.hasOwn(ballots, personId) ? { ...ballots[personId] } : {};
  return { votes, remaining: config && config.status === 'open' ? remainingVotes(ballots, personId, config) : 0 };
}

export function openVoting(ctx: ServerContext, store: FacilitationStore, workshopId: string, input: OpenVotingInput): VotingConfig {
  const voting: VotingConfig = { phase: input.phase, target: input.target, votesPerPerson: input.votesPerPerson, status: 'open' };
  if (input.maxPerItem !== undefined) voting.maxPerItem = input.maxPerItem;
  store.clearBallots(workshopId);
  ctx.rooms.use(controlOf(workshopId), (room) =>
    room.change((doc) => {
      writeVoting(doc, voting);
      publishTallies(doc, null);
    }, ORIGIN.serverCommand),
  );
  return voting;
}

export function closeVoting(ctx: ServerContext, store: FacilitationStore, workshopId: string): Tallies {
  const config = currentVoting(ctx, workshopId);
  if (!config) throw new HttpError('VOTING_CLOSED', 'No vote has been opened.');
  const tallies = tally(store.ballots(workshopId));
  ctx.rooms.use(controlOf(workshopId), (room) =>
    room.change((doc) => {
      writeVoting(doc, { ...config, status: 'closed' });
      publishTallies(doc, tallies);
    }, ORIGIN.serverCommand),
  );
  return tallies;
}

export function myVotes(ctx: ServerContext, store: FacilitationStore, workshopId: string, personId: string): MyVotes {
  return mine(store.ballots(workshopId), personId, currentVoting(ctx, workshopId));
}

function apply(result: VoteResult): Ballots {
  if (!result.ok) throw new HttpError(result.error.code, result.error.message);
  return result.ballots;
}

export function cast(ctx: ServerContext, store: FacilitationStore, workshopId: string, personId: string, itemId: string): MyVotes {
  const config = currentVoting(ctx, workshopId);
  if (!config) throw new HttpError('VOTING_CLOSED', 'No vote is open.');
  const items = ctx.rooms.use(boardOf(workshopId), (room) =>
    (config.target === 'notes' ? listNotes(room.document, config.phase) : listClusters(room.document, config.phase)).map((i) => i.id),
  );
  const ballots = apply(castVote(store.ballots(workshopId), personId, itemId, config, items));
  store.setBallot(workshopId, personId, itemId, ballots[personId]![itemId]!);
  return mine(ballots, personId, config);
}

export function withdraw(ctx: ServerContext, store: FacilitationStore, workshopId: string, personId: string, itemId: string): MyVotes {
  const config = currentVoting(ctx, workshopId);
  if (!config) throw new HttpError('VOTING_CLOSED', 'No vote is open.');
  const ballots = apply(withdrawVote(store.ballots(workshopId), personId, itemId, config));
  store.setBallot(workshopId, personId, itemId, ballots[personId]![itemId] ?? 0);
  return mine(ballots, personId, config);
}

/** How far the round has got, never who voted for what. */
export function votingProgress(store: FacilitationStore, workshopId: string): { voters: number; votesCast: number } {
  const ballots = store.ballots(workshopId);
  const used = Object.keys(ballots).map((p) => votesUsed(ballots, p));
  return { voters: used.filter((n) => n > 0).length, votesCast: used.reduce((a, b) => a + b, 0) };
}
