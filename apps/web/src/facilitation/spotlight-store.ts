import { create } from 'zustand';
import type { Spotlight } from './control-state.ts';

/** The spotlight this screen is showing; dismissing it here leaves others' screens alone. */
export const useShownSpotlight = create<{ shown: Spotlight | null; show(s: Spotlight | null): void }>((set) => ({
  shown: null,
  show: (shown) => set({ shown }),
}));
