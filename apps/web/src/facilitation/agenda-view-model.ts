import {
  agendaOfSession,
  readOwnSessionAgendas,
  readProgress,
  readSessionAgenda,
  readSettings,
  type AgendaItem,
  type AgendaProgress,
  type Session,
  type SessionAgenda,
} from '@crossboard/model';
import type * as Y from 'yjs';

/** The session under way, or else the next to start; the last one once all are over. */
export function sessionOfInterest(sessions: readonly Session[], now: number): Session | null {
  const sorted = [...sessions].sort((a, b) => a.start - b.start);
  return sorted.find((s) => s.end > now) ?? sorted[sorted.length - 1] ?? null;
}

export interface AgendaSnapshot {
  sessions: Session[];
  /** The default run of show: a session without its own follows it. */
  agenda: AgendaItem[];
  sessionAgendas: SessionAgenda[];
  progress: AgendaProgress | null;
}

export function readAgendaSnapshot(doc: Y.Doc): AgendaSnapshot {
  return {
    sessions: readSettings(doc).sessions,
    agenda: readSessionAgenda(doc),
    sessionAgendas: readOwnSessionAgendas(doc),
    progress: readProgress(doc),
  };
}

/** The agenda of the session under way or next (`null` without sessions: the default). */
export function agendaFor(snapshot: AgendaSnapshot, session: Session | null): AgendaItem[] {
  return agendaOfSession(snapshot.agenda, snapshot.sessionAgendas, session?.start ?? null);
}
