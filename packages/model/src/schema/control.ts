import type * as Y from 'yjs';
import { isPhase, PHASES, type Phase } from '../phases.ts';

/**
 * The control room: what the facilitator steers and everyone follows. Only facilitators'
 * connections may write it (the server drops anyone else's updates).
 *
 *   settings: Y.Map  title, purpose, themes, homeTimeZone, sessions, phaseMinutes, votesPerParticipant
 *   state:    Y.Map  phase, timer, drafting, anonymous, locks, voting, tallies, spotlight
 */

export interface Session {
  label: string;
  /** Instants in ms since the epoch; shown in each viewer's zone. */
  start: number;
  end: number;
}

export interface WorkshopSettings {
  title: string;
  purpose: string;
  themes: string[];
  homeTimeZone: string;
  sessions: Session[];
  phaseMinutes: Record<Phase, number>;
  votesPerParticipant: number;
}

export const DEFAULT_SETTINGS: WorkshopSettings = {
  title: 'Untitled workshop',
  purpose: '',
  themes: [],
  homeTimeZone: 'UTC',
  sessions: [],
  phaseMinutes: { painPoints: 30, visions: 30, recommendations: 45 },
  votesPerParticipant: 5,
};

export function controlSettings(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('settings');
}

export function controlState(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('state');
}

export function writeSettings(doc: Y.Doc, settings: Partial<WorkshopSettings>): void {
  const map = controlSettings(doc);
  doc.transact(() => {
    for (const [k, v] of Object.entries(settings)) if (v !== undefined) map.set(k, v);
  });
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function readSession(v: unknown): Session | null {
  if (typeof v !== 'object' || v === null) return null;
  const s = v as Record<string, unknown>;
  return typeof s.label === 'string' && finite(s.start) && finite(s.end) ? { label: s.label, start: s.start, end: s.end } : null;
}

/** The settings as typed values: a field of the wrong type reads as its default, never throws. */
export function readSettings(doc: Y.Doc): WorkshopSettings {
  const m = controlSettings(doc);
  const string = (k: 'title' | 'purpose' | 'homeTimeZone') => {
    const v = m.get(k);
    return typeof v === 'string' ? v : DEFAULT_SETTINGS[k];
  };
  const themes = m.get('themes');
  const sessions = m.get('sessions');
  const minutes = m.get('phaseMinutes');
  const votes = m.get('votesPerParticipant');
  const phaseMinutes = { ...DEFAULT_SETTINGS.phaseMinutes };
  if (typeof minutes === 'object' && minutes !== null) {
    for (const phase of PHASES) {
      const v = (minutes as Record<string, unknown>)[phase];
      if (finite(v)) phaseMinutes[phase] = v;
    }
  }
  return {
    title: string('title'),
    purpose: string('purpose'),
    themes: Array.isArray(themes) ? themes.filter((t): t is string => typeof t === 'string') : [],
    homeTimeZone: string('homeTimeZone'),
    sessions: Array.isArray(sessions) ? sessions.map(readSession).filter((s) => s !== null) : [],
    phaseMinutes,
    votesPerParticipant: finite(votes) ? votes : DEFAULT_SETTINGS.votesPerParticipant,
  };
}

export function currentPhase(doc: Y.Doc): Phase {
  const p = controlState(doc).get('phase');
  return isPhase(p) ? p : PHASES[0];
}

export function setPhase(doc: Y.Doc, phase: Phase): void {
  controlState(doc).set('phase', phase);
}

/** Whether the facilitator lets participants cluster (docs/API.md "Board policies"); see mayCluster. */
export function readParticipantsMayCluster(doc: Y.Doc): boolean {
  return controlState(doc).get('participantsMayCluster') === true;
}

export function isPhaseLocked(doc: Y.Doc, phase: Phase): boolean {
  const locks = controlState(doc).get('locks');
  return typeof locks === 'object' && locks !== null && (locks as Record<string, unknown>)[phase] === true;
}

export function setPhaseLocked(doc: Y.Doc, phase: Phase, locked: boolean): void {
  const state = controlState(doc);
  const prev = (state.get('locks') as Record<string, boolean> | undefined) ?? {};
  state.set('locks', { ...prev, [phase]: locked });
}

/** "No new participants": the server refuses POST /join while this is set. */
export function isJoiningClosed(doc: Y.Doc): boolean {
  return controlState(doc).get('joiningClosed') === true;
}

export function setJoiningClosed(doc: Y.Doc, closed: boolean): void {
  controlState(doc).set('joiningClosed', closed);
}

/**
 * A check-in round has started (the server sets it with the round): the board, which syncs
 * this room anyway, offers the check-in link the moment it opens instead of asking the API.
 */
export function isCheckinOpen(doc: Y.Doc): boolean {
  return controlState(doc).get('checkinOpen') === true;
}

export function setCheckinOpen(doc: Y.Doc, open: boolean): void {
  controlState(doc).set('checkinOpen', open);
}
