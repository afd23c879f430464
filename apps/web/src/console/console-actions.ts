import type * as Y from 'yjs';
import {
  addTime,
  idleTimer,
  ORIGIN,
  pause,
  readSettings,
  readTimer,
  reset,
  resume,
  setPhase,
  setPhaseLocked,
  start,
  writeTimer,
  type Phase,
  type TimerState,
} from '@crossboard/model';
import { serverNow } from '../facilitation/server-clock.ts';

/** The facilitator's writes to the control room; the server refuses them from anyone else. */

/** Moving on also sets the timer to the new phase's planned length, ready to start. */
export function movePhase(control: Y.Doc, phase: Phase): void {
  const minutes = readSettings(control).phaseMinutes[phase];
  control.transact(() => {
    setPhase(control, phase);
    writeTimer(control, idleTimer(minutes * 60_000));
  }, ORIGIN.local);
}

export type TimerCommand = 'start' | 'pause' | 'resume' | 'reset' | 'plusMinute' | 'minusMinute';

export function timerAfter(timer: TimerState, command: TimerCommand, now: number): TimerState {
  switch (command) {
    case 'start':
      return start(timer, now);
    case 'pause':
      return pause(timer, now);
    case 'resume':
      return resume(timer, now);
    case 'reset':
      return reset(timer);
    case 'plusMinute':
      return addTime(timer, 1, now);
    case 'minusMinute':
      return addTime(timer, -1, now);
  }
}

/** Timer instants are the server's clock, so every participant counts from the same moment. */
export function runTimerCommand(control: Y.Doc, command: TimerCommand): void {
  writeTimer(control, timerAfter(readTimer(control), command, serverNow()), ORIGIN.local);
}

export function lockPhase(control: Y.Doc, phase: Phase, locked: boolean): void {
  control.transact(() => setPhaseLocked(control, phase, locked), ORIGIN.local);
}
