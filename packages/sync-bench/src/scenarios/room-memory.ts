import * as Y from 'yjs';
import { boardNotes, createNote } from '@crossboard/model';
import { collectedMemory } from '../collected-memory.ts';
import { LoadClient } from '../load-client.ts';
import { rssKb } from '../proc-stats.ts';
import { sleep } from '../stats.ts';
import type { RoomAccess, Target } from '../targets.ts';
import type { Scale } from '../scale.ts';

/** Past our 30 s unload delay, with room for a loaded machine. */
const SETUP_ROOMS_GONE_WITHIN_MS = 45_000;

export interface RoomMemoryResult {
  rooms: number;
  failed: number;
  /** Before and while open: read right after full collections in the server (collected-memory.ts). */
  rssBeforeKb: number;
  /** Rooms our gauge counted when the baseline was read (0 unless setup's rooms outlived the wait). */
  roomsLoadedBefore: number | null;
  rssOpenKb: number;
  heapBeforeKb: number;
  heapOpenKb: number;
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
 * Both readings follow full collections in the server: RSS sampled as it comes rose by
 * anything from 10 to 40 kB per board for the same rooms, as the earlier scenarios had left
 * the heap with free pages to fill or garbage not yet collected.
 */
export async function runRoomMemory(target: Target, scale: Scale['roomMemory']): Promise<RoomMemoryResult> {
  const access: RoomAccess[] = [];
  for (let i = 0; i < scale.rooms; i++) access.push(await target.newRoom(`s4-${i}`, 1));
  await sleep(2_000);
  // Setting our workshops up loads their control rooms for a while: the baseline holds no
  // room, as the peers' does, so each board is weighed with the control room it opens.
  const settledBy = Date.now() + SETUP_ROOMS_GONE_WITHIN_MS;
  while (((await target.roomsLoaded()) ?? 0) > 0 && Date.now() < settledBy) await sleep(1_000);
  const roomsLoadedBefore = await target.roomsLoaded();
  const sampledBeforeKb = rssKb(target.pids ?? target.pid);
  const before = await collectedMemory(target.pids ?? target.pid);

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
  const roomsLoadedOpen = await target.roomsLoaded();
  const sampledOpenKb = rssKb(target.pids ?? target.pid);
  const open = await collectedMemory(target.pids ?? target.pid);
  const mb = (kb: number) => (kb / 1024).toFixed(0);
  console.error(
    `  ${target.name} s4 RSS before / open: sampled ${mb(sampledBeforeKb)} / ${mb(sampledOpenKb)} MB, after collection ${mb(before.rssKb)} / ${mb(open.rssKb)} MB`,
  );

  for (const c of clients) c.close();
  const leftAt = Date.now();
  let freedAfterS: number | null = null;
  let rssAfterKb = open.rssKb;
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
  return {
    rooms: scale.rooms,
    failed,
    rssBeforeKb: before.rssKb,
    roomsLoadedBefore,
    rssOpenKb: open.rssKb,
    heapBeforeKb: before.heapKb,
    heapOpenKb: open.heapKb,
    rssAfterKb,
    secondsAfterLeave,
    freedAfterS,
    roomsLoadedOpen,
  };
}
