import * as Y from 'yjs';
import { boardNotes, createNote } from '@crossboard/model';
import { LoadClient } from '../load-client.ts';
import { rssKb } from '../proc-stats.ts';
import { sleep } from '../stats.ts';
import type { RoomAccess, Target } from '../targets.ts';
import type { Scale } from '../scale.ts';

export interface RoomMemoryResult {
  rooms: number;
  failed: number;
  rssBeforeKb: number;
  rssOpenKb: number;
  /** RSS at the last sample after everyone left. */
  rssAfterKb: number;
  secondsAfterLeave: number;
  /** When our rooms-loaded gauge first read 0 after everyone left (null: never, or the server cannot tell). */
  freedAfterS: number | null;
  roomsLoadedOpen: number | null;
}

/**
 * S4: 1,000 rooms with one client and one small note each, then everyone leaves. Our
 * rooms are 1,000 workshops' boards: the same path a real board takes, and the
 * workshops (and tokens) exist before the baseline, so only open rooms are counted.
 */
export async function runRoomMemory(target: Target, scale: Scale['roomMemory']): Promise<RoomMemoryResult> {
  const access: RoomAccess[] = [];
  for (let i = 0; i < scale.rooms; i++) access.push(await target.newRoom(`s4-${i}`, 1));
  await sleep(2_000);
  const rssBeforeKb = rssKb(target.pids ?? target.pid);

  const clients: LoadClient[] = [];
  let failed = 0;
  for (let i = 0; i < access.length; i += 50) {
    const group = access.slice(i, i + 50).map((a) => new LoadClient(a.person(0)));
    clients.push(...group);
    await Promise.all(
      group.map(async (c) => {
        try {
          await c.synced;
          const doc = new Y.Doc();
          doc.on('update', (u: Uint8Array) => c.sendUpdate(u));
          createNote(boardNotes(doc), { phase: 'painPoints', text: 'A small note', x: 10, y: 20 });
        } catch {
          failed++;
        }
      }),
    );
  }
  // Lets the servers apply (and ours store) the notes before the room is weighed.
  await sleep(3_000);
  const rssOpenKb = rssKb(target.pids ?? target.pid);
  const roomsLoadedOpen = await target.roomsLoaded();

  for (const c of clients) c.close();
  const leftAt = Date.now();
  let freedAfterS: number | null = null;
  let rssAfterKb = rssOpenKb;
  let secondsAfterLeave = 0;
  while (secondsAfterLeave < scale.watchSeconds) {
    await sleep(scale.sampleEveryS * 1_000);
    secondsAfterLeave = Math.round((Date.now() - leftAt) / 1_000);
    rssAfterKb = rssKb(target.pids ?? target.pid);
    const loaded = await target.roomsLoaded();
    console.error(`  ${target.name} s4 +${secondsAfterLeave} s: RSS ${(rssAfterKb / 1024).toFixed(0)} MB, rooms loaded ${loaded ?? '?'}`);
    if (loaded === 0) {
      freedAfterS = secondsAfterLeave;
      break;
    }
  }
  return { rooms: scale.rooms, failed, rssBeforeKb, rssOpenKb, rssAfterKb, secondsAfterLeave, freedAfterS, roomsLoadedOpen };
}
