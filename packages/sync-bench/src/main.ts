/**
 * `pnpm bench:sync [--quick] [--only=s1,s1b,s2,s3,s4,s5,s6] [--servers=crossboard,crossboard-2p,y-websocket,hocuspocus,hocuspocus-4] [--write]
 *   [--cpu-prof-dir=DIR] [--s2-rates=1000,1000] [--s2-seconds=20]`
 *
 * `--cpu-prof-dir`: our server runs under `node --cpu-prof`; read it with src/profile-summary.ts.
 * `--s2-rates` / `--s2-seconds` replace S2's steps, to compare builds at one rate over longer
 * or repeated steps (such a run does not write the published table).
 *
 * Runs each server in turn in its own child process (core 0) against this load generator
 * (core 1) and prints one markdown table. `crossboard-2p` is ours as two processes sharing
 * rooms through PostgreSQL and Redis (DATABASE_URL, REDIS_URL; a fresh schema per run), both
 * on core 0. A full run writes the table into docs/bench-sync.md.
 */
import { cpus, loadavg } from 'node:os';
import { readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FULL, QUICK } from './scale.ts';
import { startTarget, ourServerExists, TARGET_NAMES, type TargetName } from './targets.ts';
import { hasTaskset, packageDir, pinSelfToLoadCore, repoDir } from './spawn.ts';
import { runFanOut } from './scenarios/fan-out.ts';
import { runConnectRamp, runLargeRoom } from './scenarios/join.ts';
import { runBadInput } from './scenarios/bad-input.ts';
import { runManyRooms } from './scenarios/many-rooms.ts';
import { runRoomMemory } from './scenarios/room-memory.ts';
import { markdownTable, type TargetResults } from './report.ts';
import { rssKb } from './proc-stats.ts';
import { writeDoc } from '@crossboard/testkit';

const SCENARIOS = ['s1', 's1b', 's2', 's3', 's4', 's5', 's6'] as const;
type Scenario = (typeof SCENARIOS)[number];

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    servers: { type: 'string' },
    write: { type: 'boolean' },
    'cpu-prof-dir': { type: 'string' },
    's2-rates': { type: 'string' },
    's2-seconds': { type: 'string' },
  },
});
const baseScale = args.quick ? QUICK : FULL;
const scale = {
  ...baseScale,
  manyRooms: {
    ...baseScale.manyRooms,
    rates: args['s2-rates']?.split(',').map(Number) ?? baseScale.manyRooms.rates,
    stepSeconds: args['s2-seconds'] ? Number(args['s2-seconds']) : baseScale.manyRooms.stepSeconds,
  },
};
const scenarios = (args.only?.split(',') ?? SCENARIOS) as Scenario[];
const servers = (args.servers?.split(',') ?? TARGET_NAMES) as TargetName[];
// Only a complete, unprofiled full run replaces the published table (unless --write says so).
const write =
  args.write ?? (!args.quick && !args.only && !args.servers && !args['cpu-prof-dir'] && !args['s2-rates'] && !args['s2-seconds']);

const pinned = pinSelfToLoadCore();
// Other work on this shared machine shows up here; a busy start means noisy numbers.
const loadAtStart = loadavg()[0]!.toFixed(2);
const yjsDir = (from: string) => realpathSync(join(from, 'node_modules/yjs'));
const yjsVersion = (JSON.parse(readFileSync(join(yjsDir(packageDir), 'package.json'), 'utf8')) as { version: string }).version;
if (ourServerExists() && yjsDir(join(repoDir, 'apps/server')) !== yjsDir(packageDir)) {
  console.warn('warning: apps/server resolves a different yjs than the peers');
}

/**
 * Resident memory of a server that has started and served nobody yet: what an operator sees
 * on a quiet day. Read after IDLE_SETTLE_MS so start-up's own garbage has had its collection.
 */
const IDLE_SETTLE_MS = 5_000;
async function idleRss(target: { pid: number; pids?: number[] }): Promise<number> {
  await new Promise((r) => setTimeout(r, IDLE_SETTLE_MS));
  return rssKb(target.pids ?? target.pid);
}

