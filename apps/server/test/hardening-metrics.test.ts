import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSynced, destroyAllClients, rawSocket, waitFor, wsUrl } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant, removeDataDir, startServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  destroyAllClients();
  await server.close();
  removeDataDir(server.dataDir);
});

const value = (body: string, series: string) => {
  const line = body.split('\n').find((l) => l.startsWith(series + ' ') || (l.startsWith(series + '{') && l.includes(series)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
};

describe('/metrics', () => {
  it('reports lag, memory, rooms, connections by role, drops by reason and storage latency', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id);
    const writer = await connectSynced(server.ws, `${w.id}/report`, w.facilitatorToken);
    await connectSynced(server.ws, `${w.id}/report`, ana.token);
    writer.doc.getMap('items').set('k', 'v');
    const bad = rawSocket(wsUrl(server.ws, `${w.id}/report`, w.facilitatorToken));
    await bad.opened;
    bad.ws.send(new Uint8Array([0, 2, 0xff]));
    await bad.closed;
    await waitFor(() => server.app.crossboard.rooms.loaded(`${w.id}/report`)?.clientCount === 2, 'two left');

    const body = (await server.app.inject('/metrics')).body;
    for (const series of ['nodejs_eventloop_lag_p99_seconds', 'nodejs_heap_size_used_bytes', 'process_resident_memory_bytes']) {
      expect(value(body, series), series).toBeGreaterThanOrEqual(0);
    }
    expect(value(body, 'crossboard_rooms_loaded')).toBeGreaterThanOrEqual(1);
    expect(body).toMatch(/^crossboard_connections\{role="facilitator",access="write"\} 1$/m);
    expect(body).toMatch(/^crossboard_connections\{role="participant",access="read"\} 1$/m);
    expect(body).toMatch(/^crossboard_messages_dropped_total\{reason="malformed"\} 1$/m);
    expect(body).toMatch(/^crossboard_ws_closes_total\{code="1007"\} 1$/m);
    expect(value(body, 'crossboard_storage_write_seconds_count')).toBeGreaterThanOrEqual(1);
    for (const name of [
      'crossboard_messages_delayed_total',
      'crossboard_heartbeat_timeouts_total',
      'crossboard_storage_corrupt_rows_total',
      'crossboard_connections_refused_total',
    ]) {
      expect(body, name).toContain(`# TYPE ${name} counter`);
    }
  });
});
