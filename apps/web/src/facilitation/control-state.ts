import type * as Y from 'yjs';
import { controlState, isPhase, PHASES, type Phase } from '@crossboard/model';

/**
 * Readers and writers for the control room's facilitation keys (docs/API.md "Facilitation")
 * that packages/model does not cover yet. Values are untrusted: whatever is stored, the
 * readers return something well-formed.
 */

export interface Spotlight {
  kind: 'note' | 'cluster';
  id: string;
  /** When it was set, so spotlighting the same note twice still moves everyone. */
  at: number;
}

export function readDrafting(doc: Y.Doc): boolean {
  return controlState(doc).get('drafting') === true;
}

export function readAnonymous(doc: Y.Doc): boolean {
  return controlState(doc).get('anonymous') === true;
}

export function readSpotlight(doc: Y.Doc): Spotlight | null {
  const s = controlState(doc).get('spotlight') as Partial<Spotlight> | null | undefined;
  if (!s || typeof s !== 'object' || (s.kind !== 'note' && s.kind !== 'cluster') || typeof s.id !== 'string') return null;
  return { kind: s.kind, id: s.id, at: typeof s.at === 'number' ? s.at : 0 };
}

/** personId → the phase they said they were done with. */
export function readReady(doc: Y.Doc): Record<string, Phase> {
  const r = controlState(doc).get('ready');
  const out: Record<string, Phase> = {};
  if (r && typeof r === 'object') for (const [k, v] of Object.entries(r)) if (isPhase(v)) out[k] = v;
  return out;
}

export function readyCount(doc: Y.Doc, phase: Phase): number {
  return Object.values(readReady(doc)).filter((p) => p === phase).length;
}

export function readLocks(doc: Y.Doc): Record<Phase, boolean> {
  const l = controlState(doc).get('locks') as Record<string, unknown> | null | undefined;
  return Object.fromEntries(PHASES.map((p) => [p, !!l && l[p] === true])) as Record<Phase, boolean>;
}

/** Control writes are the facilitator's own changes; the server drops anyone else's. */
export function setControlFlag(doc: Y.Doc, key: 'drafting' | 'anonymous' | 'participantsMayCluster', on: boolean, origin?: unknown): void {
  doc.transact(() => controlState(doc).set(key, on), origin);
}

export function setSpotlight(doc: Y.Doc, spotlight: Omit<Spotlight, 'at'> | null, now = Date.now(), origin?: unknown): void {
  doc.transact(() => controlState(doc).set('spotlight', spotlight ? { ...spotlight, at: now } : null), origin);
}
