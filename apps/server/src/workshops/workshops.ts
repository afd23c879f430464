import {
  DEFAULT_SETTINGS,
  ORIGIN,
  controlState,
  isValidTimeZone,
  migrate,
  readAgenda,
  readPhaseQuestionsValue,
  roomName,
  writeSettings,
  writeSetup,
  type AgendaItem,
  type CreatedWorkshop,
  type Role,
  type Session,
  type SessionAgenda,
  type WorkshopSettings,
} from '@crossboard/model';
import { randomId } from '../auth/random-id.ts';
import { signToken } from '../auth/tokens.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { joinUrl, requireWorkshop } from '../http/workshop-path.ts';
import type { PersonRecord, WorkshopRecord } from '../storage/storage.ts';
import type { CreateWorkshopInput, InvitationInput, JoinInput } from './schemas.ts';
import { toSessions } from './sessions.ts';
import { withTemplate } from './templated-create.ts';
import { recountPublishedTallies } from '../facilitation/voting-commands.ts';
import type { Rooms } from '../sync/rooms.ts';
import { requireJoiningOpen } from './joining.ts';
import { placeLateJoiner } from '../groups/groups-commands.ts';

function checkTimeZone(zone: string): void {
  if (!isValidTimeZone(zone)) throw new HttpError('INVALID_TIME_ZONE', `"${zone}" is not a known time zone, e.g. Europe/Paris.`);
}

function tokenFor(ctx: ServerContext, person: PersonRecord): string {
  return signToken(ctx.secret, { w: person.workshopId, p: person.id, r: person.role });
}

function newPerson(workshopId: string, role: Role, fields: Partial<PersonRecord>): PersonRecord {
  return {
    id: randomId(),
    workshopId,
    role,
    name: '',
    organisation: '',
    country: '',
    timeZone: 'UTC',
    language: 'en',
    revoked: false,
    createdAt: Date.now(),
    ...fields,
  };
}

/** The wizard's per-session agendas (by position) named by each session's start, as the control room keeps them. */
function ownSessionAgendas(sessions: readonly Session[], agendas: readonly (AgendaItem[] | null)[]): SessionAgenda[] {
  return agendas.flatMap((items, i) => (items && sessions[i] ? [{ session: sessions[i].start, items: readAgenda(items) }] : []));
}

export async function createWorkshop(ctx: ServerContext, body: CreateWorkshopInput): Promise<CreatedWorkshop> {
  const { input, state } = withTemplate(body);
  const title = input.title.trim();
  if (!title) throw new HttpError('INVALID_BODY', 'body/title must not be blank');
  if ((input.sessionAgendas?.length ?? 0) > (input.sessions?.length ?? 0))
    throw new HttpError('INVALID_BODY', 'body/sessionAgendas must not have more entries than body/sessions');
  const homeTimeZone = input.homeTimeZone ?? DEFAULT_SETTINGS.homeTimeZone;
  checkTimeZone(homeTimeZone);
  const settings: WorkshopSettings = {
    title,
    purpose: input.purpose ?? DEFAULT_SETTINGS.purpose,
    themes: input.themes ?? DEFAULT_SETTINGS.themes,
    homeTimeZone,
    sessions: toSessions(input.sessions ?? [], homeTimeZone),
    phaseMinutes: { ...DEFAULT_SETTINGS.phaseMinutes, ...input.phaseMinutes },
    votesPerParticipant: input.votesPerParticipant ?? DEFAULT_SETTINGS.votesPerParticipant,
  };
  const workshop: WorkshopRecord = {
    id: randomId(),
    title,
    purpose: settings.purpose,
    joinCode: null,
    createdAt: Date.now(),
  };
  const facilitator = newPerson(workshop.id, 'facilitator', {
    name: input.facilitatorName?.trim() || 'Facilitator',
    organisation: input.facilitatorOrganisation?.trim() ?? '',
    timeZone: homeTimeZone,
    ...(input.facilitatorLanguage ? { language: input.facilitatorLanguage } : {}),
  });
  // The request's own switches win over the template's.
  const flags = {
    ...(input.anonymous !== undefined ? { anonymous: input.anonymous } : {}),
    ...(input.drafting !== undefined ? { drafting: input.drafting } : {}),
  };
  await ctx.storage.createWorkshop(workshop, facilitator);
  // Through the room, not around it: stored like any update and broadcast if anyone is there.
  await ctx.rooms.use(roomName({ workshopId: workshop.id, kind: 'control' }), (room) =>
    room.change((doc) => {
      migrate(doc, undefined, ORIGIN.serverCommand);
      writeSettings(doc, settings);
      writeSetup(doc, {
        ...(input.phaseQuestions ? { phaseQuestions: readPhaseQuestionsValue(input.phaseQuestions) } : {}),
        ...(input.agenda ? { agenda: readAgenda(input.agenda) } : {}),
        sessionAgendas: ownSessionAgendas(settings.sessions, input.sessionAgendas ?? []),
      });
      for (const [key, value] of Object.entries({ ...state, ...flags })) controlState(doc).set(key, value);
    }, ORIGIN.serverCommand),
  );
  return {
    id: workshop.id,
    facilitatorId: facilitator.id,
    facilitatorToken: tokenFor(ctx, facilitator),
    joinUrl: joinUrl(workshop),
  };
}

