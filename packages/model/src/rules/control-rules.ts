import { MAX_CONTROL_TEXT_LENGTH, MAX_CONTROL_VALUE_BYTES, MAX_TITLE_LENGTH } from '../limits.ts';
import { isPhase } from '../phases.ts';
import { isSessionAgendasValue } from '../agenda/session-agendas.ts';
import { isRichText, ROOM_ROOTS } from '../schema/room-schema.ts';

/**
 * The control room's schema: each key of `settings` and `state` its type and size. Only
 * facilitators and the server write the room, yet what they store reaches every joiner and
 * every export, so a key of no feature, a value of the wrong type or a huge one is put back.
 * `votingRounds` and `breakout` are the server's alone (facilitation-policies.ts).
 */

export type ControlMapName = 'settings' | 'state';

/** A nested Yjs type reads as `{ kind: 'nested' }` (room-schema.ts); no key of the control room holds one. */
const isNested = (v: unknown) => typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'nested';

/** Plain JSON of at most MAX_CONTROL_VALUE_BYTES, no nested Yjs type. */
function json(v: unknown): boolean {
  if (v === undefined || isNested(v) || isRichText(v)) return false;
  try {
    const text = JSON.stringify(v);
    return text !== undefined && text.length <= MAX_CONTROL_VALUE_BYTES;
  } catch {
    return false;
  }
}
const object = (v: unknown) => (v === null || (typeof v === 'object' && !Array.isArray(v))) && json(v);
const array = (v: unknown) => Array.isArray(v) && json(v);
const text = (max: number) => (v: unknown) => typeof v === 'string' && v.length <= max;
const boolean = (v: unknown) => typeof v === 'boolean';
const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

export const CONTROL_KEYS: Record<ControlMapName, ReadonlyMap<string, (v: unknown) => boolean>> = {
  settings: new Map([
    ['title', text(MAX_TITLE_LENGTH)],
    ['purpose', text(MAX_CONTROL_TEXT_LENGTH)],
    ['themes', array],
    ['homeTimeZone', text(MAX_TITLE_LENGTH)],
    ['sessions', array],
    ['phaseMinutes', object],
    ['votesPerParticipant', finite],
    ['phaseQuestions', object],
    ['agenda', array],
    ['sessionAgendas', (v: unknown) => array(v) && isSessionAgendasValue(v)],
  ]),
  state: new Map([
    ['phase', isPhase],
    ['timer', object],
    ['drafting', boolean],
    ['anonymous', boolean],
    ['participantsMayCluster', boolean],
    ['participantsMayEditReport', boolean],
    ['joiningClosed', boolean],
    ['checkinOpen', boolean],
    ['locks', object],
    ['voting', object],
    ['tallies', object],
    ['spotlight', object],
    ['ready', object],
    ['asyncWindows', object],
    ['agendaProgress', object],
  ]),
};

/** One key of `settings` or `state` a client's update wrote; `after` is absent when deleted. */
export interface ControlKeyChange {
  map: ControlMapName;
  key: string;
  deleted: boolean;
  after: unknown;
}

export type ControlCorrection =
  | { rule: 'unknown-root'; kind: 'dropRoot'; name: string }
  | { rule: 'control-unknown-key' | 'control-schema'; kind: 'restoreKey'; map: ControlMapName; key: string };

/** What to put back: other top-level names, keys of no feature, values of the wrong type or size. */
export function controlCorrections(roots: readonly string[], keys: readonly ControlKeyChange[]): ControlCorrection[] {
  const out: ControlCorrection[] = [];
  for (const name of roots) {
    if (!(ROOM_ROOTS.control as readonly string[]).includes(name)) out.push({ rule: 'unknown-root', kind: 'dropRoot', name });
  }
  for (const c of keys) {
    const valid = CONTROL_KEYS[c.map].get(c.key);
    // Deleting a key of no feature tidies the room: only writing one is put back.
    if (!valid) {
      if (!c.deleted) out.push({ rule: 'control-unknown-key', kind: 'restoreKey', map: c.map, key: c.key });
    }
    // Deleting a known key is allowed: every reader falls back to its default.
    else if (!c.deleted && !valid(c.after)) out.push({ rule: 'control-schema', kind: 'restoreKey', map: c.map, key: c.key });
  }
  return out;
}
