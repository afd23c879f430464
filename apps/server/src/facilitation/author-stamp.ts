import type { DirectoryProfile, Author } from '@crossboard/model';
import type { ServerContext } from '../context.ts';
import type { PresenceIdentity } from '../sync/connection.ts';
import { presenceIdentity } from '../sync/presence.ts';
import type { PersonRecord } from '../storage/storage.ts';
import { peopleRecords } from '../storage/people-records.ts';

/**
 * The author stamp everyone sees on a person's notes. It shows what their presence shows and
 * no more: the name always, the organisation only when the directory consent says so. The
 * decision is presence's (`presenceIdentity`, the directory's own rule); an empty organisation
 * means "not shown", which keeps the stamp's schema (three fields, all strings) unchanged.
 * Without an identity (nobody has read the person's consent) nothing from the directory shows.
 */
export function authorStamp(person: Pick<PersonRecord, 'id' | 'name'>, identity: Pick<PresenceIdentity, 'organisation'> | null): Author {
  return { id: person.id, name: person.name, organisation: identity?.organisation ?? '' };
}

/** Author stamps for several people of a workshop, each after their own consent (a reveal of drafts). */
export async function authorStamps(ctx: ServerContext, workshopId: string, people: readonly PersonRecord[]): Promise<Map<string, Author>> {
  const profiles = new Map<string, DirectoryProfile>();
  for (const { personId, profile } of await peopleRecords(ctx).profiles(workshopId)) profiles.set(personId, profile);
  return new Map(people.map((p) => [p.id, authorStamp(p, presenceIdentity(p, profiles.get(p.id) ?? null))]));
}
