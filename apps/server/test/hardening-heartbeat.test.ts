import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectSynced, waitFor, wsUrl } from './helpers/clients.ts';
import { createWorkshop } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

const INTERVAL = 500;
const server = useServer({ limits: { heartbeatIntervalMs: INTERVAL } });

function socket(url: string, autoPong: boolean) {
  const ws = new WebSocket(url, { autoPong });
  ws.on('error', () => {});
  let pings = 0;
  ws.on('ping', () => pings++);
  return {
    ws,
    pings: () => pings,
    opened: new Promise<void>((resolve) => ws.once('open', () => resolve())),
    closed: new Promise<number>((resolve) => ws.once('close', (code) => resolve(code))),
  };
}

describe('a socket that stops answering pings', () => {
  it('is cut at the heartbeat after its first unanswered ping and leaves its room, while answering sockets stay', async () => {
    const w = await createWorkshop(server.app);
    const room = `${w.id}/board`;
    const healthy = await connectSynced(server.ws, room, w.facilitatorToken);
    const answering = socket(wsUrl(server.ws, room, w.facilitatorToken), true);
    const silent = socket(wsUrl(server.ws, room, w.facilitatorToken), false);
    await Promise.all([answering.opened, silent.opened]);
    const roomState = server.app.crossboard.rooms.loaded(room)!;
    await waitFor(() => roomState.clientCount === 3, 'three clients in the room');

    await silent.closed;
    // Counted in heartbeats, not milliseconds (a loaded machine stretches both alike): the
    // first tick pings, the next finds no pong and cuts, so exactly one ping went unanswered.
    expect(silent.pings()).toBe(1);
    await waitFor(() => roomState.clientCount === 2, 'the silent socket left the room');

    // Several intervals later the answering ones are still here.
    await waitFor(() => answering.pings() >= 4, 'four pings answered', 15_000);
    expect(answering.ws.readyState).toBe(WebSocket.OPEN);
    expect(healthy.provider.wsconnected).toBe(true);
    expect(roomState.clientCount).toBe(2);
    const metrics = (await server.app.inject('/metrics')).body;
    expect(metrics).toMatch(/^crossboard_heartbeat_timeouts_total [1-9]/m);
    answering.ws.close();
  });
});
