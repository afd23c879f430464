import { LoadClient } from '../load-client.ts';
import { listenOverflows, ProcSampler, rssKb, type ProcWindow } from '../proc-stats.ts';
import { seedNotes } from '../room-load.ts';
import { eventually } from '@crossboard/testkit';
import { distribution, logWindow, monotonicUs, sleep, type Distribution } from '../stats.ts';
import type { RoomAccess, Target } from '../targets.ts';
import type { Scale } from '../scale.ts';

export interface JoinResult {
  /** From opening the socket to holding the server's sync step 2. */
  connectSync: Distribution;
  /** The WebSocket handshake alone (socket opened → upgrade answered). */
  open: Distribution;
  failed: number;
  seedBytes: number;
  syncBytes: number;
  rssPerConnectionKb: number;
  proc: ProcWindow;
  /** The load generator's CPU over the join: near 100 % means the clients, not the server, set the pace. */
  loadGeneratorCpuPct: number;
  /** SYNs the kernel dropped for a full listen queue while they joined. */
  listenOverflows: number;
}

/**
 * Everyone joins at the same moment (a facilitator says "open the link now"): all sockets
 * are opened in one tick and each is timed until the room's state has arrived. The
 * state is not applied, so the load generator's own Yjs work stays out of the number.
 */
async function joinAtOnce(target: Target, room: RoomAccess, count: number, seedBytes: number): Promise<JoinResult> {
  await sleep(1_000);
  const rssBefore = rssKb(target.pids ?? target.pid);
  const sampler = new ProcSampler(target.pids ?? target.pid);
  const ownSampler = new ProcSampler(process.pid);
  const overflowsBefore = listenOverflows();
  const windowStart = monotonicUs();
  const clients = Array.from({ length: count }, (_, i) => new LoadClient(room.person(i)));
  await eventually(() => clients.every((c) => c.syncedAt !== null || c.closedAt !== null), {
    what: 'every joiner to sync or fail',
    timeoutMs: 120_000,
    intervalMs: 50,
  }).catch(() => {});
  const proc = sampler.stop();
  logWindow(`${target.name} join ${count}`, windowStart);
  const loadGeneratorCpuPct = ownSampler.stop().cpuPct;
  const overflows = listenOverflows() - overflowsBefore;
  await sleep(1_000);
  const synced = clients.filter((c) => c.syncedAt !== null);
  const rssAfter = rssKb(target.pids ?? target.pid);
  for (const c of clients) c.close();
  await sleep(1_000);
  return {
    connectSync: distribution(synced.map((c) => c.syncedAt! - c.startedAt)),
    open: distribution(synced.map((c) => c.openedAt! - c.startedAt)),
    failed: count - synced.length,
    seedBytes,
    syncBytes: synced[0]?.syncBytes ?? 0,
    rssPerConnectionKb: synced.length ? (rssAfter - rssBefore) / synced.length : Number.NaN,
    proc,
    loadGeneratorCpuPct,
    listenOverflows: overflows,
  };
}

/** S3: a thousand people join a room that already holds some notes. */
export async function runConnectRamp(target: Target, scale: Scale['connectRamp']): Promise<JoinResult> {
  const room = await target.newRoom('s3', scale.clients);
  const seed = await seedNotes(room.ep, scale.seedNotes, 40);
  const result = await joinAtOnce(target, room, scale.clients, seed.bytes);
  seed.seeder.close();
  return result;
}

/** S5: a long workshop's board (thousands of notes, megabytes of state) and a group joining it. */
export async function runLargeRoom(target: Target, scale: Scale['largeRoom']): Promise<JoinResult> {
  const room = await target.newRoom('s5', scale.joiners);
  const seed = await seedNotes(room.ep, scale.notes, scale.noteTextLength);
  const result = await joinAtOnce(target, room, scale.joiners, seed.bytes);
  seed.seeder.close();
  return result;
}
