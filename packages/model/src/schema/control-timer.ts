import type * as Y from 'yjs';
import { controlState, currentPhase, readSettings } from './control.ts';
import { idleTimer, parseTimer, type TimerState } from '../timer.ts';

/**
 * The timer lives in the control room at `state.timer` as one plain object: its fields
 * change together (pause writes status and remainingMs at once), so a field-by-field merge
 * would only ever produce mixtures no one wrote.
 */
export function readTimer(doc: Y.Doc): TimerState {
  const stored = parseTimer(controlState(doc).get('timer'));
  if (stored) return stored;
  // No timer yet (or an unreadable one): the current phase's planned length, not started.
  return idleTimer(readSettings(doc).phaseMinutes[currentPhase(doc)] * 60_000);
}

export function writeTimer(doc: Y.Doc, timer: TimerState, origin?: unknown): void {
  doc.transact(() => controlState(doc).set('timer', { ...timer }), origin);
}
