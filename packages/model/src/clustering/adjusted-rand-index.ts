/**
 * Adjusted Rand index of two labelings of the same items (Hubert & Arabie, 1985):
 * 1 for identical partitions, about 0 for chance agreement, negative for worse.
 */
export function adjustedRandIndex(labelsA: ArrayLike<string | number>, labelsB: ArrayLike<string | number>): number {
  if (labelsA.length !== labelsB.length) throw new RangeError('adjustedRandIndex needs two labelings of the same items');
  const n = labelsA.length;
  if (n < 2) return 1;
  const pairs = (k: number) => (k * (k - 1)) / 2;
  const joint = new Map<string, number>();
  const rows = new Map<string | number, number>();
  const cols = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const a = labelsA[i]!;
    const b = labelsB[i]!;
    const key = JSON.stringify([a, b]);
    joint.set(key, (joint.get(key) ?? 0) + 1);
    rows.set(a, (rows.get(a) ?? 0) + 1);
    cols.set(b, (cols.get(b) ?? 0) + 1);
  }
  let index = 0;
  for (const c of joint.values()) index += pairs(c);
  let sumA = 0;
  for (const c of rows.values()) sumA += pairs(c);
  let sumB = 0;
  for (const c of cols.values()) sumB += pairs(c);
  const expected = (sumA * sumB) / pairs(n);
  const max = (sumA + sumB) / 2;
  // Both partitions all singletons, or both one cluster: they agree completely.
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}
