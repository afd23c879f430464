import { MAX_TIMER_DURATION_MS } from './limits.ts';

/**
 * The phase timer as server-clock instants. Each status carries exactly the fields it needs,
 * so "running without a start" or "paused without what was left" cannot be written down.
 * A running timer that reached zero stays `running` with nothing remaining: the facilitator
 * decides what happens next.
 */
export type TimerState =
  | { status: 'idle'; durationMs: number }
  /** Counts down from `durationMs` as if started at `startedAt` (moved forward on resume). */
  | { status: 'running'; durationMs: number; startedAt: number }
  | { status: 'paused'; durationMs: number; remainingMs: number };
export type TimerStatus = TimerState['status'];

const MINUTE = 60_000;

function clampDuration(ms: number): number {
  if (!Number.isFinite(ms)) return 0;
  return Math.max(0, Math.min(MAX_TIMER_DURATION_MS, Math.round(ms)));
}

export function idleTimer(durationMs: number): TimerState {
  return { status: 'idle', durationMs: clampDuration(durationMs) };
}

/** Milliseconds left at `serverNow`, never negative. */
export function remaining(timer: TimerState, serverNow: number): number {
  switch (timer.status) {
    case 'idle':
      return timer.durationMs;
    case 'paused':
      return timer.remainingMs;
    case 'running':
      return Math.max(0, timer.durationMs - Math.max(0, serverNow - timer.startedAt));
  }
}

/** Starts counting the full duration, from any state (a second start is a restart). */
export function start(timer: TimerState, serverNow: number): TimerState {
  return { status: 'running', durationMs: timer.durationMs, startedAt: serverNow };
}

export function pause(timer: TimerState, serverNow: number): TimerState {
  if (timer.status !== 'running') return timer;
  return { status: 'paused', durationMs: timer.durationMs, remainingMs: remaining(timer, serverNow) };
}

export function resume(timer: TimerState, serverNow: number): TimerState {
  if (timer.status !== 'paused') return timer;
  // Shift the start so that duration − elapsed equals what was left when paused.
  return { status: 'running', durationMs: timer.durationMs, startedAt: serverNow - (timer.durationMs - timer.remainingMs) };
}

export function reset(timer: TimerState): TimerState {
  return { status: 'idle', durationMs: timer.durationMs };
}

/**
 * Adds (or with a negative number, removes) minutes. What is left never drops below zero
 * and the total never exceeds MAX_TIMER_DURATION_MS.
 */
export function addTime(timer: TimerState, minutes: number, serverNow: number): TimerState {
  if (!Number.isFinite(minutes)) return timer;
  const left = remaining(timer, serverNow);
  const newLeft = Math.max(0, left + minutes * MINUTE);
  const spent = timer.durationMs - left;
  const durationMs = clampDuration(spent + newLeft);
  const cappedLeft = durationMs - spent;
  switch (timer.status) {
    case 'idle':
      return { status: 'idle', durationMs };
    case 'paused':
      return { status: 'paused', durationMs, remainingMs: Math.max(0, cappedLeft) };
    case 'running':
      // Spent time must stay measured from the same start, so only the duration moves;
      // an overrun (now past the end) is first folded into what was spent.
      return { status: 'running', durationMs, startedAt: serverNow - spent };
  }
}

export type TimerAnnouncement = 'oneMinute' | 'timeUp';

/** What a screen reader should say when the countdown moves from `prev` to `next` ms left. */
export function timerAnnouncement(prevRemaining: number, nextRemaining: number): TimerAnnouncement | null {
  if (prevRemaining > 0 && nextRemaining <= 0) return 'timeUp';
  if (prevRemaining > MINUTE && nextRemaining <= MINUTE) return 'oneMinute';
  return null;
}

/** One round trip to `GET /api/time`: local clock before and after, server clock in between. */
export interface ClockSample {
  sentAt: number;
  serverNow: number;
  receivedAt: number;
}

export interface ClockOffset {
  /** Add to the local clock to get the server's. */
  offsetMs: number;
  /** Round trip of the sample used; the offset is accurate to half of it. */
  roundTripMs: number;
}

/**
 * NTP-style estimate: assume the server read its clock halfway through the round trip, and
 * trust the quickest sample, whose midpoint assumption has the least room to be wrong.
 */
export function estimateOffset(samples: readonly ClockSample[]): ClockOffset | null {
  let best: ClockOffset | null = null;
  for (const s of samples) {
    const roundTripMs = s.receivedAt - s.sentAt;
    if (![s.sentAt, s.serverNow, s.receivedAt].every(Number.isFinite) || roundTripMs < 0) continue;
    if (best && best.roundTripMs <= roundTripMs) continue;
    best = { offsetMs: s.serverNow - (s.sentAt + s.receivedAt) / 2, roundTripMs };
  }
  return best;
}

/** Reads an untrusted value (from a document or a request) as a timer, or null. */
export function parseTimer(value: unknown): TimerState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  if (!finite(v.durationMs) || v.durationMs < 0 || v.durationMs > MAX_TIMER_DURATION_MS) return null;
  const durationMs = v.durationMs;
  if (v.status === 'idle') return { status: 'idle', durationMs };
  if (v.status === 'running' && finite(v.startedAt)) return { status: 'running', durationMs, startedAt: v.startedAt };
  if (v.status === 'paused' && finite(v.remainingMs) && v.remainingMs >= 0 && v.remainingMs <= durationMs) {
    return { status: 'paused', durationMs, remainingMs: v.remainingMs };
  }
  return null;
}