const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const results = {} as Record<TargetName, TargetResults>;

for (const name of servers) {
  const r: TargetResults = (results[name] = {});
  if (name.startsWith('crossboard') && !ourServerExists()) {
    r.error = 'apps/server/src/main.ts does not exist yet';
    continue;
  }
  log(`${name}: starting`);
  const profileDir = args['cpu-prof-dir'] && resolve(process.env.INIT_CWD ?? process.cwd(), args['cpu-prof-dir']);
  const target = await startTarget(name, profileDir).catch((e: Error) => {
    r.error = e.message;
    return null;
  });
  if (!target) continue;
  try {
    r.idleRssKb = await idleRss(target);
    for (const s of scenarios) {
      log(`${name}: ${s}`);
      try {
        if (s === 's1') r.s1 = await runFanOut(target, scale.fanOut, { label: 's1', awareness: false });
        if (s === 's1b') r.s1b = await runFanOut(target, scale.fanOut, { label: 's1b', awareness: true });
        if (s === 's2') r.s2 = await runManyRooms(target, scale.manyRooms);
        if (s === 's4') r.s4 = await runRoomMemory(target, scale.roomMemory);
        if (s === 's3') r.s3 = await runConnectRamp(target, scale.connectRamp);
        if (s === 's5') r.s5 = await runLargeRoom(target, scale.largeRoom);
        if (s === 's6') r.s6 = await runBadInput(target, scale.fanOut, scale.badInput);
      } catch (e) {
        r.error = `${r.error ? `${r.error}; ` : ''}${s}: ${(e as Error).message}`;
        log(`${name}: ${s} failed: ${(e as Error).message}`);
      }
    }
  } finally {
    await target.stop();
  }
}

const command = `pnpm bench:sync${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}`;
const cpu = cpus();
const header = [
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`${command}\`${args.quick ? ' (quick: a smoke check, not a measurement)' : ''}.`,
  `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, Yjs ${yjsVersion}; ` +
    (pinned && hasTaskset ? 'server on core 0, load generator on core 1 (taskset)' : 'no taskset: server and load generator share cores') +
    `; 1-minute load average at start ${loadAtStart}.`,
  `Scale: S1/S1b ${scale.fanOut.clients} clients, ${scale.fanOut.writers} writers at ${scale.fanOut.hz} Hz for ${scale.fanOut.seconds} s; ` +
    `S2 ${scale.manyRooms.rooms} rooms × ${scale.manyRooms.clientsPerRoom} clients, ${scale.manyRooms.writersPerRoom} writers each, ` +
    `${scale.manyRooms.rates.join(' → ')} updates/s for ${scale.manyRooms.stepSeconds} s each; ` +
    `S3 ${scale.connectRamp.clients} joins at once; S4 ${scale.roomMemory.rooms} rooms, watched ${scale.roomMemory.watchSeconds} s after leaving; S5 ${scale.largeRoom.notes} notes, ${scale.largeRoom.joiners} joins at once; ` +
    `S6 ${(scale.badInput.bigMessageBytes / 1024 / 1024).toFixed(0)} MB message, ${scale.badInput.garbageFrames} garbage frames, ${scale.badInput.floodConnections} tokenless sockets.`,
].join('\n');
const report = `${header}\n\n${markdownTable(results, Math.round(scale.badInput.bigMessageBytes / 1024 / 1024))}\n`;
console.log(report);

if (write) {
  const docPath = join(repoDir, 'docs/bench-sync.md');
  const doc = readFileSync(docPath, 'utf8');
  const start = '<!-- results:start -->';
  const end = '<!-- results:end -->';
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) throw new Error(`${docPath} has no ${start} … ${end} section`);
  writeDoc(docPath, `${doc.slice(0, i + start.length)}\n${report}${doc.slice(j)}`);
  log(`wrote ${docPath}`);
}
process.exit(0);
