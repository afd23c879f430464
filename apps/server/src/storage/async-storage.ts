import type { FacilitationStore } from '../facilitation/facilitation-store.ts';
import type { Storage } from './storage.ts';

type Promised<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

/**
 * The storage contract for a database across the network (PostgreSQL): the same calls as
 * `Storage`, each answered by a Promise. SQLite answers it too, through `asyncStorage`.
 */
export type AsyncStorage = Promised<Storage>;

/** Ballots, board versions and note authors (facilitation), as Promises. */
export type AsyncFacilitationRecords = Promised<
  Pick<
    FacilitationStore,
    | 'ballots'
    | 'setBallot'
    | 'clearBallots'
    | 'addVersion'
    | 'listVersions'
    | 'versionData'
    | 'lastVersionAt'
    | 'setNoteAuthor'
    | 'noteAuthor'
    | 'noteAuthors'
  >
>;

/** Wraps a synchronous implementation; a thrown error becomes a rejected Promise. */
export function promised<T extends object>(sync: T): Promised<T> {
  return new Proxy(sync, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(target, args);
    },
  }) as unknown as Promised<T>;
}

export const asyncStorage = (storage: Storage): AsyncStorage => promised(storage);
