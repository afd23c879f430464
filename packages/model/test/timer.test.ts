import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addTime,
  estimateOffset,
  idleTimer,
  parseTimer,
  pause,
  remaining,
  reset,
  resume,
  start,
  timerAnnouncement,
  type TimerState,
} from '../src/timer.ts';
import { MAX_TIMER_DURATION_MS } from '../src/limits.ts';
import { readTimer, writeTimer } from '../src/schema/control-timer.ts';
import { setPhase, writeSettings } from '../src/schema/control.ts';

const MIN = 60_000;
const T0 = 1_700_000_000_000;

// A script of facilitator actions at server instants, and what every screen then shows.
type Step = [at: number, action: (t: TimerState, now: number) => TimerState, status: TimerState['status'], leftAt: [number, number]];
const scripts: [string, Step[]][] = [
  [
    'start, run, pause, wait, resume',
    [
      [0, start, 'running', [4 * MIN, 6 * MIN]],
      [4 * MIN, pause, 'paused', [60 * MIN, 6 * MIN]],
      [60 * MIN, resume, 'running', [61 * MIN, 5 * MIN]],
    ],
  ],
  [
    'runs out and stays at zero',
    [
      [0, start, 'running', [10 * MIN, 0]],
      [10 * MIN, (t) => t, 'running', [11 * MIN, 0]],
    ],
  ],
  [
    'extend by 2 minutes while running',
    [
      [0, start, 'running', [3 * MIN, 7 * MIN]],
      [3 * MIN, (t, now) => addTime(t, 2, now), 'running', [3 * MIN, 9 * MIN]],
    ],
  ],
  [
    'extend after time ran out counts from now',
    [
      [0, start, 'running', [15 * MIN, 0]],
      [15 * MIN, (t, now) => addTime(t, 2, now), 'running', [16 * MIN, 1 * MIN]],
    ],
  ],
  [
    'remove more than is left stops at zero',
    [
      [0, start, 'running', [8 * MIN, 2 * MIN]],
      [8 * MIN, (t, now) => addTime(t, -5, now), 'running', [8 * MIN, 0]],
      [8 * MIN, (t, now) => addTime(t, 1, now), 'running', [8 * MIN + 30_000, 30_000]],
    ],
  ],
  [
    'adjust while paused and while idle',
    [
      [0, (t, now) => addTime(t, -3, now), 'idle', [0, 7 * MIN]],
      [0, start, 'running', [5 * MIN, 2 * MIN]],
      [5 * MIN, pause, 'paused', [5 * MIN, 2 * MIN]],
      [6 * MIN, (t, now) => addTime(t, -10, now), 'paused', [7 * MIN, 0]],
      [7 * MIN, (t, now) => addTime(t, 4, now), 'paused', [7 * MIN, 4 * MIN]],
    ],
  ],
  [
    'reset returns to the full duration',
    [
      [0, start, 'running', [1 * MIN, 9 * MIN]],
      [1 * MIN, reset, 'idle', [5 * MIN, 10 * MIN]],
    ],
  ],
  [
    'pause when not running and resume when not paused change nothing',
    [
      [0, pause, 'idle', [0, 10 * MIN]],
      [0, resume, 'idle', [0, 10 * MIN]],
      [0, start, 'running', [0, 10 * MIN]],
      [1 * MIN, resume, 'running', [1 * MIN, 9 * MIN]],
    ],
  ],
];

