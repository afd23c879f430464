import {
  DIRECTORY_FIELDS,
  MAX_DIRECTORY_CONTACT_LENGTH,
  MAX_DIRECTORY_ROLE_LENGTH,
  MAX_DIRECTORY_TEXT_LENGTH,
  MAX_DIRECTORY_THEMES,
} from '@crossboard/model';
import {
  MAX_COUNTRY_LENGTH,
  MAX_NAME_LENGTH,
  MAX_ORGANISATION_LENGTH,
  MAX_SESSIONS,
  MAX_THEME_LENGTH,
  MAX_TIME_ZONE_LENGTH,
} from '../limits.ts';

/** The free question an organiser writes on the registration form. */
export const MAX_REGISTRATION_QUESTION_LENGTH = 300;
/** A registrant's answer to it. */
export const MAX_REGISTRATION_ANSWER_LENGTH = 1_000;
export const MAX_EMAIL_LENGTH = 200;
/** Registrations one workshop keeps; past it the form answers 409 (a public form is a target). */
export const MAX_REGISTRATIONS_PER_WORKSHOP = 2_000;
/** Registrations one address may send per minute (the public form needs no token). */
export const REGISTRATIONS_PER_ADDRESS_PER_MINUTE = 20;
/** Reads of a public registration page or a personal link, per address per minute. */
export const REGISTRATION_READS_PER_ADDRESS_PER_MINUTE = 120;

const text = (max: number, min = 0) => ({ type: 'string', minLength: min, maxLength: max }) as const;

export const directoryProfileBody = {
  type: 'object',
  required: ['listed', 'show'],
  additionalProperties: false,
  properties: {
    listed: { type: 'boolean' },
    show: { type: 'array', maxItems: DIRECTORY_FIELDS.length, uniqueItems: true, items: { type: 'string', enum: [...DIRECTORY_FIELDS] } },
    role: text(MAX_DIRECTORY_ROLE_LENGTH),
    themes: { type: 'array', maxItems: MAX_DIRECTORY_THEMES, uniqueItems: true, items: text(MAX_THEME_LENGTH, 1) },
    canHelp: text(MAX_DIRECTORY_TEXT_LENGTH),
    lookingFor: text(MAX_DIRECTORY_TEXT_LENGTH),
    contact: text(MAX_DIRECTORY_CONTACT_LENGTH),
  },
} as const;

export interface DirectoryProfileInput {
  listed: boolean;
  show: string[];
  role?: string;
  themes?: string[];
  canHelp?: string;
  lookingFor?: string;
  contact?: string;
}

export const registrationFormBody = {
  type: 'object',
  required: ['open'],
  additionalProperties: false,
  properties: {
    open: { type: 'boolean' },
    // An instant, or a wall-clock time read in the workshop's home zone; null for none.
    deadline: { anyOf: [{ type: 'null' }, { type: 'string', minLength: 16, maxLength: 40 }] },
    question: text(MAX_REGISTRATION_QUESTION_LENGTH),
  },
} as const;

export interface RegistrationFormInput {
  open: boolean;
  deadline?: string | null;
  question?: string;
}

export const registrationBody = {
  type: 'object',
  required: ['name', 'country', 'timeZone', 'sessions'],
  additionalProperties: false,
  properties: {
    name: text(MAX_NAME_LENGTH, 1),
    organisation: text(MAX_ORGANISATION_LENGTH),
    country: text(MAX_COUNTRY_LENGTH, 1),
    timeZone: text(MAX_TIME_ZONE_LENGTH, 1),
    email: text(MAX_EMAIL_LENGTH),
    sessions: {
      type: 'array',
      maxItems: MAX_SESSIONS,
      uniqueItems: true,
      items: { type: 'integer', minimum: 0, maximum: MAX_SESSIONS - 1 },
    },
    themes: { type: 'array', maxItems: MAX_DIRECTORY_THEMES, uniqueItems: true, items: text(MAX_THEME_LENGTH, 1) },
    answer: text(MAX_REGISTRATION_ANSWER_LENGTH),
    directory: directoryProfileBody,
  },
} as const;

export interface RegistrationInput {
  name: string;
  organisation?: string;
  country: string;
  timeZone: string;
  email?: string;
  sessions: number[];
  themes?: string[];
  answer?: string;
  directory?: DirectoryProfileInput;
}

/** Form codes and personal secrets: 128-bit base64url (randomId). */
export const secretParams = {
  type: 'object',
  required: ['code'],
  properties: { code: { type: 'string', pattern: '^[A-Za-z0-9_-]{22}$' } },
} as const;
