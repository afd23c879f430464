import type * as Y from 'yjs';
import { MAX_TITLE_LENGTH, MAX_VOTES_PER_PERSON } from '../limits.ts';
import { PHASES, type Phase } from '../phases.ts';
import { controlState, readSettings } from '../schema/control.ts';
import { readPhaseQuestions, readPhaseQuestionsValue, readSessionAgenda, type PhaseQuestions } from '../schema/control-setup.ts';
import { readAgenda, type AgendaItem } from '../agenda/agenda.ts';

export const TEMPLATE_FORMAT = 'crossboard-template';
export const TEMPLATE_VERSION = 1;
/** Same bounds as creating a workshop by hand (apps/server limits). */
export const MAX_TEMPLATE_THEMES = 20;
export const MAX_TEMPLATE_PURPOSE_LENGTH = 2_000;
export const MAX_TEMPLATE_PHASE_MINUTES = 600;

/**
 * A workshop's structure without its content: what a new workshop starts from. No title
 * (each workshop has its own), no sessions (they are dates), no notes, no people.
 */
export interface WorkshopTemplate {
  format: typeof TEMPLATE_FORMAT;
  version: typeof TEMPLATE_VERSION;
  name: string;
  purpose: string;
  themes: readonly string[];
  phaseMinutes: Readonly<Record<Phase, number>>;
  votesPerParticipant: number;
  homeTimeZone?: string;
  anonymous: boolean;
  participantsMayEditReport: boolean;
  /** Optional since templates saved before the set-up wizard have neither. */
  phaseQuestions?: Readonly<PhaseQuestions>;
  agenda?: readonly AgendaItem[];
}

export class TemplateError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'TemplateError';
  }
}

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isInt = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/** Checks an untrusted template (a request body, a saved file); throws TemplateError saying where. */
export function parseTemplate(value: unknown): WorkshopTemplate {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TemplateError('template', 'expected an object');
  const v = value as Record<string, unknown>;
  if (v.format !== TEMPLATE_FORMAT) throw new TemplateError('template.format', `expected "${TEMPLATE_FORMAT}"`);
  if (v.version !== TEMPLATE_VERSION)
    throw new TemplateError('template.version', `version ${String(v.version)} is not supported (this app reads ${TEMPLATE_VERSION})`);
  if (!isText(v.name, MAX_TITLE_LENGTH))
    throw new TemplateError('template.name', `expected a string of at most ${MAX_TITLE_LENGTH} characters`);
  if (!isText(v.purpose, MAX_TEMPLATE_PURPOSE_LENGTH))
    throw new TemplateError('template.purpose', `expected a string of at most ${MAX_TEMPLATE_PURPOSE_LENGTH} characters`);
  if (!Array.isArray(v.themes) || v.themes.length > MAX_TEMPLATE_THEMES || !v.themes.every((t) => isText(t, 100) && t.trim() !== '')) {
    throw new TemplateError('template.themes', `expected at most ${MAX_TEMPLATE_THEMES} non-empty themes of at most 100 characters`);
  }
  const pm = v.phaseMinutes as Record<string, unknown> | null;
  if (typeof pm !== 'object' || pm === null || !PHASES.every((p) => isInt(pm[p], 1, MAX_TEMPLATE_PHASE_MINUTES))) {
    throw new TemplateError('template.phaseMinutes', `expected minutes (1–${MAX_TEMPLATE_PHASE_MINUTES}) for ${PHASES.join(', ')}`);
  }
  if (!isInt(v.votesPerParticipant, 1, MAX_VOTES_PER_PERSON))
    throw new TemplateError('template.votesPerParticipant', `expected a whole number 1–${MAX_VOTES_PER_PERSON}`);
  if (v.homeTimeZone !== undefined && !isText(v.homeTimeZone, 64))
    throw new TemplateError('template.homeTimeZone', 'expected a time zone name');
  if (typeof v.anonymous !== 'boolean') throw new TemplateError('template.anonymous', 'expected true or false');
  if (typeof v.participantsMayEditReport !== 'boolean')
    throw new TemplateError('template.participantsMayEditReport', 'expected true or false');
  return {
    format: TEMPLATE_FORMAT,
    version: TEMPLATE_VERSION,
    name: v.name,
    purpose: v.purpose,
    themes: [...(v.themes as string[])],
    phaseMinutes: { painPoints: pm.painPoints as number, visions: pm.visions as number, recommendations: pm.recommendations as number },
    votesPerParticipant: v.votesPerParticipant,
    ...(v.homeTimeZone !== undefined ? { homeTimeZone: v.homeTimeZone as string } : {}),
    anonymous: v.anonymous,
    participantsMayEditReport: v.participantsMayEditReport,
    ...(v.phaseQuestions !== undefined ? { phaseQuestions: readPhaseQuestionsValue(v.phaseQuestions) } : {}),
    ...(v.agenda !== undefined ? { agenda: readAgenda(v.agenda) } : {}),
  };
}

/** "Save this workshop's structure as a template": read from its control room. */
export function templateFromControl(doc: Y.Doc, name?: string): WorkshopTemplate {
  const s = readSettings(doc);
  const state = controlState(doc);
  return {
    format: TEMPLATE_FORMAT,
    version: TEMPLATE_VERSION,
    name: (name ?? s.title).slice(0, MAX_TITLE_LENGTH),
    purpose: s.purpose,
    themes: [...s.themes],
    phaseMinutes: { ...s.phaseMinutes },
    votesPerParticipant: s.votesPerParticipant,
    homeTimeZone: s.homeTimeZone,
    anonymous: state.get('anonymous') === true,
    participantsMayEditReport: state.get('participantsMayEditReport') === true,
    ...withSetup(readPhaseQuestions(doc), readSessionAgenda(doc)),
  };
}

/** Only what was set, so a workshop without questions saves the same template as before. */
function withSetup(questions: PhaseQuestions, agenda: AgendaItem[]): Pick<WorkshopTemplate, 'phaseQuestions' | 'agenda'> {
  return {
    ...(Object.values(questions).some(Boolean) ? { phaseQuestions: questions } : {}),
    ...(agenda.length ? { agenda } : {}),
  };
}

export interface TemplatedWorkshopInput {
  purpose?: string;
  themes?: string[];
  homeTimeZone?: string;
  phaseMinutes?: Partial<Record<Phase, number>>;
  votesPerParticipant?: number;
  phaseQuestions?: Partial<PhaseQuestions>;
  agenda?: AgendaItem[];
}

/**
 * What a template contributes to a new workshop: its fields are defaults, anything the
 * request gives explicitly wins. Returns the merged settings and the control state to set.
 */
export function applyTemplate<T extends TemplatedWorkshopInput>(
  template: WorkshopTemplate,
  input: T,
): { input: T; state: { anonymous: boolean; participantsMayEditReport: boolean } } {
  return {
    input: {
      ...input,
      purpose: input.purpose ?? template.purpose,
      themes: input.themes ?? [...template.themes],
      homeTimeZone: input.homeTimeZone ?? template.homeTimeZone,
      phaseMinutes: { ...template.phaseMinutes, ...input.phaseMinutes },
      votesPerParticipant: input.votesPerParticipant ?? template.votesPerParticipant,
      ...((input.phaseQuestions ?? template.phaseQuestions)
        ? { phaseQuestions: { ...template.phaseQuestions, ...input.phaseQuestions } }
        : {}),
      ...((input.agenda ?? template.agenda) ? { agenda: [...(input.agenda ?? template.agenda ?? [])] } : {}),
    },
    state: { anonymous: template.anonymous, participantsMayEditReport: template.participantsMayEditReport },
  };
}
