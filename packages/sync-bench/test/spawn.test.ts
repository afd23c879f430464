import { fileURLToPath } from 'node:url';
import { eventually, spawnProcess } from '@crossboard/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { collectedMemory } from '../src/collected-memory.ts';
import { type ServerProcess, spawnServer } from '../src/spawn.ts';

/** The bench's pinned servers run on testkit's spawnProcess: ready line, stdin commands, stop. */
const entry = fileURLToPath(new URL('fixtures/line-server.mjs', import.meta.url));
const started: ServerProcess[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((p) => p.stop()));
});

describe("the bench's server spawner", () => {
  it('resolves once the ready line is printed, answers on stdin, and stops', async () => {
    const proc = await spawnServer(entry, {}, /^LISTENING$/);
    started.push(proc);
    expect(proc.log).toEqual([`starting up (pid ${proc.pid})`, 'LISTENING']);
    const reply = proc.nextLine(/^ECHO /, 5_000);
    proc.child.stdin!.write('eld\n');
    expect(await reply).toBe('ECHO eld');
    await proc.stop();
    expect(proc.child.exitCode !== null || proc.child.signalCode !== null).toBe(true);
  });

  it('rejects with the last lines when the process exits before it is ready', async () => {
    await expect(spawnServer(entry, { MODE: 'exit' }, /^LISTENING$/)).rejects.toThrow(/exited \(2\):\nstarting up \(pid \d+\)$/);
  });

  it('kills a process that stays silent past the ready timeout', async () => {
    const start = spawnProcess([process.execPath, entry], { env: { MODE: 'silent' }, ready: /^LISTENING$/, readyTimeoutMs: 500 });
    const error: Error = await start.then(
      () => new Error('started'),
      (e: Error) => e,
    );
    expect(error.message).toMatch(/^no line matching \/\^LISTENING\$\/ within 500 ms:\nstarting up \(pid \d+\)$/);
    const pid = Number(/pid (\d+)/.exec(error.message)![1]);
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    await eventually(() => !alive(), { what: `process ${pid} to be gone`, timeoutMs: 5_000 });
  });

  it('weighs what a server holds after collecting, not the garbage it has yet to collect', async () => {
    const proc = await spawnServer(fileURLToPath(new URL('fixtures/holding-server.mjs', import.meta.url)), {}, /^LISTENING$/);
    started.push(proc);
    const ask = async (command: string, answer: RegExp) => {
      const reply = proc.nextLine(answer, 10_000);
      proc.child.stdin!.write(`${command}\n`);
      await reply;
    };
    const base = await collectedMemory(proc.pid);
    await ask('hold', /^HELD$/);
    const holding = await collectedMemory(proc.pid);
    expect(holding.heapKb - base.heapKb).toBeGreaterThan(25 * 1024);
    expect(holding.rssKb - base.rssKb).toBeGreaterThan(25 * 1024);
    // Dropped but never collected by the server itself: the reading must not count it.
    await ask('drop', /^DROPPED$/);
    const dropped = await collectedMemory(proc.pid);
    expect(dropped.heapKb - base.heapKb).toBeLessThan(2 * 1024);
  });
});
