import { MAX_AGENDA_ITEMS, readAgenda, type AgendaItem } from './agenda.ts';

/**
 * Each session's own run of show (issue 13: "an agenda for each session"), beside the
 * workshop's single `settings.agenda`, which stays as the default:
 *
 *   settings.sessionAgendas  [{ session: <start instant>, items: AgendaItem[] }, ...]
 *
 * A session is named by its start instant, as AgendaProgress names it. A session without an
 * entry follows the default, so a workshop made before sessions had their own agendas (one
 * agenda for all) reads exactly as before: that agenda becomes every session's.
 */

/** One entry per session at most; the server keeps no more sessions than this either. */
export const MAX_SESSION_AGENDAS = 20;

export interface SessionAgenda {
  /** The session's start, ms since the epoch. */
  session: number;
  items: AgendaItem[];
}

/** An untrusted `sessionAgendas` value, forgivingly: malformed entries and items are dropped. */
export function readSessionAgendas(value: unknown): SessionAgenda[] {
  if (!Array.isArray(value)) return [];
  const out: SessionAgenda[] = [];
  for (const raw of value.slice(0, MAX_SESSION_AGENDAS)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const { session, items } = raw as Record<string, unknown>;
    if (typeof session !== 'number' || !Number.isFinite(session) || !Array.isArray(items)) continue;
    if (out.some((e) => e.session === session)) continue;
    out.push({ session, items: readAgenda(items) });
  }
  return out;
}

/** Whether a written value is well-formed and within the caps: what the control room accepts. */
export function isSessionAgendasValue(value: unknown): boolean {
  if (!Array.isArray(value) || value.length > MAX_SESSION_AGENDAS) return false;
  const read = readSessionAgendas(value);
  return (
    read.length === value.length &&
    value.every((raw, i) => {
      const items = (raw as { items: unknown[] }).items;
      return items.length <= MAX_AGENDA_ITEMS && read[i]!.items.length === items.length;
    })
  );
}

/** The agenda a session follows: its own, else the workshop's default (the old single agenda). */
export function agendaOfSession(
  defaultAgenda: readonly AgendaItem[],
  own: readonly SessionAgenda[],
  sessionStart: number | null,
): AgendaItem[] {
  const mine = sessionStart === null ? undefined : own.find((e) => e.session === sessionStart);
  return (mine ? mine.items : defaultAgenda).map((i) => ({ ...i }));
}
