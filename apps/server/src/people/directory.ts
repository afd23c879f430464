import {
  directoryEntry,
  isDirectoryContact,
  isDirectoryField,
  readSettings,
  roomName,
  type DirectoryEntry,
  type DirectoryProfile,
} from '@crossboard/model';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { seriesRecords } from '../series/series-store.ts';
import { peopleRecords } from '../storage/people-records.ts';
import type { DirectoryProfileInput } from './people-schemas.ts';

export async function workshopThemes(ctx: ServerContext, workshopId: string): Promise<string[]> {
  return ctx.rooms.use(roomName({ workshopId, kind: 'control' }), (room) => readSettings(room.document).themes);
}

/** A profile from a request body, checked against the workshop's themes; 400 otherwise. */
export function toProfile(input: DirectoryProfileInput, themes: readonly string[]): DirectoryProfile {
  const contact = input.contact?.trim() ?? '';
  if (!isDirectoryContact(contact)) throw new HttpError('INVALID_BODY', 'body/contact must be an email address or an http(s) link');
  const known = new Set(themes);
  const unknown = (input.themes ?? []).find((t) => !known.has(t));
  if (unknown !== undefined) throw new HttpError('INVALID_BODY', `"${unknown}" is not one of this workshop's themes`);
  return {
    listed: input.listed,
    show: input.show.filter(isDirectoryField),
    role: input.role?.trim() ?? '',
    themes: [...(input.themes ?? [])],
    canHelp: input.canHelp?.trim() ?? '',
    lookingFor: input.lookingFor?.trim() ?? '',
    contact,
  };
}

/**
 * The directory as anyone in the workshop sees it: people still in it who chose to be listed,
 * each with only what they chose. Read fresh on every call, so a withdrawal shows at once.
 */
export async function listDirectory(ctx: ServerContext, workshopId: string): Promise<DirectoryEntry[]> {
  const [people, profiles] = await Promise.all([ctx.storage.listPeople(workshopId), peopleRecords(ctx).profiles(workshopId)]);
  const byPerson = new Map(profiles.map((p) => [p.personId, p.profile]));
  const entries: DirectoryEntry[] = [];
  for (const person of people) {
    const profile = byPerson.get(person.id);
    if (person.revoked || !profile) continue;
    const entry = directoryEntry(person, profile);
    if (entry) entries.push(entry);
  }
  return entries;
}

/** One other workshop of the series, as its directory shows it to the series' people. */
export interface SeriesDirectoryWorkshop {
  title: string;
  people: DirectoryEntry[];
}

/**
 * The directory across the workshop's series: the listed people of each other workshop in it,
 * by the same rule and with only what they chose (the consent says "this workshop and its
 * series"). Null when the workshop is in no series. Workshop ids stay out: a title is enough.
 */
export async function listSeriesDirectory(
  ctx: ServerContext,
  workshopId: string,
): Promise<{ title: string; workshops: SeriesDirectoryWorkshop[] } | null> {
  const records = seriesRecords(ctx);
  const seriesId = await records.seriesOf(workshopId);
  const series = seriesId === null ? null : await records.getSeries(seriesId);
  if (!series) return null;
  const workshops: SeriesDirectoryWorkshop[] = [];
  for (const id of await records.seriesWorkshops(series.id)) {
    if (id === workshopId) continue;
    const [workshop, people] = await Promise.all([ctx.storage.getWorkshop(id), listDirectory(ctx, id)]);
    if (workshop && people.length > 0) workshops.push({ title: workshop.title, people });
  }
  return { title: series.title, workshops };
}
