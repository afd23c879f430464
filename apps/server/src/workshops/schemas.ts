import {
  LANGUAGES,
  MAX_COUNTRY_LENGTH,
  MAX_NAME_LENGTH,
  MAX_ORGANISATION_LENGTH,
  MAX_PHASE_MINUTES,
  MAX_PURPOSE_LENGTH,
  MAX_SESSION_LABEL_LENGTH,
  MAX_SESSIONS,
  MAX_THEME_LENGTH,
  MAX_THEMES,
  MAX_TIME_ZONE_LENGTH,
  MAX_WORKSHOP_TITLE_LENGTH,
} from '../limits.ts';
import {
  AGENDA_KINDS,
  MAX_AGENDA_ITEM_MINUTES,
  MAX_AGENDA_ITEMS,
  MAX_AGENDA_LABEL_LENGTH,
  MAX_PHASE_QUESTION_LENGTH,
  MAX_VOTES_PER_PERSON,
  PHASES,
  type AgendaItem,
  type PhaseQuestions,
} from '@crossboard/model';
import { idSchema } from '../http/id-schema.ts';

/** JSON schemas for the workshop routes; Fastify answers 400 with the failing field. */

const id = idSchema;
const text = (max: number, min = 0) => ({ type: 'string', minLength: min, maxLength: max }) as const;
const minutes = { type: 'integer', minimum: 1, maximum: MAX_PHASE_MINUTES } as const;
const instantOrLocal = { type: 'string', minLength: 16, maxLength: 40 } as const;

export const personParams = {
  type: 'object',
  required: ['id', 'personId'],
  properties: { id, personId: id },
} as const;

/** One run of show, as the wizard sends it: the workshop's default or one session's own. */
const AGENDA_SCHEMA = {
  type: 'array',
  maxItems: MAX_AGENDA_ITEMS,
  items: {
    type: 'object',
    required: ['kind', 'minutes'],
    additionalProperties: false,
    properties: {
      kind: { type: 'string', enum: [...AGENDA_KINDS] },
      minutes: { type: 'integer', minimum: 1, maximum: MAX_AGENDA_ITEM_MINUTES },
      phase: { type: 'string', enum: [...PHASES] },
      label: text(MAX_AGENDA_LABEL_LENGTH),
    },
  },
} as const;

export const createWorkshopBody = {
  type: 'object',
  required: ['title'],
  additionalProperties: false,
  properties: {
    title: text(MAX_WORKSHOP_TITLE_LENGTH, 1),
    purpose: text(MAX_PURPOSE_LENGTH),
    themes: { type: 'array', maxItems: MAX_THEMES, items: text(MAX_THEME_LENGTH, 1) },
    homeTimeZone: text(MAX_TIME_ZONE_LENGTH, 1),
    sessions: {
      type: 'array',
      maxItems: MAX_SESSIONS,
      items: {
        type: 'object',
        required: ['label', 'start', 'end'],
        additionalProperties: false,
        properties: { label: text(MAX_SESSION_LABEL_LENGTH), start: instantOrLocal, end: instantOrLocal },
      },
    },
    phaseMinutes: {
      type: 'object',
      additionalProperties: false,
      properties: { painPoints: minutes, visions: minutes, recommendations: minutes },
    },
    votesPerParticipant: { type: 'integer', minimum: 1, maximum: MAX_VOTES_PER_PERSON },
    facilitatorName: text(MAX_NAME_LENGTH, 1),
    facilitatorOrganisation: text(MAX_ORGANISATION_LENGTH),
    facilitatorLanguage: { type: 'string', enum: [...LANGUAGES] },
    phaseQuestions: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(PHASES.map((p) => [p, text(MAX_PHASE_QUESTION_LENGTH)])),
    },
    agenda: AGENDA_SCHEMA,
    // sessionAgendas[i] is sessions[i]'s own run of show; null (or no entry) follows `agenda`.
    sessionAgendas: { type: 'array', maxItems: MAX_SESSIONS, items: { anyOf: [{ type: 'null' }, AGENDA_SCHEMA] } },
    // The board's behaviour from the first minute: private drafts first, names hidden.
    drafting: { type: 'boolean' },
    anonymous: { type: 'boolean' },
    // A built-in template's id or a saved template; checked by packages/model's resolveTemplate.
    template: { anyOf: [{ type: 'string' }, { type: 'object' }] },
  },
} as const;

export const joinBody = {
  type: 'object',
  required: ['name', 'organisation', 'country', 'timeZone', 'language'],
  additionalProperties: false,
  properties: {
    name: text(MAX_NAME_LENGTH, 1),
    organisation: text(MAX_ORGANISATION_LENGTH, 1),
    country: text(MAX_COUNTRY_LENGTH, 1),
    timeZone: text(MAX_TIME_ZONE_LENGTH, 1),
    language: { type: 'string', enum: [...LANGUAGES] },
    code: text(64, 1),
  },
} as const;

export const invitationBody = {
  type: 'object',
  required: ['role'],
  additionalProperties: false,
  properties: {
    role: { type: 'string', enum: ['facilitator', 'organiser'] },
    name: text(MAX_NAME_LENGTH, 1),
    organisation: text(MAX_ORGANISATION_LENGTH),
  },
} as const;

export interface CreateWorkshopInput {
  title: string;
  purpose?: string;
  themes?: string[];
  homeTimeZone?: string;
  sessions?: { label: string; start: string; end: string }[];
  phaseMinutes?: Partial<Record<'painPoints' | 'visions' | 'recommendations', number>>;
  votesPerParticipant?: number;
  facilitatorName?: string;
  facilitatorOrganisation?: string;
  /** The language the facilitator set the workshop up in: their console speaks it from any browser. */
  facilitatorLanguage?: (typeof LANGUAGES)[number];
  phaseQuestions?: Partial<PhaseQuestions>;
  agenda?: AgendaItem[];
  sessionAgendas?: (AgendaItem[] | null)[];
  drafting?: boolean;
  anonymous?: boolean;
  template?: unknown;
}

export interface JoinInput {
  name: string;
  organisation: string;
  country: string;
  timeZone: string;
  language: (typeof LANGUAGES)[number];
  code?: string;
}

export interface InvitationInput {
  role: 'facilitator' | 'organiser';
  name?: string;
  organisation?: string;
}
