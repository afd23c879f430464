import { LoadClient, type Endpoint } from '../load-client.ts';
import { ProcSampler, rssKb, type ProcWindow } from '../proc-stats.ts';
import { seedNotes } from '../room-load.ts';
import { distribution, sleep, waitFor, type Distribution } from '../stats.ts';
import type { Target } from '../targets.ts';
import type { Scale } from '../scale.ts';

export interface JoinResult {
  /** From opening the socket to holding the server's sync step 2. */
  connectSync: Distribution;
  failed: number;
  seedBytes: number;
  syncBytes: number;
  rssPerConnectionKb: number;
  proc: ProcWindow;
}

/**
 * Everyone joins at the same moment (a facilitator says "open the link now"): all sockets
 * are opened in one tick and each is timed until the room's state has arrived. The
 * state is not applied, so the load generator's own Yjs work stays out of the number.
 */
async function joinAtOnce(target: Target, ep: Endpoint, count: number, seedBytes: number): Promise<JoinResult> {
  await sleep(1_000);
  const rssBefore = rssKb(target.pid);
  const sampler = new ProcSampler(target.pid);
  const clients = Array.from({ length: count }, () => new LoadClient(ep));
  await waitFor('every joiner to sync or fail', () => clients.every((c) => c.syncedAt !== null || c.closedAt !== null), 120_000).catch(() => {});
  const proc = sampler.stop();
  await sleep(1_000);
  const synced = clients.filter((c) => c.syncedAt !== null);
  const rssAfter = rssKb(target.pid);
  for (const c of clients) c.close();
  await sleep(1_000);
  return {
    connectSync: distribution(synced.map((c) => c.syncedAt! - c.startedAt)),
    failed: count - synced.length,
    seedBytes,
    syncBytes: synced[0]?.syncBytes ?? 0,
    rssPerConnectionKb: synced.length ? (rssAfter - rssBefore) / synced.length : Number.NaN,
    proc,
  };
}

/** S3: a thousand people join a room that already holds some notes. */
export async function runConnectRamp(target: Target, scale: Scale['connectRamp']): Promise<JoinResult> {
  const ep = await target.newRoom('s3');
  const seed = await seedNotes(ep, scale.seedNotes, 40);
  const result = await joinAtOnce(target, ep, scale.clients, seed.bytes);
  seed.seeder.close();
  return result;
}

/** S5: a long workshop's board (thousands of notes, megabytes of state) and a group joining it. */
export async function runLargeRoom(target: Target, scale: Scale['largeRoom']): Promise<JoinResult> {
  const ep = await target.newRoom('s5');
  const seed = await seedNotes(ep, scale.notes, scale.noteTextLength);
  const result = await joinAtOnce(target, ep, scale.joiners, seed.bytes);
  seed.seeder.close();
  return result;
}
