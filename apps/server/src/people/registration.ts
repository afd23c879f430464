import {
  csvRow,
  isValidTimeZone,
  readSettings,
  roomName,
  sessionsToIcs,
  zonedLocalToInstant,
  type WorkshopSettings,
} from '@crossboard/model';
import { signToken } from '../auth/tokens.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import type { PersonRecord, WorkshopRecord } from '../storage/storage.ts';
import { randomId } from '../auth/random-id.ts';
import { requireWorkshop } from '../http/workshop-path.ts';
import { toProfile } from './directory.ts';
import { peopleRecords, type RegistrationForm, type RegistrationRecord } from '../storage/people-records.ts';
import { MAX_REGISTRATIONS_PER_WORKSHOP, type RegistrationFormInput, type RegistrationInput } from './people-schemas.ts';
import { placeLateJoiner } from '../groups/groups-commands.ts';

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;
const INSTANT = /(Z|[+-]\d{2}:\d{2})$/;

export const formUrl = (code: string) => `/r/${code}`;
export const personalUrl = (secret: string) => `/registered/${secret}`;

export async function workshopSettings(ctx: ServerContext, workshopId: string): Promise<WorkshopSettings> {
  return ctx.rooms.use(roomName({ workshopId, kind: 'control' }), (room) => readSettings(room.document));
}

/** An ISO instant, or the organiser's wall-clock time in the workshop's home zone. */
function toDeadline(value: string, homeZone: string): number {
  const t = INSTANT.test(value)
    ? Date.parse(value)
    : (() => {
        try {
          return zonedLocalToInstant(value, homeZone);
        } catch {
          return Number.NaN;
        }
      })();
  if (Number.isNaN(t)) throw new HttpError('INVALID_BODY', `body/deadline "${value}" is not a time like 2021-05-25T23:59`);
  return t;
}

export async function setForm(ctx: ServerContext, workshopId: string, input: RegistrationFormInput): Promise<RegistrationForm> {
  const records = peopleRecords(ctx);
  const settings = await workshopSettings(ctx, workshopId);
  const existing = await records.form(workshopId);
  const form: RegistrationForm = {
    code: existing?.code ?? randomId(),
    open: input.open,
    deadline:
      input.deadline === undefined
        ? (existing?.deadline ?? null)
        : input.deadline === null
          ? null
          : toDeadline(input.deadline, settings.homeTimeZone),
    question: input.question?.trim() ?? existing?.question ?? '',
  };
  await records.setForm(workshopId, form, Date.now());
  return form;
}

const accepting = (form: RegistrationForm, now: number) => form.open && (form.deadline === null || now <= form.deadline);

/** What the public page shows: the workshop's own description, never anyone's registration. */
export async function publicForm(ctx: ServerContext, code: string) {
  const found = await peopleRecords(ctx).formByCode(code);
  if (!found) throw new HttpError('NOT_FOUND', 'There is no registration form at this link.');
  const w = await requireWorkshop(ctx, found.workshopId);
  const s = await workshopSettings(ctx, w.id);
  return {
    title: w.title,
    purpose: s.purpose,
    themes: s.themes,
    sessions: s.sessions,
    homeTimeZone: s.homeTimeZone,
    question: found.form.question,
    deadline: found.form.deadline,
    open: accepting(found.form, Date.now()),
  };
}

export async function register(ctx: ServerContext, code: string, input: RegistrationInput) {
  const records = peopleRecords(ctx);
  const found = await records.formByCode(code);
  if (!found) throw new HttpError('NOT_FOUND', 'There is no registration form at this link.');
  if (!accepting(found.form, Date.now())) throw new HttpError('FORBIDDEN', 'Registration is closed.');
  const w = await requireWorkshop(ctx, found.workshopId);
  const settings = await workshopSettings(ctx, w.id);
  if (!isValidTimeZone(input.timeZone)) throw new HttpError('INVALID_TIME_ZONE');
  const email = input.email?.trim() ?? '';
  if (email && !EMAIL.test(email)) throw new HttpError('INVALID_BODY', 'body/email is not an email address');
  if (input.sessions.some((i) => i >= settings.sessions.length))
    throw new HttpError('INVALID_BODY', 'body/sessions names a session this workshop does not have');
  if (settings.sessions.length > 0 && input.sessions.length === 0)
    throw new HttpError('INVALID_BODY', 'body/sessions: choose at least one session');
  const known = new Set(settings.themes);
  const themes = input.themes ?? [];
  if (themes.some((t) => !known.has(t))) throw new HttpError('INVALID_BODY', 'body/themes names a theme this workshop does not have');
  const name = input.name.trim();
  if (!name) throw new HttpError('INVALID_BODY', 'body/name must not be blank');
  if ((await records.countRegistrations(w.id)) >= MAX_REGISTRATIONS_PER_WORKSHOP) {
    throw new HttpError('FORBIDDEN', 'This workshop has as many registrations as it can take.');
  }
  const registration: RegistrationRecord = {
    id: randomId(),
    workshopId: w.id,
    secret: randomId(),
    status: 'pending',
    personId: null,
    createdAt: Date.now(),
    details: {
      name,
      organisation: input.organisation?.trim() ?? '',
      country: input.country.trim(),
      timeZone: input.timeZone,
      email,
      sessions: [...input.sessions].sort((a, b) => a - b),
      themes,
      answer: input.answer?.trim() ?? '',
      directory: toProfile(input.directory ?? { listed: false, show: [] }, settings.themes),
    },
  };
  await records.addRegistration(registration);
  return { ...(await ownView(ctx, registration)), secret: registration.secret };
}