export async function joinWorkshop(ctx: ServerContext, workshopId: string, input: JoinInput) {
  const workshop = await requireWorkshop(ctx, workshopId);
  if (workshop.joinCode !== null && input.code !== workshop.joinCode) throw new HttpError('JOIN_CODE_INVALID');
  await requireJoiningOpen(ctx, workshop.id);
  checkTimeZone(input.timeZone);
  const person = newPerson(workshop.id, 'participant', {
    name: input.name.trim(),
    organisation: input.organisation.trim(),
    country: input.country.trim(),
    timeZone: input.timeZone,
    language: input.language,
  });
  if (!person.name) throw new HttpError('INVALID_BODY', 'body/name must not be blank');
  await ctx.storage.addPerson(person);
  await placeLateJoiner(ctx, workshop.id, person);
  return { participantId: person.id, token: tokenFor(ctx, person), role: 'participant' as const };
}

export async function invite(ctx: ServerContext, workshopId: string, input: InvitationInput) {
  // The invitee has no join form to fill in: who they are comes with the invitation.
  const person = newPerson(workshopId, input.role, {
    name: input.name?.trim() || (input.role === 'organiser' ? 'Organiser' : 'Facilitator'),
    organisation: input.organisation?.trim() ?? '',
  });
  await ctx.storage.addPerson(person);
  return { personId: person.id, token: tokenFor(ctx, person) };
}

export async function rotateJoinLink(ctx: ServerContext, workshop: WorkshopRecord) {
  const code = randomId();
  await ctx.storage.setJoinCode(workshop.id, code);
  return { joinUrl: joinUrl({ ...workshop, joinCode: code }) };
}

/**
 * Marks the person removed and closes every socket they hold in the workshop's rooms. A
 * workshop must stay runnable: its creator (the first facilitator) leaves only by their own
 * hand, and the last facilitator cannot leave. Ballots already cast stop counting (see
 * countedBallots); totals already published are counted again without them.
 */
export function removePerson(ctx: ServerContext, workshopId: string, personId: string, by: PersonRecord): Promise<void> {
  // Two facilitators removing each other at once must not both pass the last-facilitator check.
  return onePerWorkshop(workshopId, async () => {
    const people = await ctx.storage.listPeople(workshopId);
    const target = people.find((p) => p.id === personId);
    if (!target) throw new HttpError('PERSON_NOT_FOUND');
    if (target.role === 'facilitator') {
      const creator = people.find((p) => p.role === 'facilitator');
      if (target === creator && by.id !== target.id) throw new HttpError('CREATOR_NOT_REMOVABLE');
      if (!people.some((p) => p.role === 'facilitator' && !p.revoked && p.id !== target.id)) throw new HttpError('LAST_FACILITATOR');
    }
    if (!(await ctx.storage.revokePerson(workshopId, personId))) throw new HttpError('PERSON_NOT_FOUND');
    kickPerson(ctx.rooms, workshopId, personId);
    // Their sockets on other processes are closed by those processes.
    ctx.fanout?.publishControl({ type: 'person-removed', workshopId, personId });
    await recountPublishedTallies(ctx, workshopId);
  });
}

const removals = new Map<string, Promise<unknown>>();
function onePerWorkshop<T>(workshopId: string, fn: () => Promise<T>): Promise<T> {
  const run = (removals.get(workshopId) ?? Promise.resolve()).catch(() => {}).then(fn);
  removals.set(workshopId, run);
  void run
    .catch(() => {})
    .finally(() => {
      if (removals.get(workshopId) === run) removals.delete(workshopId);
    });
  return run;
}

export function kickPerson(rooms: Rooms, workshopId: string, personId: string): void {
  rooms.removedPeople.add(`${workshopId}/${personId}`);
  for (const room of rooms.withPrefix(`${workshopId}/`)) {
    room.kickWhere((client) => client.personId === personId, 'PERSON_REMOVED');
  }
}

export function publicPerson(p: PersonRecord) {
  return {
    personId: p.id,
    role: p.role,
    name: p.name,
    organisation: p.organisation,
    country: p.country,
    timeZone: p.timeZone,
    language: p.language,
    removed: p.revoked,
  };
}
