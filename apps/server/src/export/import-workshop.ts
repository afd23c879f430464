import { setImmediate as nextTurn } from 'node:timers/promises';
import * as Y from 'yjs';
import {
  isValidTimeZone,
  migrate,
  ORIGIN,
  roomName,
  writeSnapshotSteps,
  type CreatedWorkshop,
  type WorkshopDocs,
  type WorkshopSnapshot,
} from '@crossboard/model';
import { signToken } from '../auth/tokens.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import type { PersonRecord, WorkshopRecord } from '../storage/storage.ts';
import { joinUrl } from '../http/workshop-path.ts';
import { randomId } from '../auth/random-id.ts';
import { creditKey } from './credits.ts';

const KINDS = ['control', 'board', 'report'] as const;

/**
 * Creates a new workshop from a JSON export: its people (same ids, so notes keep their
 * authors), their credit choices and its three rooms. The token returned is the first
 * imported facilitator's, so exporting the new workshop gives back the same file; a file
 * with no facilitator gets a new one.
 *
 * All or nothing: the rooms are built in memory first, a step at a time with a turn of the
 * event loop between steps (a large file must not hold up everyone else's requests), and
 * then everything is stored in one transaction. Until it commits no room is loaded and no
 * row exists, so a failure anywhere leaves no trace of the workshop.
 */
export async function importWorkshopSnapshot(ctx: ServerContext, snapshot: WorkshopSnapshot): Promise<CreatedWorkshop> {
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
    facilitator = {
      id: randomId(),
      workshopId: workshop.id,
      role: 'facilitator',
      name: 'Facilitator',
      organisation: '',
      country: '',
      timeZone: snapshot.workshop.homeTimeZone,
      language: 'en',
      revoked: false,
      createdAt: now + people.length,
    };
    people.push(facilitator);
  }

  const rooms = await buildRooms(ctx, workshop.id, snapshot);
  await ctx.storage.importWorkshop({
    workshop,
    people: [facilitator, ...people.filter((p) => p !== facilitator)],
    values: snapshot.people.map((p) => [creditKey(workshop.id, p.id), p.credit]),
    rooms,
  });
  return {
    id: workshop.id,
    facilitatorId: facilitator.id,
    facilitatorToken: signToken(ctx.secret, { w: workshop.id, p: facilitator.id, r: 'facilitator' }),
    joinUrl: joinUrl(workshop),
  };
}

/** Each room's updates, one per step, refused when a room would pass the document limit. */
async function buildRooms(ctx: ServerContext, workshopId: string, snapshot: WorkshopSnapshot) {
  const docs: WorkshopDocs = { control: new Y.Doc(), board: new Y.Doc(), report: new Y.Doc() };
  const updates = { control: [] as Uint8Array[], board: [] as Uint8Array[], report: [] as Uint8Array[] };
  try {
    for (const kind of KINDS) {
      docs[kind].on('update', (u: Uint8Array) => updates[kind].push(u));
      migrate(docs[kind], undefined, ORIGIN.serverCommand);
    }
    for (const _ of writeSnapshotSteps(snapshot, docs)) await nextTurn();
  } finally {
    for (const kind of KINDS) docs[kind].destroy();
  }
  return KINDS.map((kind) => {
    const bytes = updates[kind].reduce((n, u) => n + u.byteLength, 0);
    if (bytes > ctx.limits.maxDocumentBytes) {
      throw new HttpError(
        'BODY_TOO_LARGE',
        `This workshop's ${kind} would take ${bytes} bytes, more than a room may hold (${ctx.limits.maxDocumentBytes}).`,
      );
    }
    return { room: roomName({ workshopId, kind }), updates: updates[kind] };
  });
}
