import type * as Y from 'yjs';
import { readAgenda, readAgendaProgress, type AgendaItem, type AgendaProgress } from '../agenda/agenda.ts';
import { readSessionAgendas, type SessionAgenda } from '../agenda/session-agendas.ts';
import { PHASES, type Phase } from '../phases.ts';
import { controlSettings, controlState } from './control.ts';

/**
 * What the set-up wizard adds to the control room's settings, beside control.ts's fields:
 *
 *   settings.phaseQuestions  { painPoints, visions, recommendations }  shown atop each board
 *   settings.agenda          AgendaItem[]  the run of show a session follows by default
 *   settings.sessionAgendas  SessionAgenda[]  a session's own run of show (session-agendas.ts)
 *   state.agendaProgress     AgendaProgress  which item the facilitator last started
 *
 * Read forgivingly like the rest of the settings: a wrong type reads as empty.
 */

export const MAX_PHASE_QUESTION_LENGTH = 300;

export type PhaseQuestions = Record<Phase, string>;

export const NO_PHASE_QUESTIONS: PhaseQuestions = { painPoints: '', visions: '', recommendations: '' };

export function readPhaseQuestionsValue(value: unknown): PhaseQuestions {
  const out = { ...NO_PHASE_QUESTIONS };
  if (typeof value !== 'object' || value === null) return out;
  for (const phase of PHASES) {
    const q = (value as Record<string, unknown>)[phase];
    if (typeof q === 'string') out[phase] = q.slice(0, MAX_PHASE_QUESTION_LENGTH);
  }
  return out;
}

export function readPhaseQuestions(doc: Y.Doc): PhaseQuestions {
  return readPhaseQuestionsValue(controlSettings(doc).get('phaseQuestions'));
}

export function readSessionAgenda(doc: Y.Doc): AgendaItem[] {
  return readAgenda(controlSettings(doc).get('agenda'));
}

export function readOwnSessionAgendas(doc: Y.Doc): SessionAgenda[] {
  return readSessionAgendas(controlSettings(doc).get('sessionAgendas'));
}

export function readProgress(doc: Y.Doc): AgendaProgress | null {
  return readAgendaProgress(controlState(doc).get('agendaProgress'));
}

export function writeSetup(
  doc: Y.Doc,
  setup: { phaseQuestions?: PhaseQuestions; agenda?: readonly AgendaItem[]; sessionAgendas?: readonly SessionAgenda[] },
): void {
  const map = controlSettings(doc);
  doc.transact(() => {
    if (setup.phaseQuestions) map.set('phaseQuestions', { ...setup.phaseQuestions });
    if (setup.agenda)
      map.set(
        'agenda',
        setup.agenda.map((i) => ({ ...i })),
      );
    if (setup.sessionAgendas)
      map.set(
        'sessionAgendas',
        setup.sessionAgendas.map((e) => ({ session: e.session, items: e.items.map((i) => ({ ...i })) })),
      );
  });
}

export function writeProgress(doc: Y.Doc, progress: AgendaProgress | null): void {
  if (progress) controlState(doc).set('agendaProgress', { ...progress });
  else controlState(doc).delete('agendaProgress');
}
