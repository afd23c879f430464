import { averageLinkage, pairwiseDots, sparseFromMap, STOP_WORDS, type SparseVector } from '@crossboard/model';

/**
 * The baselines to beat: word TF-IDF (lowercase words; no stemming, n-grams or lexicon;
 * stop words removed only when asked), cosine similarity, the same average-linkage clustering.
 */
export function wordTfidfVectors(texts: readonly string[], removeStopWords = false): SparseVector[] {
  const vocabulary = new Map<string, number>();
  const counts = texts.map((text) => {
    const tf = new Map<number, number>();
    for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (!w || (removeStopWords && STOP_WORDS.has(w.normalize('NFD').replace(/\p{M}+/gu, '')))) continue;
      let id = vocabulary.get(w);
      if (id === undefined) vocabulary.set(w, (id = vocabulary.size));
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    return tf;
  });
  const df = new Float64Array(vocabulary.size);
  for (const tf of counts) for (const id of tf.keys()) df[id]! += 1;
  return counts.map((tf) => {
    const w = new Map<number, number>();
    let norm = 0;
    for (const [id, c] of tf) {
      const x = c * Math.log(1 + texts.length / df[id]!);
      w.set(id, x);
      norm += x * x;
    }
    for (const [id, x] of w) w.set(id, x / Math.sqrt(norm));
    return sparseFromMap(w);
  });
}

export function baselineLabels(texts: readonly string[], threshold: number, removeStopWords = false): Int32Array {
  return averageLinkage(pairwiseDots(wordTfidfVectors(texts, removeStopWords)), texts.length, threshold);
}
