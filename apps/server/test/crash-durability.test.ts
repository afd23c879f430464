import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, destroyAllClients, rawSocket, waitFor, wsUrl, type TestClient } from './helpers/clients.ts';
import { removeDataDir, tempDataDir } from './helpers/server.ts';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  destroyAllClients();
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  dirs.splice(0).forEach(removeDataDir);
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** The real entry point in its own process, as `pnpm start` runs it (one process: SIGKILL hits the server itself). */
async function spawnServer(dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CROSSBOARD_DATA: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Crossboard is running at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited ${code}:\n${output}`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

const clockOf = (doc: Y.Doc, client: number) => Y.decodeStateVector(Y.encodeStateVector(doc)).get(client) ?? 0;

describe('a crash', () => {
  it('loses nothing that any client had received from the server', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const first = await spawnServer(dataDir);
    const res = await fetch(`${first.base}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Crash test' }),
    });
    const { id, facilitatorToken } = (await res.json()) as { id: string; facilitatorToken: string };
    const room = `${id}/board`;
    const ws = first.base.replace('http', 'ws') + '/ws';
    const writers = [connectClient(ws, room, facilitatorToken), connectClient(ws, room, facilitatorToken)];
    const observer = connectClient(ws, room, facilitatorToken);
    const all: TestClient[] = [...writers, observer];
    await waitFor(() => all.every((c) => c.provider.synced), 'all synced');

    // Both writers type steadily; the kill lands while updates are in flight.
    let typing = true;
    const typed = writers.map(async (w, n) => {
      for (let i = 0; typing; i++) {
        w.doc.getMap('notes').set(`w${n}-${i}`, `note ${i} by writer ${n}`);
        await new Promise((r) => setTimeout(r, 2));
      }
    });
    await waitFor(() => observer.doc.getMap('notes').size >= 100, 'observer has received 100 notes');
    first.child.kill('SIGKILL');
    typing = false;
    await Promise.all(typed);
    await waitFor(() => all.every((c) => !c.provider.wsconnected), 'clients noticed the crash');
    for (const c of all) c.provider.disconnect();

    // What each client got from the server: the observer's whole doc, each writer's copy of the other's notes.
    const received: [number, number][] = [
      ...writers.map((w) => [w.doc.clientID, clockOf(observer.doc, w.doc.clientID)] as [number, number]),
      [writers[1]!.doc.clientID, clockOf(writers[0]!.doc, writers[1]!.doc.clientID)],
      [writers[0]!.doc.clientID, clockOf(writers[1]!.doc, writers[0]!.doc.clientID)],
    ];
    expect(received.every(([, clock]) => clock > 0)).toBe(true);

    const second = await spawnServer(dataDir);
    const reader = connectClient(second.base.replace('http', 'ws') + '/ws', room, facilitatorToken);
    await waitFor(() => reader.provider.synced, 'reader synced after restart');
    for (const [client, clock] of received) expect(clockOf(reader.doc, client)).toBeGreaterThanOrEqual(clock);
    for (const [key, value] of observer.doc.getMap('notes')) expect(reader.doc.getMap('notes').get(key)).toBe(value);

    // A polite stop: sockets hear 1001 and the process exits cleanly.
    const sock = rawSocket(wsUrl(second.base.replace('http', 'ws') + '/ws', room, facilitatorToken));
    await sock.opened;
    const exited = new Promise<number | null>((resolve) => second.child.once('exit', (code) => resolve(code)));
    second.child.kill('SIGTERM');
    expect((await sock.closed).code).toBe(1001);
    expect(await exited).toBe(0);
  });
});
