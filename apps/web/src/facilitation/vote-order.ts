import { rankByVotes, readVotingRounds, type Phase } from '@crossboard/model';
import type * as Y from 'yjs';

/**
 * The latest closed round's tallies for a phase: the outline's "rank by votes" order uses
 * them (notes or clusters, whichever the round voted on), even after a later round on
 * another phase.
 */
export function phaseTallies(
  control: Y.Doc,
  phase: Phase,
): { target: 'notes' | 'clusters'; tallies: Readonly<Record<string, number>> } | null {
  const round = readVotingRounds(control)
    .filter((r) => r.phase === phase && r.status === 'closed')
    .at(-1);
  return round ? { target: round.target, tallies: round.tallies } : null;
}

/** Most votes first; ties keep their outline order. */
export function byVotes<T extends { id: string }>(items: readonly T[], tallies: Readonly<Record<string, number>>): T[] {
  return rankByVotes(items, tallies).map((r) => r.item);
}