describe('timer', () => {
  it.each(scripts)('%s', (_name, steps) => {
    let timer = idleTimer(10 * MIN);
    for (const [at, action, status, [viewAt, left]] of steps) {
      timer = action(timer, T0 + at);
      expect(timer.status).toBe(status);
      expect(remaining(timer, T0 + viewAt)).toBe(left);
      // Every state the functions produce is one the document reader accepts.
      expect(parseTimer(JSON.parse(JSON.stringify(timer)))).toEqual(timer);
    }
  });

  it.each([
    [MAX_TIMER_DURATION_MS, MAX_TIMER_DURATION_MS],
    [MAX_TIMER_DURATION_MS + 1, MAX_TIMER_DURATION_MS],
    [-5, 0],
    [Number.NaN, 0],
  ])('a duration of %d ms is kept within bounds as %d', (asked, kept) => {
    expect(idleTimer(asked).durationMs).toBe(kept);
  });

  it('extending stops at the maximum duration', () => {
    const running = start(idleTimer(MAX_TIMER_DURATION_MS - MIN), T0);
    const extended = addTime(running, 30, T0 + MIN);
    expect(extended.durationMs).toBe(MAX_TIMER_DURATION_MS);
    expect(remaining(extended, T0 + MIN)).toBe(MAX_TIMER_DURATION_MS - MIN);
    expect(addTime(idleTimer(MAX_TIMER_DURATION_MS), 1, T0).durationMs).toBe(MAX_TIMER_DURATION_MS);
  });

  it.each([
    [null],
    [{ status: 'running', durationMs: 1000 }],
    [{ status: 'paused', durationMs: 1000 }],
    [{ status: 'paused', durationMs: 1000, remainingMs: 2000 }],
    [{ status: 'idle', durationMs: -1 }],
    [{ status: 'idle', durationMs: MAX_TIMER_DURATION_MS + 1 }],
    [{ status: 'stopped', durationMs: 1000 }],
    [{ status: 'running', durationMs: 1000, startedAt: '2021' }],
  ])('refuses the malformed timer %j', (value) => {
    expect(parseTimer(value)).toBeNull();
  });
});

describe('timerAnnouncement', () => {
  it.each([
    [61_000, 60_000, 'oneMinute'],
    [60_001, 59_000, 'oneMinute'],
    [60_000, 59_000, null],
    [5 * MIN, 4 * MIN, null],
    [1_000, 0, 'timeUp'],
    [2 * MIN, 0, 'timeUp'],
    [0, 0, null],
    [30_000, 29_000, null],
    [0, 5 * MIN, null],
  ] as const)('%d → %d ms left announces %s', (prev, next, said) => {
    expect(timerAnnouncement(prev, next)).toBe(said);
  });
});

describe('estimateOffset', () => {
  it('trusts the sample with the shortest round trip', () => {
    // The server clock is 5 s ahead; the slow samples had asymmetric delays.
    const samples = [
      { sentAt: 1000, serverNow: 6900, receivedAt: 1400 },
      { sentAt: 2000, serverNow: 7030, receivedAt: 2060 },
      { sentAt: 3000, serverNow: 8050, receivedAt: 3900 },
    ];
    expect(estimateOffset(samples)).toEqual({ offsetMs: 5000, roundTripMs: 60 });
  });

  it.each([[[]], [[{ sentAt: 10, serverNow: 5, receivedAt: 5 }]], [[{ sentAt: Number.NaN, serverNow: 5, receivedAt: 5 }]]])(
    'has no estimate from unusable samples %j',
    (samples) => {
      expect(estimateOffset(samples)).toBeNull();
    },
  );

  it('a client behind the server counts down the same second as the server', () => {
    const offset = estimateOffset([{ sentAt: 100, serverNow: 10_150, receivedAt: 200 }])!;
    const timer = start(idleTimer(MIN), 10_000);
    const localNow = 30_000;
    expect(remaining(timer, localNow + offset.offsetMs)).toBe(remaining(timer, 40_000));
  });
});

describe('timer in the control document', () => {
  it('reads the current phase’s planned length before anyone started it', () => {
    const doc = new Y.Doc();
    writeSettings(doc, { phaseMinutes: { painPoints: 20, visions: 25, recommendations: 40 } });
    setPhase(doc, 'visions');
    expect(readTimer(doc)).toEqual({ status: 'idle', durationMs: 25 * MIN });
  });

  it('round-trips through a synced replica', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const running = start(idleTimer(10 * MIN), T0);
    writeTimer(server, running, 'server-command');
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    expect(readTimer(client)).toEqual(running);
    writeTimer(server, pause(running, T0 + MIN));
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    expect(readTimer(client)).toEqual({ status: 'paused', durationMs: 10 * MIN, remainingMs: 9 * MIN });
  });
});
