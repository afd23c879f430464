import { EMBEDDINGS_BATCH_SIZE, EMBEDDINGS_CACHE_ENTRIES, type EmbeddingsConfig } from './embeddings-config.ts';

/** Why the endpoint's answer could not be used; the route falls back and says so. */
export class EmbeddingsError extends Error {}

/**
 * Embeds texts through the operator's endpoint in batches, remembering each text's vector
 * (a bounded cache in insertion order: re-suggesting a board re-sends only new notes).
 */
export class EmbeddingsClient {
  readonly #cache = new Map<string, number[]>();

  constructor(
    readonly config: EmbeddingsConfig,
    readonly cacheEntries = EMBEDDINGS_CACHE_ENTRIES,
    readonly batchSize = EMBEDDINGS_BATCH_SIZE,
  ) {}

  async embed(texts: readonly string[]): Promise<number[][]> {
    const missing = [...new Set(texts.filter((t) => !this.#cache.has(t)))];
    const fresh = new Map<string, number[]>();
    for (let i = 0; i < missing.length; i += this.batchSize) {
      const batch = missing.slice(i, i + this.batchSize);
      const vectors = await this.#request(batch);
      batch.forEach((t, k) => {
        fresh.set(t, vectors[k]!);
        this.#remember(t, vectors[k]!);
      });
    }
    return texts.map((t) => fresh.get(t) ?? this.#cache.get(t)!);
  }

  #remember(text: string, vector: number[]): void {
    this.#cache.delete(text);
    this.#cache.set(text, vector);
    while (this.#cache.size > this.cacheEntries) this.#cache.delete(this.#cache.keys().next().value!);
  }

  async #request(input: string[]): Promise<number[][]> {
    let response: Response;
    try {
      response = await fetch(this.config.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.config.key ? { authorization: `Bearer ${this.config.key}` } : {}) },
        body: JSON.stringify({ model: this.config.model, input }),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
    } catch (e) {
      const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
      throw new EmbeddingsError(timedOut ? `no answer within ${this.config.timeoutMs} ms` : 'endpoint unreachable');
    }
    if (!response.ok) throw new EmbeddingsError(`endpoint answered ${response.status}`);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new EmbeddingsError('endpoint answered with malformed JSON');
    }
    return vectorsOf(body, input.length);
  }
}

/** The vectors of `{ data: [{ embedding, index }] }`, in input order, or an EmbeddingsError. */
export function vectorsOf(body: unknown, count: number): number[][] {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw new EmbeddingsError('answer has no data list');
  if (data.length !== count) throw new EmbeddingsError(`answer has ${data.length} vectors for ${count} notes`);
  const out: (number[] | undefined)[] = new Array(count);
  let dimension = -1;
  data.forEach((item: { embedding?: unknown; index?: unknown }, position) => {
    const index = typeof item?.index === 'number' ? item.index : position;
    const e = item?.embedding;
    if (!Number.isInteger(index) || index < 0 || index >= count || out[index])
      throw new EmbeddingsError('answer has a wrong or repeated index');
    if (!Array.isArray(e) || e.length === 0 || !e.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      throw new EmbeddingsError('answer has an embedding that is not a list of numbers');
    }
    if (dimension >= 0 && e.length !== dimension) throw new EmbeddingsError('answer mixes vector sizes');
    dimension = e.length;
    out[index] = e as number[];
  });
  return out as number[][];
}
