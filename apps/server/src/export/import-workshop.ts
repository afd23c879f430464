import * as Y from 'yjs';
import {
  isValidTimeZone,
  migrate,
  ORIGIN,
  roomName,
  snapshotToDocs,
  type WorkshopSnapshot,
} from '@crossboard/model';
import { signToken } from '../auth/tokens.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import type { PersonRecord, WorkshopRecord } from '../storage/storage.ts';
import { joinUrl, randomId } from '../workshops/workshops.ts';
import { writeCredit } from './credits.ts';

/**
 * Creates a new workshop from a JSON export: its people (same ids, so notes keep their
 * authors), their credit choices and its three rooms. The token returned is the first
 * imported facilitator's, so exporting the new workshop gives back the same file; a file
 * with no facilitator gets a new one.
 */
export async function importWorkshopSnapshot(ctx: ServerContext, snapshot: WorkshopSnapshot) {
  if (!isValidTimeZone(snapshot.workshop.homeTimeZone)) {
    throw new HttpError('INVALID_TIME_ZONE', `"${snapshot.workshop.homeTimeZone}" is not a known time zone, e.g. Europe/Paris.`);
  }

  const now = Date.now();
  const workshop: WorkshopRecord = {
    id: randomId(),
    title: snapshot.workshop.title.trim() || 'Imported workshop',
    purpose: snapshot.workshop.purpose,
    joinCode: null,
    createdAt: now,
  };
  // Same order as in the file: people are listed by when they were added.
  const people: PersonRecord[] = snapshot.people.map((p, i) => ({
    id: p.id,
    workshopId: workshop.id,
    role: p.role,
    name: p.name,
    organisation: p.organisation,
    country: p.country,
    timeZone: 'UTC',
    language: 'en',
    revoked: false,
    createdAt: now + i,
  }));
  let facilitator = people.find((p) => p.role === 'facilitator');
  if (!facilitator) {
    facilitator = { id: randomId(), workshopId: workshop.id, role: 'facilitator', name: 'Facilitator', organisation: '', country: '', timeZone: snapshot.workshop.homeTimeZone, language: 'en', revoked: false, createdAt: now + people.length };
    people.push(facilitator);
  }
  await ctx.storage.createWorkshop(workshop, facilitator);
  for (const p of people) if (p !== facilitator) await ctx.storage.addPerson(p);
  for (const p of snapshot.people) await writeCredit(ctx.storage, workshop.id, p.id, p.credit);

  const docs = snapshotToDocs(snapshot);
  for (const kind of ['control', 'board', 'report'] as const) {
    const update = Y.encodeStateAsUpdate(docs[kind]);
    await ctx.rooms.use(roomName({ workshopId: workshop.id, kind }), (room) =>
      room.change((doc) => {
        migrate(doc, undefined, ORIGIN.serverCommand);
        Y.applyUpdate(doc, update, ORIGIN.serverCommand);
      }, ORIGIN.serverCommand),
    );
    docs[kind].destroy();
  }
  return {
    id: workshop.id,
    facilitatorId: facilitator.id,
    facilitatorToken: signToken(ctx.secret, { w: workshop.id, p: facilitator.id, r: 'facilitator' }),
    joinUrl: joinUrl(workshop),
  };
}
