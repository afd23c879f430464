/** Sizes of every scenario. `quick` is a smoke check of the harness, not a measurement. */
export interface Scale {
  fanOut: { clients: number; writers: number; hz: number; seconds: number };
  connectRamp: { clients: number; seedNotes: number };
  largeRoom: { notes: number; noteTextLength: number; joiners: number };
  badInput: { bigMessageBytes: number; garbageFrames: number; floodConnections: number; closeWaitMs: number };
}

export const FULL: Scale = {
  fanOut: { clients: 200, writers: 20, hz: 1, seconds: 30 },
  connectRamp: { clients: 1_000, seedNotes: 200 },
  // 5,000 notes of our schema are ~2 MB even with short texts (~400 bytes of keys and ids each).
  largeRoom: { notes: 5_000, noteTextLength: 40, joiners: 20 },
  badInput: { bigMessageBytes: 50 * 1024 * 1024, garbageFrames: 100, floodConnections: 500, closeWaitMs: 10_000 },
};

export const QUICK: Scale = {
  fanOut: { clients: 40, writers: 5, hz: 1, seconds: 6 },
  connectRamp: { clients: 150, seedNotes: 50 },
  largeRoom: { notes: 500, noteTextLength: 40, joiners: 5 },
  badInput: { bigMessageBytes: 8 * 1024 * 1024, garbageFrames: 20, floodConnections: 50, closeWaitMs: 3_000 },
};
