import type * as Y from 'yjs';
import { isPhase, PHASES, type Phase } from './phases.ts';
import { controlState, readSettings, type Session } from './schema/control.ts';

/**
 * Asynchronous windows: between live sessions the facilitator opens a phase for
 * contributions between two instants (`state.asyncWindows[phase] = { opensAt, closesAt }`),
 * so someone for whom the live session is at 3 a.m. can still write.
 */
export interface AsyncWindow {
  opensAt: number;
  closesAt: number;
}
export type AsyncWindows = Partial<Record<Phase, AsyncWindow>>;

/** Longest window one phase may be open for; past it the facilitator is asked to split it. */
export const MAX_ASYNC_WINDOW_MS = 31 * 24 * 60 * 60 * 1000;
/**
 * Live sessions start early and overrun; a board stays writable this long either side of a
 * scheduled session so the facilitator is not racing the clock.
 */
export const LIVE_SESSION_GRACE_MS = 30 * 60 * 1000;

export function parseAsyncWindow(value: unknown): AsyncWindow | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const ok = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  if (!ok(v.opensAt) || !ok(v.closesAt) || v.closesAt <= v.opensAt || v.closesAt - v.opensAt > MAX_ASYNC_WINDOW_MS) return null;
  return { opensAt: v.opensAt, closesAt: v.closesAt };
}

/** Reads untrusted `state.asyncWindows`; malformed entries are ignored, not trusted. */
export function parseAsyncWindows(value: unknown): AsyncWindows {
  const out: AsyncWindows = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [k, v] of Object.entries(value)) {
    const w = parseAsyncWindow(v);
    if (isPhase(k) && w) out[k] = w;
  }
  return out;
}

/** What the server's board policy needs: the control room's state map as plain data, and the schedule. */
export interface WritingContext {
  state: Readonly<Record<string, unknown>>;
  sessions: readonly Session[];
}

export type WritingStatus =
  | { open: true; why: 'unscheduled' | 'live' }
  | { open: true; why: 'asyncWindow'; closesAt: number }
  | { open: false; why: 'locked' | 'outsideSessions'; nextOpensAt: number | null };

/**
 * Whether participants may write a phase's notes at `now`. A locked phase is closed. A
 * workshop with no sessions scheduled runs whenever the facilitator runs it. Otherwise the
 * board is open during a live session (with grace either side) or while the phase's async
 * window is open, and locked in between. Facilitators are not subject to this: callers
 * apply it to participants only.
 */
export function phaseWritingStatus(control: WritingContext, phase: Phase, now: number): WritingStatus {
  const window = parseAsyncWindows(control.state.asyncWindows)[phase];
  const nextStarts = [...control.sessions.map((s) => s.start - LIVE_SESSION_GRACE_MS), ...(window ? [window.opensAt] : [])].filter(
    (t) => t > now,
  );
  const nextOpensAt = nextStarts.length ? Math.min(...nextStarts) : null;
  const locks = control.state.locks;
  if (typeof locks === 'object' && locks !== null && (locks as Record<string, unknown>)[phase] === true) {
    return { open: false, why: 'locked', nextOpensAt: null };
  }
  if (control.sessions.length === 0) return { open: true, why: 'unscheduled' };
  if (control.sessions.some((s) => now >= s.start - LIVE_SESSION_GRACE_MS && now < s.end + LIVE_SESSION_GRACE_MS)) {
    return { open: true, why: 'live' };
  }
  if (window && now >= window.opensAt && now < window.closesAt) return { open: true, why: 'asyncWindow', closesAt: window.closesAt };
  return { open: false, why: 'outsideSessions', nextOpensAt };
}

/** The board policy's yes/no: see phaseWritingStatus. */
export function isPhaseOpenForWriting(control: WritingContext, phase: Phase, now: number): boolean {
  return phaseWritingStatus(control, phase, now).open;
}

/** The context read from a control document (for the server's policy and the web app). */
export function writingContextOf(doc: Y.Doc): WritingContext {
  return { state: controlState(doc).toJSON(), sessions: readSettings(doc).sessions };
}

/** Opens (or with null, closes) a phase's window. The facilitator writes the control room. */
export function setAsyncWindow(doc: Y.Doc, phase: Phase, window: AsyncWindow | null): void {
  if (window && !parseAsyncWindow(window)) throw new RangeError('an async window must close after it opens, within 31 days');
  const state = controlState(doc);
  const prev = parseAsyncWindows(state.get('asyncWindows'));
  const next: AsyncWindows = {};
  for (const p of PHASES) {
    const w = p === phase ? window : prev[p];
    if (w) next[p] = { ...w };
  }
  state.set('asyncWindows', next);
}
