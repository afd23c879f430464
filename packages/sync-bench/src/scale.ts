/** Sizes of every scenario. `quick` is a smoke check of the harness, not a measurement. */
export interface Scale {
  fanOut: { clients: number; writers: number; hz: number; seconds: number };
  connectRamp: { clients: number; seedNotes: number };
  largeRoom: { notes: number; noteTextLength: number; joiners: number };
  badInput: { bigMessageBytes: number; garbageFrames: number; floodConnections: number; closeWaitMs: number };
  /**
   * `rates`: aggregate updates per second in, one step each, after `warmupSeconds` at the
   * first rate that are not measured.
   */
  manyRooms: { rooms: number; clientsPerRoom: number; writersPerRoom: number; rates: number[]; stepSeconds: number; warmupSeconds: number };
  roomMemory: { rooms: number; watchSeconds: number; sampleEveryS: number };
}

export const FULL: Scale = {
  fanOut: { clients: 200, writers: 20, hz: 1, seconds: 30 },
  connectRamp: { clients: 1_000, seedNotes: 200 },
  // 5,000 notes of our schema are ~2 MB even with short texts (~400 bytes of keys and ids each).
  largeRoom: { notes: 5_000, noteTextLength: 40, joiners: 20 },
  badInput: { bigMessageBytes: 50 * 1024 * 1024, garbageFrames: 100, floodConnections: 500, closeWaitMs: 10_000 },
  manyRooms: { rooms: 100, clientsPerRoom: 10, writersPerRoom: 2, rates: [1_000, 2_500, 5_000, 7_500], stepSeconds: 8, warmupSeconds: 8 },
  roomMemory: { rooms: 1_000, watchSeconds: 60, sampleEveryS: 5 },
};

export const QUICK: Scale = {
  fanOut: { clients: 40, writers: 5, hz: 1, seconds: 6 },
  connectRamp: { clients: 150, seedNotes: 50 },
  largeRoom: { notes: 500, noteTextLength: 40, joiners: 5 },
  badInput: { bigMessageBytes: 8 * 1024 * 1024, garbageFrames: 20, floodConnections: 50, closeWaitMs: 3_000 },
  manyRooms: { rooms: 10, clientsPerRoom: 4, writersPerRoom: 2, rates: [100, 250], stepSeconds: 3, warmupSeconds: 1 },
  // Long enough for our server's 30 s unload delay to pass.
  roomMemory: { rooms: 100, watchSeconds: 40, sampleEveryS: 5 },
};
