import * as Y from 'yjs';
import { ORIGIN, roomName } from '@crossboard/model';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { randomId } from '../auth/random-id.ts';
import type { AsyncFacilitationRecords as FacilitationStore } from '../storage/records.ts';
import { authorStamps, restampBoard } from './author-stamp.ts';

/** While people keep writing, the board is saved as a version at least this often. */
export const VERSION_EVERY_MS = 5 * 60_000;

export type VersionReason = 'manual' | 'phase-change' | 'reveal' | 'activity' | 'before-restore' | 'before-removal' | 'bring-back';

/** The board's state as one Yjs update, stored so the facilitator can go back to it. */
export async function takeVersion(
  ctx: ServerContext,
  store: FacilitationStore,
  workshopId: string,
  reason: VersionReason,
): Promise<string> {
  const versionId = randomId();
  const data = await ctx.rooms.use(roomName({ workshopId, kind: 'board' }), async (room) => {
    await room.settled();
    return Y.encodeStateAsUpdate(room.document);
  });
  await store.addVersion(workshopId, versionId, Date.now(), reason, data);
  ctx.log.info({ workshopId, versionId, reason }, 'board version taken');
  return versionId;
}

/**
 * Makes the board equal to an old version as a new change on top of the current one, so
 * every client receives it like any edit. The current state is saved first: a restore can
 * itself be undone by restoring that version. Returns its id.
 */
export async function restoreVersion(ctx: ServerContext, store: FacilitationStore, workshopId: string, versionId: string): Promise<string> {
  const data = await store.versionData(workshopId, versionId);
  if (!data) throw new HttpError('VERSION_NOT_FOUND');
  const saved = await takeVersion(ctx, store, workshopId, 'before-restore');
  const old = new Y.Doc();
  try {
    Y.applyUpdate(old, data);
    // The authors as they are shown today (directory consent), not as they were then.
    restampBoard(old, await authorStamps(ctx, workshopId, await ctx.storage.listPeople(workshopId)));
    await ctx.rooms.use(roomName({ workshopId, kind: 'board' }), (room) =>
      room.change((doc) => {
        for (const name of ['notes', 'clusters']) makeMapOfMapsEqual(doc.getMap(name), old.getMap(name));
      }, ORIGIN.serverCommand),
    );
  } finally {
    old.destroy();
  }
  ctx.log.info({ workshopId, versionId, saved }, 'board version restored');
  return saved;
}

type Entry = Y.Map<unknown>;

function makeMapOfMapsEqual(target: Y.Map<unknown>, source: Y.Map<unknown>): void {
  for (const key of [...target.keys()]) if (!source.has(key)) target.delete(key);
  for (const [key, value] of source) {
    if (!(value instanceof Y.Map)) continue;
    const current = target.get(key);
    if (current instanceof Y.Map) makeEntryEqual(current as Entry, value as Entry);
    else target.set(key, copyEntry(value as Entry));
  }
}

function copyEntry(source: Entry): Entry {
  const copy = new Y.Map<unknown>();
  for (const [key, value] of source) {
    if (value instanceof Y.XmlFragment) copy.set(key, value.clone());
    else if (!(value instanceof Y.AbstractType)) copy.set(key, value);
  }
  return copy;
}

/** Field by field, so that unchanged fields (and unchanged rich text) are left alone. */
function makeEntryEqual(target: Entry, source: Entry): void {
  for (const key of [...target.keys()]) if (!source.has(key)) target.delete(key);
  for (const [key, value] of source) {
    const current = target.get(key);
    if (value instanceof Y.XmlFragment) {
      if (current instanceof Y.XmlFragment) {
        if (current.toString() !== value.toString()) {
          current.delete(0, current.length);
          current.insert(0, value.toArray().map((child) => child.clone()) as (Y.XmlElement | Y.XmlText)[]);
        }
      } else {
        target.set(key, value.clone());
      }
    } else if (!(value instanceof Y.AbstractType) && JSON.stringify(current) !== JSON.stringify(value)) {
      target.set(key, value);
    }
  }
}
