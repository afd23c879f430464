import type { SparseVector } from './sparse-vector.ts';

export interface LeaderGroups {
  /** Group of each item. */
  groupOf: Int32Array;
  /** Items of each group; the first is its leader. */
  members: number[][];
}

/**
 * One pass of leader clustering: an item joins the most similar leader at or above
 * `threshold`, or becomes a leader itself. Once `maxLeaders` exist, items join their most
 * similar leader whatever the similarity, which bounds the work that follows.
 * Similarities come from an inverted index over leaders, so items share no work with
 * leaders they have no feature in common with. Vectors must be unit length.
 */
export function leaderGroups(vectors: readonly SparseVector[], threshold: number, maxLeaders: number): LeaderGroups {
  const postings = new Map<number, { leader: number[]; val: number[] }>();
  const members: number[][] = [];
  const groupOf = new Int32Array(vectors.length);
  const acc = new Float64Array(maxLeaders);
  const seen = new Uint8Array(maxLeaders);
  const touched: number[] = [];

  vectors.forEach((v, item) => {
    for (let k = 0; k < v.indices.length; k++) {
      const p = postings.get(v.indices[k]!);
      if (!p) continue;
      const x = v.values[k]!;
      for (let q = 0; q < p.leader.length; q++) {
        const l = p.leader[q]!;
        if (!seen[l]) {
          seen[l] = 1;
          touched.push(l);
        }
        acc[l] = acc[l]! + x * p.val[q]!;
      }
    }
    let best = -1;
    let bestSim = Number.NEGATIVE_INFINITY;
    for (const l of touched) {
      if (acc[l]! > bestSim) [best, bestSim] = [l, acc[l]!];
      acc[l] = 0;
      seen[l] = 0;
    }
    touched.length = 0;

    const full = members.length >= maxLeaders;
    if (best >= 0 && (bestSim >= threshold || full)) {
      groupOf[item] = best;
      members[best]!.push(item);
      return;
    }
    if (full) {
      // Shares no feature with any leader (e.g. an empty note): the first group takes it.
      groupOf[item] = 0;
      members[0]!.push(item);
      return;
    }
    const leader = members.length;
    members.push([item]);
    groupOf[item] = leader;
    for (let k = 0; k < v.indices.length; k++) {
      const id = v.indices[k]!;
      let p = postings.get(id);
      if (!p) postings.set(id, (p = { leader: [], val: [] }));
      p.leader.push(leader);
      p.val.push(v.values[k]!);
    }
  });
  return { groupOf, members };
}
