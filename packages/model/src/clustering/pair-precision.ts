/**
 * Of the pairs of items a suggestion puts together, the share the reference also puts
 * together: what a facilitator who accepts every suggestion gets right. Items left alone
 * carry labels of their own (see `suggestionLabels`) and so form no pair. Null when no pair
 * was suggested.
 */
export function pairPrecision(reference: ArrayLike<string | number>, suggested: ArrayLike<string | number>): number | null {
  if (reference.length !== suggested.length) throw new RangeError('pairPrecision needs two labelings of the same items');
  const membersOf = new Map<string | number, number[]>();
  for (let i = 0; i < suggested.length; i++) {
    const label = suggested[i]!;
    const m = membersOf.get(label);
    if (m) m.push(i);
    else membersOf.set(label, [i]);
  }
  let pairs = 0;
  let right = 0;
  for (const members of membersOf.values()) {
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        pairs++;
        if (reference[members[a]!] === reference[members[b]!]) right++;
      }
    }
  }
  return pairs === 0 ? null : right / pairs;
}
