import {
  ORIGIN,
  assignGroups,
  findGroup,
  groupForLateJoiner,
  newId,
  readBreakout,
  roomName,
  start,
  idleTimer,
  writeBreakout,
  MAX_GROUPS_PER_WORKSHOP,
  MAX_MEMBERS_PER_GROUP,
  type Breakout,
  type BreakoutGroup,
  type GroupPerson,
  type GroupingMode,
} from '@crossboard/model';
import type { ServerContext } from '../context.ts';
import type { Rooms } from '../sync/rooms.ts';
import { HttpError } from '../errors.ts';
import { peopleRecords } from '../storage/people-records.ts';
import type { PersonRecord } from '../storage/storage.ts';

const controlOf = (workshopId: string) => roomName({ workshopId, kind: 'control' });
export const groupRoomOf = (workshopId: string, groupId: string) => roomName({ workshopId, kind: 'group', groupId });

async function participants(ctx: ServerContext, workshopId: string): Promise<PersonRecord[]> {
  return (await ctx.storage.listPeople(workshopId)).filter((p) => p.role === 'participant' && !p.revoked);
}

/**
 * The grouping reads themes only from people who chose to list them in the directory: a
 * theme someone kept private must not decide, and so hint at, who they are grouped with.
 */
async function groupPeople(ctx: ServerContext, workshopId: string, people: PersonRecord[]): Promise<GroupPerson[]> {
  const profiles = await peopleRecords(ctx).profiles(workshopId);
  const themes = new Map<string, string[]>();
  for (const { personId, profile } of profiles) {
    if (profile.listed && profile.show.includes('themes')) themes.set(personId, profile.themes);
  }
  return people.map((p) => ({
    id: p.id,
    organisation: p.organisation,
    country: p.country,
    timeZone: p.timeZone,
    themes: themes.get(p.id) ?? [],
  }));
}

/**
 * Sockets of people whose group changed reconnect, so that admission gives them the access
 * their new membership allows (write in their group, read elsewhere).
 */
function reconnectMoved(ctx: ServerContext, workshopId: string, before: Breakout, after: Breakout): void {
  // Once the breakout ends nobody is a member any more, whatever the record still lists.
  const membersOf = (b: Breakout) => new Map(b.groups.map((g) => [g.id, new Set(b.active ? g.members : [])]));
  const was = membersOf(before);
  const now = membersOf(after);
  const groups: GroupChange[] = [];
  for (const groupId of new Set([...was.keys(), ...now.keys()])) {
    const a = was.get(groupId) ?? new Set<string>();
    const b = now.get(groupId) ?? new Set<string>();
    const personIds = [...a, ...b].filter((id) => a.has(id) !== b.has(id));
    if (personIds.length > 0) groups.push({ groupId, personIds: [...new Set(personIds)] });
  }
  if (groups.length === 0) return;
  reconnectGroupMembers(ctx.rooms, workshopId, groups);
  // Their sockets on other processes too; the breakout is stored (and fanned out) by now, so the
  // admission they reconnect to there already reads the new membership.
  ctx.fanout?.publishControl({ type: 'group-changed', workshopId, groups });
}

export interface GroupChange {
  groupId: string;
  personIds: string[];
}

/** Closes the sockets this process holds of people whose membership of a group changed. */
export function reconnectGroupMembers(rooms: Rooms, workshopId: string, groups: readonly GroupChange[]): void {
  for (const { groupId, personIds } of groups) {
    const changed = new Set(personIds);
    rooms.loaded(groupRoomOf(workshopId, groupId))?.kickWhere((c) => changed.has(c.personId), 'GROUP_CHANGED');
  }
}

/** Runs `fn` on the control room's breakout inside one server change; what it returns is kept. */
async function changeBreakout<T>(
  ctx: ServerContext,
  workshopId: string,
  fn: (b: Breakout) => { next: Breakout | null; result: T },
): Promise<T> {
  let before: Breakout | null = null;
  let out: { next: Breakout | null; result: T } | null = null;
  await ctx.rooms.use(controlOf(workshopId), (room) =>
    room.change((doc) => {
      before = readBreakout(doc);
      out = fn(before);
      if (out.next) writeBreakout(doc, out.next);
    }, ORIGIN.serverCommand),
  );
  const { next, result } = out!;
  if (next) reconnectMoved(ctx, workshopId, before!, next);
  return result;
}

export interface SplitInput {
  groups?: number;
  size?: number;
  mode: GroupingMode;
  seed?: number;
  /** The groups' own timer; without it they follow the main timer. */
  minutes?: number;
}

