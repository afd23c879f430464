import { readSettings, readSessionAgenda, readProgress, type AgendaItem, type AgendaProgress, type Session } from '@crossboard/model';
import type * as Y from 'yjs';

/** The session under way, or else the next to start; the last one once all are over. */
export function sessionOfInterest(sessions: readonly Session[], now: number): Session | null {
  const sorted = [...sessions].sort((a, b) => a.start - b.start);
  return sorted.find((s) => s.end > now) ?? sorted[sorted.length - 1] ?? null;
}

export interface AgendaSnapshot {
  sessions: Session[];
  agenda: AgendaItem[];
  progress: AgendaProgress | null;
}

export function readAgendaSnapshot(doc: Y.Doc): AgendaSnapshot {
  return { sessions: readSettings(doc).sessions, agenda: readSessionAgenda(doc), progress: readProgress(doc) };
}
