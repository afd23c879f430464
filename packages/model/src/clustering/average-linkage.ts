/**
 * Average-linkage agglomerative clustering cut at a similarity threshold, by the
 * nearest-neighbour-chain algorithm: O(n²) time on an n×n similarity matrix instead of the
 * O(n³) of repeatedly scanning for the best pair. Average linkage is reducible (merging two
 * clusters never brings them closer to a third than the nearer of the two was), which is
 * what makes the chain's reciprocal nearest neighbours safe to merge in any order, and makes
 * a cluster whose best neighbour is under the threshold final.
 *
 * `similarity` is row-major n×n and is overwritten. `sizes` are the initial cluster sizes
 * (all 1 for single items; more when items are pre-grouped and `similarity` holds the
 * average similarity between groups). Returns a label per item, numbered from 0 in order
 * of first appearance.
 */
export function averageLinkage(similarity: Float32Array, n: number, threshold: number, sizes?: ArrayLike<number>): Int32Array {
  const size = Float64Array.from({ length: n }, (_, i) => sizes?.[i] ?? 1);
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const active = new Uint8Array(n).fill(1);
  let remaining = n;
  const chain: number[] = [];
  const sim = (a: number, b: number) => similarity[a * n + b]!;

  let next = 0;
  while (remaining > 1) {
    if (chain.length === 0) {
      while (!active[next]) next++;
      chain.push(next);
    }
    const a = chain[chain.length - 1]!;
    const prev = chain.length > 1 ? chain[chain.length - 2]! : -1;
    // Prefer the previous chain element on ties, or the chain could cycle.
    let best = prev;
    let bestSim = prev >= 0 ? sim(a, prev) : Number.NEGATIVE_INFINITY;
    for (let x = 0; x < n; x++) {
      if (x === a || !active[x]) continue;
      const s = sim(a, x);
      if (s > bestSim) [best, bestSim] = [x, s];
    }
    if (best < 0 || bestSim < threshold) {
      // Nothing will ever come close enough to `a`: it is a finished cluster.
      active[a] = 0;
      remaining--;
      chain.pop();
      continue;
    }
    if (best !== prev) {
      chain.push(best);
      continue;
    }
    // a and prev are reciprocal nearest neighbours: merge prev into a.
    chain.length -= 2;
    const sa = size[a]!;
    const sb = size[prev]!;
    for (let x = 0; x < n; x++) {
      if (!active[x] || x === a || x === prev) continue;
      const merged = (sa * sim(a, x) + sb * sim(prev, x)) / (sa + sb);
      similarity[a * n + x] = merged;
      similarity[x * n + a] = merged;
    }
    size[a] = sa + sb;
    parent[prev] = a;
    active[prev] = 0;
    remaining--;
  }

  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i]!;
    return i;
  };
  const labels = new Int32Array(n);
  const labelOfRoot = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const r = root(i);
    if (!labelOfRoot.has(r)) labelOfRoot.set(r, labelOfRoot.size);
    labels[i] = labelOfRoot.get(r)!;
  }
  return labels;
}
