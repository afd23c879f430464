import { AppendBatch } from './append-batch.ts';
import type { SqliteStorage } from './sqlite-storage.ts';
import type { Storage } from './storage.ts';

export type Promised<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

/**
 * The storage contract for a database across the network (PostgreSQL): the same calls as
 * `Storage`, each answered by a Promise. SQLite answers it too, through `asyncStorage`.
 */
export type AsyncStorage = Promised<Storage>;

/**
 * Wraps a synchronous implementation; a thrown error becomes a rejected Promise. `overrides`
 * answer some calls differently (already asynchronous).
 */
export function promised<T extends object>(sync: T, overrides: Partial<Promised<T>> = {}): Promised<T> {
  return new Proxy(sync, {
    get(target, key) {
      if (Object.hasOwn(overrides, key)) return overrides[key as keyof T];
      const value = Reflect.get(target, key, target) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(target, args);
    },
  }) as unknown as Promised<T>;
}

/** SQLite as the storage contract, with every turn's appended updates committed together. */
export const asyncStorage = (storage: SqliteStorage): AsyncStorage =>
  promised<Storage>(storage, { appendUpdate: new AppendBatch(storage).append });
