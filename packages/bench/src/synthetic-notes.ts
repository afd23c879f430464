import { pick, seededRandom } from './seeded-random.ts';

export interface LabelledNote {
  id: string;
  text: string;
  cluster: string;
}

/**
 * Notes as a large board might hold them: fixture notes sampled with replacement, each
 * perturbed the way people rewrite a thought (a word dropped, two swapped, a typo, a word
 * borrowed from another note), so few are exact duplicates.
 */
export function syntheticNotes(source: readonly LabelledNote[], count: number, seed: number): LabelledNote[] {
  const random = seededRandom(seed);
  const vocabulary = source.flatMap((n) => n.text.split(/\s+/));
  const out: LabelledNote[] = [];
  for (let i = 0; i < count; i++) {
    const base = pick(random, source);
    const words = base.text.split(/\s+/);
    const edits = 1 + Math.floor(random() * 3);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(random() * words.length);
      const r = random();
      if (r < 0.3 && words.length > 3) words.splice(at, 1);
      else if (r < 0.55 && at + 1 < words.length) [words[at], words[at + 1]] = [words[at + 1]!, words[at]!];
      else if (r < 0.8) {
        const w = words[at]!;
        const k = Math.floor(random() * Math.max(1, w.length - 1));
        words[at] = w.slice(0, k) + w.charAt(k + 1) + w.charAt(k) + w.slice(k + 2);
      } else words.splice(at, 0, pick(random, vocabulary));
    }
    out.push({ id: `s${i}`, text: words.join(' '), cluster: base.cluster });
  }
  return out;
}
