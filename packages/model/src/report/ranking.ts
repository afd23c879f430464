import type { RecommendationView } from '../schema/report.ts';
import type { WorkshopSnapshot } from './snapshot.ts';

export interface RankedRecommendation {
  recommendation: RecommendationView;
  /** Votes its source note or cluster got in the recommendations phase. */
  votes: number;
}

/**
 * The order a report lists recommendations in: by the votes of the note or cluster each was
 * made from, most first, once tallies exist; the organisers' own order breaks ties and rules
 * when nobody has voted.
 */
export function rankRecommendations(
  recommendations: readonly RecommendationView[],
  votesOf: (itemId: string) => number,
): RankedRecommendation[] {
  return recommendations
    .map((recommendation, index) => ({
      recommendation,
      index,
      votes: recommendation.sourceClusterId === null ? 0 : votesOf(recommendation.sourceClusterId),
    }))
    .sort((a, b) => b.votes - a.votes || a.recommendation.order - b.recommendation.order || a.index - b.index)
    .map(({ recommendation, votes }) => ({ recommendation, votes }));
}

/** rankRecommendations on a snapshot, whose notes and clusters carry their votes. */
export function rankedRecommendations(snapshot: WorkshopSnapshot): RankedRecommendation[] {
  const votes = new Map<string, number>();
  for (const item of [...snapshot.notes, ...snapshot.clusters]) if (item.phase === 'recommendations') votes.set(item.id, item.votes);
  return rankRecommendations(snapshot.recommendations, (id) => votes.get(id) ?? 0);
}
