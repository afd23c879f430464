import type { Phase } from '../phases.ts';
import type { SnapshotVotingRound, WorkshopSnapshot } from './snapshot.ts';

/** Phase names as the exports print them (the CSV's phase column too: words, not codes). */
export const PHASE_NAMES: Record<Phase, string> = {
  painPoints: 'Pain points',
  visions: 'Future visions',
  recommendations: 'Recommendations',
};

export interface RoundResults {
  round: SnapshotVotingRound;
  /** 1 for the first round opened. */
  number: number;
  /** "Round 2: Future visions, clusters" */
  title: string;
  /** "5 dots each, at most 2 per item", or '' when not recorded. */
  rules: string;
  /** Voted items, most votes first, with the text or title they had when exported. */
  items: { id: string; label: string; votes: number }[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Each round with its results named, oldest first: what every export lists under "Vote results". */
export function votingRoundResults(snapshot: WorkshopSnapshot): RoundResults[] {
  const notes = new Map(snapshot.notes.map((n) => [n.id, n.text || '(empty note)']));
  const clusters = new Map(snapshot.clusters.map((c) => [c.id, c.title || 'Untitled cluster']));
  return snapshot.votingRounds.map((round, i) => {
    const labels = round.target === 'notes' ? notes : clusters;
    const rules = [
      round.votesPerPerson !== null ? `${plural(round.votesPerPerson, 'dot', 'dots')} each` : '',
      round.maxPerItem !== null ? `at most ${round.maxPerItem} per item` : '',
    ]
      .filter(Boolean)
      .join(', ');
    return {
      round,
      number: i + 1,
      title: `Round ${i + 1}: ${PHASE_NAMES[round.phase]}, ${round.target}`,
      rules,
      items: round.results.map((r) => ({
        id: r.itemId,
        label: labels.get(r.itemId) ?? `(deleted ${round.target === 'notes' ? 'note' : 'cluster'})`,
        votes: r.votes,
      })),
    };
  });
}
