import { rankByVotes, readTallies, readVoting, type Phase } from '@crossboard/model';
import type * as Y from 'yjs';

/**
 * The published tallies for a phase, if its round is closed: the outline's "rank by votes"
 * order uses them (notes or clusters, whichever the round voted on).
 */
export function phaseTallies(control: Y.Doc, phase: Phase): { target: 'notes' | 'clusters'; tallies: Readonly<Record<string, number>> } | null {
  const voting = readVoting(control);
  const tallies = readTallies(control);
  if (!voting || voting.phase !== phase || voting.status !== 'closed' || !tallies) return null;
  return { target: voting.target, tallies };
}

/** Most votes first; ties keep their outline order. */
export function byVotes<T extends { id: string }>(items: readonly T[], tallies: Readonly<Record<string, number>>): T[] {
  return rankByVotes(items, tallies).map((r) => r.item);
}
