import type { ServerContext } from '../context.ts';
import { peopleRecords } from '../storage/people-records.ts';
import { bumpIdentityEpoch, identityEpoch, presenceIdentity } from '../sync/presence.ts';
import { restampNoteAuthors } from './author-consent.ts';

/**
 * A person changed what the directory shows: their presence in every room of the workshop is
 * stamped again at once, so a withdrawn field stops travelling now, not at their next
 * reconnect. The author stamp on their notes follows too (author-consent.ts, by author-stamp.ts). Other processes
 * are told over Redis and do the same for the sockets and rooms they hold.
 */
export async function restampPresence(ctx: ServerContext, workshopId: string, personId: string, tellOthers = true): Promise<void> {
  if (tellOthers) ctx.fanout?.publishControl({ type: 'presence-changed', workshopId, personId });
  // Counted before reading: a socket still on its way to its room reads again (websocket-endpoint).
  const epoch = bumpIdentityEpoch(ctx.rooms, `${workshopId}/${personId}`);
  const person = await ctx.storage.getPerson(workshopId, personId);
  if (!person) return;
  const identity = presenceIdentity(person, await peopleRecords(ctx).profile(workshopId, personId));
  // A newer change read later and restamps after this one; this older read must not win.
  const current = () => identityEpoch(ctx.rooms, `${workshopId}/${personId}`) === epoch;
  if (!current()) return;
  for (const room of ctx.rooms.withPrefix(`${workshopId}/`)) room.restamp(personId, identity);
  await restampNoteAuthors(ctx, workshopId, person, identity, { loadUnloaded: tellOthers, current });
}
