import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { rawSocket, wsUrl } from './helpers/clients.ts';
import { createWorkshop, removeDataDir, startServer, type TestServer } from './helpers/server.ts';

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) {
    await s.close();
    removeDataDir(s.dataDir);
  }
});

/** A server whose log lines are kept, parsed, for the test to read. */
async function loggingServer() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const s = await startServer({ logger: { level: 'info', stream } });
  servers.push(s);
  return { s, lines };
}

describe('log lines about a socket', () => {
  it('name its room and its own connection id, so two tabs of one person can be told apart', async () => {
    const { s, lines } = await loggingServer();
    const w = await createWorkshop(s.app);
    const room = `${w.id}/board`;
    const url = wsUrl(s.ws, room, w.facilitatorToken);
    const first = rawSocket(url);
    const second = rawSocket(url);
    await Promise.all([first.opened, second.opened]);
    // Both answer garbage: each is closed, and each close is logged.
    first.ws.send(Uint8Array.of(99, 1, 2));
    second.ws.send(Uint8Array.of(99, 1, 2));
    await Promise.all([first.closed, second.closed]);

    const bad = lines.filter((l) => l.msg === 'bad message');
    expect(bad).toHaveLength(2);
    for (const line of bad) {
      expect(line.room).toBe(room);
      expect(line.conn).toMatch(/^[0-9a-f]{6}-[0-9a-z]+$/);
      expect(line.personId).toBe(w.facilitatorId);
    }
    expect(bad[0]!.conn).not.toBe(bad[1]!.conn);
  });

  it('a refused socket is logged with its connection id and room too', async () => {
    const { s, lines } = await loggingServer();
    const w = await createWorkshop(s.app);
    const refused = rawSocket(wsUrl(s.ws, `${w.id}/board`, 'not-a-token'));
    await refused.closed;
    const line = lines.find((l) => l.msg === 'websocket refused');
    expect(line).toMatchObject({ room: `${w.id}/board`, conn: expect.stringMatching(/-/) });
  });
});
