import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, destroyAllClients, rawSocket, waitFor, wsUrl, type TestClient } from './helpers/clients.ts';
import { createWorkshop } from '@crossboard/testkit';
import { killChildren, spawnServer } from './helpers/child-server.ts';
import { removeDataDir, tempDataDir } from './helpers/server.ts';
import { createRecommendation, reportRecommendations } from '@crossboard/model';

const dirs: string[] = [];

afterEach(() => {
  destroyAllClients();
  killChildren();
  dirs.splice(0).forEach(removeDataDir);
});

const clockOf = (doc: Y.Doc, client: number) => Y.decodeStateVector(Y.encodeStateVector(doc)).get(client) ?? 0;

describe('a crash', () => {
  it('loses nothing that any client had received from the server', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const first = await spawnServer(dataDir);
    const { id, facilitatorToken } = await createWorkshop(first.base, { title: 'Crash test' });
    // The report room, written as the report page does: recommendations, keyed by id, titled.
    const room = `${id}/report`;
    const ws = first.base.replace('http', 'ws') + '/ws';
    const writers = [connectClient(ws, room, facilitatorToken), connectClient(ws, room, facilitatorToken)];
    const observer = connectClient(ws, room, facilitatorToken);
    const all: TestClient[] = [...writers, observer];
    await waitFor(() => all.every((c) => c.provider.synced), 'all synced');

    // Both writers type steadily; the kill lands while updates are in flight.
    let typing = true;
    const typed = writers.map(async (w, n) => {
      for (let i = 0; typing; i++) {
        createRecommendation(w.doc, { id: `w${n}-${i}`, title: `note ${i} by writer ${n}`, order: 0 });
        await new Promise((r) => setTimeout(r, 2));
      }
    });
    await waitFor(() => reportRecommendations(observer.doc).size >= 100, 'observer has received 100 notes');
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
    for (const [key, value] of reportRecommendations(observer.doc)) {
      expect(reportRecommendations(reader.doc).get(key)?.get('title')).toBe(value.get('title'));
    }

    // A polite stop: sockets hear 1001 and the process exits cleanly.
    const sock = rawSocket(wsUrl(second.base.replace('http', 'ws') + '/ws', room, facilitatorToken));
    await sock.opened;
    const exited = new Promise<number | null>((resolve) => second.child.once('exit', (code) => resolve(code)));
    second.child.kill('SIGTERM');
    expect((await sock.closed).code).toBe(1001);
    expect(await exited).toBe(0);
  });
});
