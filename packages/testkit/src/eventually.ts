export interface EventuallyOptions {
  /** Named in the error when time runs out: "timed out after 10000 ms waiting for <what>". */
  what: string;
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Polls `check` until it returns a truthy value (which it resolves with), with no fixed sleeps:
 * sync and browsers are asynchronous and the machine is slow and shared. A check that throws
 * (an `expect` that does not hold yet) is retried too; at the deadline its last error is
 * rethrown, otherwise a timeout naming `what`.
 */
export async function eventually<T>(
  check: () => T | Promise<T>,
  { what, timeoutMs = 10_000, intervalMs = 20 }: EventuallyOptions,
): Promise<Exclude<Awaited<T>, false | null | undefined | 0 | ''>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let failure: { error: unknown } | undefined;
    try {
      const value = await check();
      if (value) return value as Exclude<Awaited<T>, false | null | undefined | 0 | ''>;
    } catch (error) {
      failure = { error };
    }
    if (Date.now() > deadline) {
      if (failure) throw failure.error;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