export function registrationIcs(w: WorkshopRecord, settings: WorkshopSettings, r: RegistrationRecord): string {
  const sessions = r.details.sessions.map((i) => settings.sessions[i]).filter((s) => s !== undefined);
  return sessionsToIcs(sessions, {
    title: w.title,
    uidPrefix: `crossboard-${w.id}`,
    now: Date.now(),
    homeTimeZone: settings.homeTimeZone,
    description: settings.purpose,
  });
}

/** What the registrant sees through their personal link: only their own registration. */
export async function ownView(ctx: ServerContext, r: RegistrationRecord) {
  const w = await requireWorkshop(ctx, r.workshopId);
  const settings = await workshopSettings(ctx, w.id);
  return {
    workshop: { id: w.id, title: w.title, homeTimeZone: settings.homeTimeZone },
    status: r.status,
    joined: r.personId !== null,
    personalUrl: personalUrl(r.secret),
    sessions: r.details.sessions.map((i) => settings.sessions[i]).filter((s) => s !== undefined),
    details: r.details,
    ics: registrationIcs(w, settings, r),
  };
}

export async function bySecret(ctx: ServerContext, secret: string): Promise<RegistrationRecord> {
  const r = await peopleRecords(ctx).registrationBySecret(secret);
  if (!r) throw new HttpError('NOT_FOUND', 'There is no registration at this link.');
  return r;
}

/**
 * Joins through the personal link: the person is made from the registration (no retyping) on
 * the first join, and the same person answers every later one. Only once admitted.
 */
export async function joinRegistered(ctx: ServerContext, secret: string) {
  const records = peopleRecords(ctx);
  const r = await bySecret(ctx, secret);
  if (r.status !== 'admitted') {
    throw new HttpError(
      'FORBIDDEN',
      r.status === 'declined' ? 'This registration was declined.' : 'Your registration is waiting for the organiser.',
    );
  }
  let person = r.personId ? await ctx.storage.getPerson(r.workshopId, r.personId) : null;
  if (!person) {
    const d = r.details;
    const made: PersonRecord = {
      id: randomId(),
      workshopId: r.workshopId,
      role: 'participant',
      name: d.name,
      organisation: d.organisation,
      country: d.country,
      timeZone: d.timeZone,
      language: 'en',
      revoked: false,
      createdAt: Date.now(),
    };
    if (await records.linkPerson(r.id, made.id)) {
      await ctx.storage.addPerson(made);
      await records.setProfile(r.workshopId, made.id, d.directory, Date.now());
      await placeLateJoiner(ctx, r.workshopId, made);
      person = made;
    } else {
      // Another tab joined first: answer with the person it made.
      const again = await bySecret(ctx, secret);
      person = again.personId ? await ctx.storage.getPerson(r.workshopId, again.personId) : null;
      if (!person) throw new HttpError('ROOM_UNAVAILABLE', 'Joining is in progress in another tab; try again.');
    }
  }
  if (person.revoked) throw new HttpError('PERSON_REMOVED');
  return {
    workshopId: r.workshopId,
    participantId: person.id,
    token: signToken(ctx.secret, { w: person.workshopId, p: person.id, r: person.role }),
    role: person.role,
  };
}

/** Counts the organiser reads at a glance: per session, country, theme and status. */
export function registrationCounts(list: readonly RegistrationRecord[]) {
  const count = (keys: (r: RegistrationRecord) => readonly (string | number)[]) => {
    const m = new Map<string | number, number>();
    for (const r of list) for (const k of keys(r)) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m].map(([key, n]) => ({ key, count: n })).sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)));
  };
  return {
    total: list.length,
    bySession: count((r) => r.details.sessions),
    byCountry: count((r) => [r.details.country]),
    byTheme: count((r) => r.details.themes),
    byStatus: count((r) => [r.status]),
  };
}

export function registrationsCsv(list: readonly RegistrationRecord[], settings: WorkshopSettings): string {
  const header = [
    'registered (UTC)',
    'status',
    'name',
    'organisation',
    'country',
    'time zone',
    'email',
    'sessions',
    'themes',
    'answer',
    'listed in directory',
  ];
  const rows = list.map((r) =>
    csvRow([
      new Date(r.createdAt).toISOString(),
      r.status,
      r.details.name,
      r.details.organisation,
      r.details.country,
      r.details.timeZone,
      r.details.email,
      r.details.sessions.map((i) => settings.sessions[i]?.label ?? `#${i + 1}`).join('; '),
      r.details.themes.join('; '),
      r.details.answer,
      r.details.directory.listed ? 'yes' : 'no',
    ]),
  );
  return `\ufeff${[csvRow(header), ...rows].join('\r\n')}\r\n`;
}
