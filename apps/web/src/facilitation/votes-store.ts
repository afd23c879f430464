import { create } from 'zustand';
import { ApiError } from '../api/client.ts';
import type { FacilitationApi, MyVotes } from './facilitation-api.ts';

/**
 * My own dots in the open round. Ballots never reach a shared document (the server keeps them
 * private), so this comes from GET votes/mine and each vote's answer.
 */
interface VotesStore {
  votes: Record<string, number>;
  remaining: number | null;
  busy: boolean;
  error: string | null;
  load(api: FacilitationApi): Promise<void>;
  cast(api: FacilitationApi, itemId: string): Promise<void>;
  withdraw(api: FacilitationApi, itemId: string): Promise<void>;
  clear(): void;
}

export const useVotes = create<VotesStore>((set, get) => {
  const run = async (call: () => Promise<MyVotes>) => {
    if (get().busy) return;
    set({ busy: true, error: null });
    try {
      const mine = await call();
      set({ votes: mine.votes ?? {}, remaining: mine.remaining, busy: false });
    } catch (err) {
      set({ busy: false, error: err instanceof ApiError ? err.message : String(err) });
    }
  };
  return {
    votes: {},
    remaining: null,
    busy: false,
    error: null,
    load: (api) => run(api.myVotes),
    cast: (api, itemId) => run(() => api.castVote(itemId)),
    withdraw: (api, itemId) => run(() => api.withdrawVote(itemId)),
    clear: () => set({ votes: {}, remaining: null, busy: false, error: null }),
  };
});