export async function splitIntoGroups(ctx: ServerContext, workshopId: string, input: SplitInput): Promise<Breakout> {
  if ((input.groups === undefined) === (input.size === undefined))
    throw new HttpError('INVALID_BODY', 'Give either groups (how many) or size (people per group).');
  const people = await groupPeople(ctx, workshopId, await participants(ctx, workshopId));
  const { members, themes } = assignGroups(people, {
    groups: input.groups,
    size: input.size,
    mode: input.mode,
    seed: input.seed ?? Date.now(),
  });
  if (members.length > MAX_GROUPS_PER_WORKSHOP) throw new HttpError('INVALID_BODY', `At most ${MAX_GROUPS_PER_WORKSHOP} groups.`);
  if (members.some((m) => m.length > MAX_MEMBERS_PER_GROUP)) {
    throw new HttpError('INVALID_BODY', `At most ${MAX_MEMBERS_PER_GROUP} people per group: make more groups.`);
  }
  const groups: BreakoutGroup[] = members.map((m, i) => ({ id: newId(), number: i + 1, theme: themes[i] ?? null, members: m }));
  const next: Breakout = {
    active: true,
    groups,
    announcement: null,
    timer: input.minutes ? start(idleTimer(input.minutes * 60_000), Date.now()) : null,
  };
  ctx.log.info({ workshopId, groups: groups.length, people: people.length, mode: input.mode }, 'breakout groups made');
  return changeBreakout(ctx, workshopId, () => ({ next, result: next }));
}

/** The facilitator moves one participant (drag, or "Move to group"). */
export async function moveToGroup(ctx: ServerContext, workshopId: string, personId: string, groupId: string): Promise<Breakout> {
  const person = await ctx.storage.getPerson(workshopId, personId);
  if (!person || person.revoked || person.role !== 'participant') throw new HttpError('PERSON_NOT_FOUND');
  const outcome = await changeBreakout<Breakout | 'GROUP_NOT_FOUND' | 'GROUP_FULL'>(ctx, workshopId, (b) => {
    const target = findGroup(b, groupId);
    if (!b.active || !target) return { next: null, result: 'GROUP_NOT_FOUND' };
    if (target.members.includes(personId)) return { next: null, result: b };
    if (target.members.length >= MAX_MEMBERS_PER_GROUP) return { next: null, result: 'GROUP_FULL' };
    const groups = b.groups.map((g) => ({
      ...g,
      members: g.id === groupId ? [...g.members, personId] : g.members.filter((m) => m !== personId),
    }));
    const next = { ...b, groups };
    return { next, result: next };
  });
  if (typeof outcome === 'string') throw new HttpError(outcome);
  return outcome;
}

/** A participant who joins during a breakout goes to the smallest group. Null when none runs. */
export async function placeLateJoiner(ctx: ServerContext, workshopId: string, person: PersonRecord): Promise<string | null> {
  const running = await ctx.rooms.use(controlOf(workshopId), (room) => readBreakout(room.document).active);
  if (!running || person.role !== 'participant') return null;
  const everyone = await groupPeople(ctx, workshopId, [...(await participants(ctx, workshopId)).filter((p) => p.id !== person.id), person]);
  const byId = new Map(everyone.map((p) => [p.id, p]));
  const me = byId.get(person.id)!;
  return changeBreakout(ctx, workshopId, (b) => {
    if (!b.active || b.groups.some((g) => g.members.includes(person.id))) return { next: null, result: null };
    const open = b.groups.filter((g) => g.members.length < MAX_MEMBERS_PER_GROUP);
    const i = groupForLateJoiner(
      open.map((g) => g.members.flatMap((id) => byId.get(id) ?? [])),
      me,
    );
    const target = open[i];
    if (!target) return { next: null, result: null };
    const groups = b.groups.map((g) => (g.id === target.id ? { ...g, members: [...g.members, person.id] } : g));
    return { next: { ...b, groups }, result: target.id };
  });
}

/** Shown to everyone (every group and the main board) until the next one or the end. */
export async function broadcast(ctx: ServerContext, workshopId: string, text: string): Promise<void> {
  const outcome = await changeBreakout(ctx, workshopId, (b) =>
    b.active ? { next: { ...b, announcement: { text, at: Date.now() } }, result: true } : { next: null, result: false },
  );
  if (!outcome) throw new HttpError('NO_BREAKOUT');
}

/** Whether a breakout is running, for the routes that need one. */
export async function readWorkshopBreakout(ctx: ServerContext, workshopId: string): Promise<Breakout> {
  return ctx.rooms.use(controlOf(workshopId), (room) => readBreakout(room.document));
}

/**
 * Ends the breakout. The groups stay on record (their boards stay readable, and the console
 * shows who was where), but membership no longer gives anyone write access.
 */
export async function endBreakout(ctx: ServerContext, workshopId: string): Promise<Breakout> {
  const outcome = await changeBreakout(ctx, workshopId, (b) =>
    b.active ? { next: { ...b, active: false, announcement: null, timer: null }, result: b } : { next: null, result: null },
  );
  if (!outcome) throw new HttpError('NO_BREAKOUT');
  return outcome;
}
