import type * as Y from 'yjs';
import { isSafeId } from '../ids.ts';
import { parseTimer, type TimerState } from '../timer.ts';

/**
 * Breakout groups in the control room, under its own root `breakout`, written by the server
 * only (facilitators' commands over HTTP): group membership decides who may write each
 * group's board, so no client may edit it directly.
 *
 *   breakout: Y.Map  active, groups, announcement, timer
 */

/** Groups per workshop: each is a room of its own, and rooms per workshop are capped. */
export const MAX_GROUPS_PER_WORKSHOP = 30;
/** Members per group: past this a "group" is a second plenary. */
export const MAX_MEMBERS_PER_GROUP = 50;
/** A broadcast is read on every screen at once: a sentence or two. */
export const MAX_ANNOUNCEMENT_LENGTH = 280;

export interface BreakoutGroup {
  id: string;
  /** 1-based, shown as "Group 2" in the viewer's language. */
  number: number;
  /** The theme it was formed around, if grouped by themes. */
  theme: string | null;
  /** Person ids; data, never keys. */
  members: string[];
}

export interface Announcement {
  text: string;
  at: number;
}

export interface Breakout {
  /** True from the split until "bring everyone back". */
  active: boolean;
  groups: BreakoutGroup[];
  announcement: Announcement | null;
  /** The groups' own clock; null means they follow the main timer. */
  timer: TimerState | null;
}

export const NO_BREAKOUT: Breakout = { active: false, groups: [], announcement: null, timer: null };

export function breakoutMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('breakout');
}

function readGroup(v: unknown): BreakoutGroup | null {
  if (typeof v !== 'object' || v === null) return null;
  const g = v as Record<string, unknown>;
  if (!isSafeId(g.id) || typeof g.number !== 'number' || !Array.isArray(g.members)) return null;
  return {
    id: g.id,
    number: g.number,
    theme: typeof g.theme === 'string' ? g.theme : null,
    members: g.members.filter(isSafeId),
  };
}

/** The breakout as typed values; anything malformed reads as absent, never throws. */
export function readBreakout(doc: Y.Doc): Breakout {
  const m = breakoutMap(doc);
  const groups = m.get('groups');
  const a = m.get('announcement') as Partial<Announcement> | null | undefined;
  return {
    active: m.get('active') === true,
    groups: Array.isArray(groups) ? groups.map(readGroup).filter((g) => g !== null) : [],
    announcement: a && typeof a.text === 'string' && typeof a.at === 'number' ? { text: a.text, at: a.at } : null,
    timer: parseTimer(m.get('timer')),
  };
}

/** Writes the given fields (a server command does this inside its change). */
export function writeBreakout(doc: Y.Doc, patch: Partial<Breakout>): void {
  const m = breakoutMap(doc);
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) m.set(k, v);
}

export function groupOfPerson(breakout: Breakout, personId: string): BreakoutGroup | null {
  return breakout.groups.find((g) => g.members.includes(personId)) ?? null;
}

export function findGroup(breakout: Breakout, groupId: string): BreakoutGroup | null {
  return breakout.groups.find((g) => g.id === groupId) ?? null;
}
