import * as Y from 'yjs';
import { boardNotes, type Author, type DirectoryProfile } from '@crossboard/model';
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

/**
 * Puts today's stamps on the notes of a board read from the past (a saved version about to be
 * restored), so a restore does not bring back an organisation its person has since withdrawn.
 * A stamp of someone no longer in the workshop keeps their name and loses the organisation.
 */
export function restampBoard(doc: Y.Doc, stamps: ReadonlyMap<string, Author>): void {
  for (const note of boardNotes(doc).values()) {
    if (!(note instanceof Y.Map)) continue;
    const stamp = note.get('author') as Partial<Author> | null | undefined;
    if (typeof stamp !== 'object' || stamp === null || typeof stamp.id !== 'string') continue;
    const now = stamps.get(stamp.id) ?? { id: stamp.id, name: typeof stamp.name === 'string' ? stamp.name : '', organisation: '' };
    if (stamp.name !== now.name || stamp.organisation !== now.organisation || Object.keys(stamp).length !== 3)
      note.set('author', { ...now });
  }
}
