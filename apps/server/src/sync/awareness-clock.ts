import * as encoding from 'lib0/encoding';
import type { AwarenessEntry } from './protocol.ts';

/**
 * A client that drops and reconnects announces its presence with the clock it had. The room
 * bumped that clock when it removed the client, so y-protocols would ignore the return — and
 * every change after it until the client's own clock caught up — leaving the person missing
 * from everyone's presence list for up to 30 s. A returning id is therefore moved ahead of the
 * room's clock, and every later entry from the same connection keeps that shift.
 */
export function rebaseAwareness(
  entries: readonly AwarenessEntry[],
  /** The room's last known clock per client id, present or removed. */
  roomClock: (clientID: number) => number | undefined,
  /** Whether the room currently shows a state for the id. */
  isPresent: (clientID: number) => boolean,
  /** This connection's shifts, kept between messages. */
  shifts: Map<number, number>,
): { entries: AwarenessEntry[]; rewritten: boolean } {
  let rewritten = false;
  const out = entries.map((entry) => {
    const known = roomClock(entry.clientID);
    let shift = shifts.get(entry.clientID) ?? 0;
    if (entry.state !== null && known !== undefined && !isPresent(entry.clientID) && entry.clock + shift <= known) {
      shift = known + 1 - entry.clock;
      shifts.set(entry.clientID, shift);
    }
    if (shift === 0) return entry;
    rewritten = true;
    return { ...entry, clock: entry.clock + shift };
  });
  return { entries: out, rewritten };
}

/** The awareness update wire format (y-protocols `encodeAwarenessUpdate`) for given entries. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const { clientID, clock, state } of entries) {
    encoding.writeVarUint(e, clientID);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  }
  return encoding.toUint8Array(e);
}
