import { sparseFromMap, type SparseVector } from './sparse-vector.ts';
import { charNgrams, DEFAULT_TEXT_OPTIONS, tokenize, type TextOptions, type Token } from './tokenize.ts';

/** How much each kind of evidence counts in the similarity of two notes. */
export interface FeatureWeights {
  /** Shared word stems. */
  words: number;
  /** Shared character 3–5-grams of words: cognates across languages, typos, compounds. */
  ngrams: number;
}

export const DEFAULT_FEATURE_WEIGHTS: FeatureWeights = { words: 1, ngrams: 0.5 };

type Block = keyof FeatureWeights;

export interface NoteFeatures {
  tokens: Token[][];
  /** One unit vector per note whose dot product with another's is the weighted similarity. */
  vectors: SparseVector[];
}

/**
 * TF-IDF per block, each block scaled to unit length and weighted, then laid side by side:
 * the dot product of two notes is Σ weight·cosine(block) / Σ weight, each term in [0, 1].
 */
export function noteFeatures(
  texts: readonly string[],
  weights: FeatureWeights = DEFAULT_FEATURE_WEIGHTS,
  textOptions: TextOptions = DEFAULT_TEXT_OPTIONS,
  /** Stems that count as no evidence at all (their words and n-grams are left out). */
  ignoredStems: ReadonlySet<string> = new Set(),
): NoteFeatures {
  // One vocabulary per block (no key prefixes to build), and each distinct word's feature
  // ids worked out once: real boards repeat their words many times.
  const vocabulary: Record<Block, Map<string, number>> = { words: new Map(), ngrams: new Map() };
  const blockOf: Block[] = [];
  const idOf = (block: Block, key: string): number => {
    const ids = vocabulary[block];
    let id = ids.get(key);
    if (id === undefined) {
      id = blockOf.length;
      ids.set(key, id);
      blockOf.push(block);
    }
    return id;
  };
  const featuresOfWord = new Map<string, number[]>();
  const wordFeatures = (t: Token): number[] => {
    const cacheKey = `${t.word} ${t.stem}`;
    let ids = featuresOfWord.get(cacheKey);
    if (!ids) {
      ids = weights.words > 0 ? [idOf('words', t.stem)] : [];
      if (weights.ngrams > 0) for (const g of charNgrams(t.word)) ids.push(idOf('ngrams', g));
      featuresOfWord.set(cacheKey, ids);
    }
    return ids;
  };

  const tokensPerNote = texts.map((t) => tokenize(t, textOptions));
  const counts = tokensPerNote.map((tokens) => {
    const tf = new Map<number, number>();
    for (const t of tokens) {
      if (ignoredStems.has(t.stem)) continue;
      for (const id of wordFeatures(t)) tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    return tf;
  });

  const df = new Float64Array(blockOf.length);
  for (const tf of counts) for (const id of tf.keys()) df[id]! += 1;
  const n = texts.length;
  const total = weights.words + weights.ngrams;
  const scale: Record<Block, number> = {
    words: Math.sqrt(weights.words / total),
    ngrams: Math.sqrt(weights.ngrams / total),
  };

  const vectors = counts.map((tf) => {
    const weighted = new Map<number, number>();
    const blockNorm: Record<Block, number> = { words: 0, ngrams: 0 };
    for (const [id, count] of tf) {
      // Smoothed IDF keeps a feature shared by every note slightly above zero.
      const w = (1 + Math.log(count)) * Math.log(1 + n / df[id]!);
      weighted.set(id, w);
      blockNorm[blockOf[id]!] += w * w;
    }
    for (const [id, w] of weighted) {
      const b = blockOf[id]!;
      weighted.set(id, (w / Math.sqrt(blockNorm[b])) * scale[b]);
    }
    return sparseFromMap(weighted);
  });
  return { tokens: tokensPerNote, vectors };
}
