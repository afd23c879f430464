/**
 * How long the server takes to start and how much memory it holds once idle, run from the
 * TypeScript sources through tsx (what `pnpm start` ran before the production build, and what
 * `pnpm dev` still runs) and as built JavaScript under plain `node` (what `pnpm start` runs now).
 *
 * Start: from spawning the command to the printed "Crossboard is running at" line.
 * Idle RSS: the resident memory of every process the command started (tsx runs the server in a
 * child node), read from /proc IDLE_MS after start with no client connected.
 *
 * Usage: pnpm bench:start [runs]   (builds packages/model and apps/server first)
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverRoot = fileURLToPath(new URL('../../../apps/server', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const IDLE_MS = 3_000;
const RUNS = Number(process.argv[2] ?? 5);

const VARIANTS = [
  { name: 'tsx src/main.ts (before)', argv: [join(serverRoot, 'node_modules/.bin/tsx'), 'src/main.ts'] },
  { name: 'node dist/main.js (after)', argv: [process.execPath, '--conditions=crossboard-dist', 'dist/main.js'] },
];

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const task of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/)) {
      if (task) out.push(Number(task), ...childrenOf(Number(task)));
    }
  } catch {
    // Gone already.
  }
  return out;
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

interface Sample {
  startMs: number;
  treeRssMb: number;
  serverRssMb: number;
}

async function once(argv: string[]): Promise<Sample> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crossboard-start-'));
  const t0 = performance.now();
  const child = spawn(argv[0]!, argv.slice(1), {
    cwd: serverRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CROSSBOARD_DATA: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const startMs = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Crossboard is running at')) resolve(performance.now() - t0);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited ${code}:\n${output}`)));
  });
  await new Promise((r) => setTimeout(r, IDLE_MS));
  const pids = [child.pid!, ...childrenOf(child.pid!)];
  const rss = pids.map(rssMb);
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
  // The server is the last process of the tree (tsx's child), or the only one.
  return { startMs, treeRssMb: rss.reduce((a, b) => a + b, 0), serverRssMb: rss[rss.length - 1]! };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

const build = spawnSync('pnpm', ['--filter', '@crossboard/model', '--filter', '@crossboard/server', 'build'], {
  cwd: repoRoot,
  stdio: 'inherit',
});
if (build.status !== 0) throw new Error('server build failed');

const samples = new Map<string, Sample[]>(VARIANTS.map((v) => [v.name, []]));
// Interleaved, so a noisy moment on the shared machine hits both variants alike.
for (let i = 0; i < RUNS; i++) {
  for (const v of VARIANTS) samples.get(v.name)!.push(await once(v.argv));
}
console.log(`node ${process.version}, ${RUNS} runs each, idle ${IDLE_MS} ms; medians (min–max)`);
console.log('| command | start to URL (ms) | idle RSS, all processes (MB) | idle RSS, server process (MB) |');
console.log('|---|---|---|---|');
for (const [name, s] of samples) {
  const fmt = (xs: number[]) => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  console.log(`| ${name} | ${fmt(s.map((x) => x.startMs))} | ${fmt(s.map((x) => x.treeRssMb))} | ${fmt(s.map((x) => x.serverRssMb))} |`);
}
