import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { AttackPlan, AttackResults, Closure } from '../attacker.ts';
import { rssKb } from '../proc-stats.ts';
import { LOAD_CORE, pinnedNode } from '../spawn.ts';
import { percentile } from '../stats.ts';
import type { RoomAccess, Target } from '../targets.ts';
import type { Scale } from '../scale.ts';
import { runFanOut, type FanOutResult } from './fan-out.ts';

export type { Closure };

export interface BadInputResult extends AttackResults {
  load: FanOutResult;
  rssRiseKb: number;
  /** Others' fan-out p99 for updates sent before the attacks, while they ran, and during each one. */
  othersP99BeforeMs: number;
  othersP99DuringMs: number;
  othersP99ByAttackMs: { bigMessage: number; garbage: number; flood: number };
}

/** The attacker process, started (and its TypeScript compiled) before the load begins. */
function startAttacker() {
  const argv = pinnedNode(fileURLToPath(new URL('../attacker.ts', import.meta.url)), LOAD_CORE);
  const child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const exited = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`attacker exited (${code})`))));
  const next = async <T>(): Promise<T> => {
    const line = await Promise.race([lines.next(), exited]);
    return JSON.parse(line.value as string) as T;
  };
  return {
    send: (message: unknown) => child.stdin!.write(`${typeof message === 'string' ? message : JSON.stringify(message)}\n`),
    next,
    stop: () => child.kill(),
  };
}

/** S6: S1's room under load while sockets of another process misbehave in each way we know of. */
export async function runBadInput(target: Target, fanOut: Scale['fanOut'], scale: Scale['badInput']): Promise<BadInputResult> {
  let attackStart = 0;
  let attackEnd = 0;
  let rssBefore = 0;
  let rssPeak = 0;
  let results: AttackResults | null = null;
  const attacker = startAttacker();

  const attack = async (room: RoomAccess) => {
    const plan: AttackPlan = {
      big: room.person(fanOut.clients),
      noisy: room.person(fanOut.clients + 1),
      flood: room.ep,
      bigMessageBytes: scale.bigMessageBytes,
      garbageFrames: scale.garbageFrames,
      floodConnections: scale.floodConnections,
      closeWaitMs: scale.closeWaitMs,
    };
    attacker.send(plan);
    await attacker.next<{ ready: true }>();
    rssBefore = rssPeak = rssKb(target.pids ?? target.pid);
    const rssTimer = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssKb(target.pids ?? target.pid));
    }, 100);
    attackStart = performance.now();
    attacker.send('go');
    results = await attacker.next<AttackResults>();
    attackEnd = performance.now();
    clearInterval(rssTimer);
  };

  try {
    // S1's length plus room for the attacks, which start a quarter of the way in.
    const load = await runFanOut(
      target,
      { ...fanOut, seconds: fanOut.seconds + (3 * scale.closeWaitMs) / 1_000 },
      { label: 's6', awareness: false, beside: attack },
    );
    if (!results) throw new Error('the attacks did not report');
    const { phases } = results as AttackResults;
    // The attacker's clock is the epoch; ours is performance.now().
    const local = (epochMs: number) => epochMs - performance.timeOrigin;
    const p99Between = (from: number, to: number) =>
      percentile(Float64Array.from(load.samples.filter((s) => s.sentAt >= from && s.sentAt < to).map((s) => s.latencyMs)).sort(), 99);
    return {
      ...(results as AttackResults),
      load,
      rssRiseKb: rssPeak - rssBefore,
      othersP99BeforeMs: p99Between(0, attackStart),
      othersP99DuringMs: p99Between(attackStart, attackEnd),
      othersP99ByAttackMs: {
        bigMessage: p99Between(local(phases.bigMessage), local(phases.garbage)),
        garbage: p99Between(local(phases.garbage), local(phases.flood)),
        flood: p99Between(local(phases.flood), local(phases.end)),
      },
    };
  } finally {
    attacker.stop();
  }
}
