/** Notes sent to the embeddings endpoint per request: small enough for any server's limits. */
export const EMBEDDINGS_BATCH_SIZE = 64;
/** Note texts whose vectors are kept in memory; the oldest are forgotten first. */
export const EMBEDDINGS_CACHE_ENTRIES = 5_000;
/** How long one request to the endpoint may take before the offline method is used. */
export const EMBEDDINGS_TIMEOUT_MS = 10_000;

/** An operator's OpenAI-compatible /v1/embeddings endpoint (Ollama, vLLM, LocalAI, hosted). */
export interface EmbeddingsConfig {
  /** The endpoint itself, e.g. http://localhost:11434/v1/embeddings. */
  url: string;
  model: string;
  /** Sent as a bearer token; never leaves the server otherwise. */
  key?: string;
  timeoutMs: number;
}

/**
 * CROSSBOARD_EMBEDDINGS_URL and CROSSBOARD_EMBEDDINGS_MODEL (both needed), optional
 * CROSSBOARD_EMBEDDINGS_KEY and CROSSBOARD_EMBEDDINGS_TIMEOUT_MS. Null when unset: then no
 * note text is ever sent anywhere.
 */
export function embeddingsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EmbeddingsConfig | null {
  const url = env.CROSSBOARD_EMBEDDINGS_URL?.trim();
  const model = env.CROSSBOARD_EMBEDDINGS_MODEL?.trim();
  if (!url || !model) return null;
  const timeout = Number(env.CROSSBOARD_EMBEDDINGS_TIMEOUT_MS);
  const key = env.CROSSBOARD_EMBEDDINGS_KEY?.trim();
  return { url, model, ...(key ? { key } : {}), timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : EMBEDDINGS_TIMEOUT_MS };
}
