import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  isPhaseOpenForWriting,
  LIVE_SESSION_GRACE_MS,
  MAX_ASYNC_WINDOW_MS,
  parseAsyncWindows,
  phaseWritingStatus,
  setAsyncWindow,
  writingContextOf,
} from '../src/async-windows.ts';
import { controlState, setPhaseLocked, writeSettings } from '../src/schema/control.ts';
import { formatInZone, instantToZonedLocal, zonedLocalToInstant } from '../src/time/zoned-time.ts';
import { sessionsFromLocal } from '../src/time/schedule.ts';
import fixture from './fixtures/cross-border-workshop.json' with { type: 'json' };

const sessions = sessionsFromLocal(fixture.workshop.sessions, 'Europe/Paris');
const s1 = sessions[0]!;
const HOUR = 3_600_000;
// Pain points open 48 hours before session 1, as in the issue.
const window = { opensAt: s1.start - 48 * HOUR, closesAt: s1.start };

describe('isPhaseOpenForWriting', () => {
  const ctx = (state: Record<string, unknown> = {}, ss = sessions) => ({ state, sessions: ss });
  it.each([
    ['no sessions scheduled: open', ctx({}, []), s1.start - 100 * HOUR, true],
    ['during a live session', ctx(), s1.start + HOUR, true],
    ['just inside the grace before a session', ctx(), s1.start - LIVE_SESSION_GRACE_MS, true],
    ['just outside the grace before a session', ctx(), s1.start - LIVE_SESSION_GRACE_MS - 1, false],
    ['just inside the grace after a session', ctx(), s1.end + LIVE_SESSION_GRACE_MS - 1, true],
    ['between sessions, no window', ctx(), s1.end + 24 * HOUR, false],
    ['inside the async window', ctx({ asyncWindows: { painPoints: window } }), s1.start - 40 * HOUR, true],
    ['at the moment the window opens', ctx({ asyncWindows: { painPoints: window } }), window.opensAt, true],
    ['before the window opens', ctx({ asyncWindows: { painPoints: window } }), window.opensAt - 1, false],
    ['another phase’s window does not open this one', ctx({ asyncWindows: { visions: window } }), s1.start - 40 * HOUR, false],
    ['locked, even in a live session', ctx({ locks: { painPoints: true } }), s1.start + HOUR, false],
    ['locked, even in its window', ctx({ locks: { painPoints: true }, asyncWindows: { painPoints: window } }), s1.start - 40 * HOUR, false],
    ['a garbled window is ignored', ctx({ asyncWindows: { painPoints: { opensAt: 'soon', closesAt: 1 } } }), s1.start - 40 * HOUR, false],
    [
      'a backwards window is ignored',
      ctx({ asyncWindows: { painPoints: { opensAt: window.closesAt, closesAt: window.opensAt } } }),
      s1.start - 40 * HOUR,
      false,
    ],
  ])('%s', (_name, context, now, open) => {
    expect(isPhaseOpenForWriting(context, 'painPoints', now)).toBe(open);
  });

  it('says when the window closes, and when a closed board opens next', () => {
    expect(phaseWritingStatus({ state: { asyncWindows: { painPoints: window } }, sessions }, 'painPoints', s1.start - 40 * HOUR)).toEqual({
      open: true,
      why: 'asyncWindow',
      closesAt: window.closesAt,
    });
    expect(phaseWritingStatus({ state: { asyncWindows: { painPoints: window } }, sessions }, 'painPoints', window.opensAt - HOUR)).toEqual({
      open: false,
      why: 'outsideSessions',
      nextOpensAt: window.opensAt,
    });
  });

  it('limits a window to 31 days, at the limit and just past it', () => {
    expect(parseAsyncWindows({ painPoints: { opensAt: 0, closesAt: MAX_ASYNC_WINDOW_MS } }).painPoints).toBeDefined();
    expect(parseAsyncWindows({ painPoints: { opensAt: 0, closesAt: MAX_ASYNC_WINDOW_MS + 1 } }).painPoints).toBeUndefined();
  });

  it('reads the control room the facilitator wrote', () => {
    const doc = new Y.Doc();
    writeSettings(doc, { sessions });
    setAsyncWindow(doc, 'painPoints', window);
    expect(controlState(doc).get('asyncWindows')).toEqual({ painPoints: window });
    expect(isPhaseOpenForWriting(writingContextOf(doc), 'painPoints', s1.start - 40 * HOUR)).toBe(true);
    setPhaseLocked(doc, 'painPoints', true);
    expect(isPhaseOpenForWriting(writingContextOf(doc), 'painPoints', s1.start - 40 * HOUR)).toBe(false);
    setAsyncWindow(doc, 'painPoints', null);
    expect(controlState(doc).get('asyncWindows')).toEqual({});
    expect(() => setAsyncWindow(doc, 'visions', { opensAt: 10, closesAt: 5 })).toThrow(RangeError);
  });
});

describe('an async window closing across a daylight-saving change', () => {
  // Opens Saturday 30 October 2021 10:00 in Paris (CEST, UTC+2); closes Monday 1 November
  // 10:00 in Paris (CET, UTC+1): clocks went back on the Sunday, so it lasts 49 hours.
  const opensAt = zonedLocalToInstant('2021-10-30T10:00', 'Europe/Paris');
  const closesAt = zonedLocalToInstant('2021-11-01T10:00', 'Europe/Paris');

  it('closes at the wall-clock time the organiser chose, not 48 hours later', () => {
    expect(new Date(opensAt).toISOString()).toBe('2021-10-30T08:00:00.000Z');
    expect(new Date(closesAt).toISOString()).toBe('2021-11-01T09:00:00.000Z');
    expect((closesAt - opensAt) / HOUR).toBe(49);
  });

  it.each([
    ['Europe/Paris', '2021-11-01T10:00'],
    ['Europe/London', '2021-11-01T09:00'],
    // New York changes a week later: still on EDT (UTC−4).
    ['America/New_York', '2021-11-01T05:00'],
    ['Australia/Brisbane', '2021-11-01T19:00'],
    // Sydney is in summer time (UTC+11).
    ['Australia/Sydney', '2021-11-01T20:00'],
  ])('shows the close in %s as %s', (zone, local) => {
    expect(instantToZonedLocal(closesAt, zone)).toBe(local);
  });

  it('formats the close for a reader in their language', () => {
    expect(formatInZone(closesAt, 'America/Bogota', 'es', { dateStyle: 'full', timeStyle: 'short' })).toBe(
      'lunes, 1 de noviembre de 2021, 4:00',
    );
  });
});
