import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HTTP_LIMITS, HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, type HttpLimits } from '../src/limits.ts';
import { rawSocket, waitFor, wsUrl } from './helpers/clients.ts';
import { createWorkshop } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

/**
 * Issue 11, finding 10: a client sending its body one byte at a time held its socket for
 * ever (5,000 such sockets were all still held after 150 s). Before the fix Node's defaults
 * applied here: no request timeout, and a slow body was never cut.
 * The timeouts are made small through build options; the bounds below are derived from them.
 */
const TIMEOUTS = {
  headersTimeoutMs: 400,
  requestTimeoutMs: 800,
  connectionIdleTimeoutMs: 1_200,
  timeoutCheckIntervalMs: 100,
} satisfies Partial<HttpLimits>;
/** Scheduling slack on a slow shared machine; still far below the 20 s the trickle would take. */
const SLACK_MS = 3_000;
const TRICKLE_EVERY_MS = 100;

const server = useServer({ httpLimits: TIMEOUTS });

interface Slow {
  socket: Socket;
  received: () => string;
  /** Milliseconds from connect until the server closed the socket. */
  closedAfter: Promise<number>;
  stop(): void;
}

/** A raw TCP client writing `head` at once, then one byte of `trickle` every TRICKLE_EVERY_MS. */
function slowClient(port: number, head: string, trickle: string): Slow {
  const socket = connect(port, '127.0.0.1');
  const started = Date.now();
  let received = '';
  let i = 0;
  socket.on('data', (c: Buffer) => (received += c.toString()));
  socket.on('error', () => {});
  socket.once('connect', () => socket.write(head));
  const timer = setInterval(() => {
    if (!socket.writable || i >= trickle.length) return;
    socket.write(trickle[i++]!);
  }, TRICKLE_EVERY_MS);
  const closedAfter = new Promise<number>((resolve) =>
    socket.once('close', () => {
      clearInterval(timer);
      resolve(Date.now() - started);
    }),
  );
  return { socket, received: () => received, closedAfter, stop: () => (clearInterval(timer), socket.destroy()) };
}

const body = JSON.stringify({ title: 'x'.repeat(200) });

describe('slow clients', () => {
  it('the production defaults are set, with the headers bound inside the request bound', () => {
    expect(DEFAULT_HTTP_LIMITS.requestTimeoutMs).toBe(REQUEST_TIMEOUT_MS);
    expect(DEFAULT_HTTP_LIMITS.headersTimeoutMs).toBe(HEADERS_TIMEOUT_MS);
    expect(HEADERS_TIMEOUT_MS).toBeLessThanOrEqual(REQUEST_TIMEOUT_MS);
    expect(REQUEST_TIMEOUT_MS).toBeLessThanOrEqual(60_000);
    expect(DEFAULT_HTTP_LIMITS.connectionIdleTimeoutMs).toBeGreaterThan(0);
  });

  it('a body trickling one byte at a time is answered 408 in the API format and closed after requestTimeout', async () => {
    const head =
      `POST /api/workshops HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    // 200+ bytes at 10 per second would take 20 s to arrive.
    const slow = slowClient(server.port, head, body);
    const closedAfter = await slow.closedAfter;
    expect(closedAfter).toBeGreaterThanOrEqual(TIMEOUTS.requestTimeoutMs - TIMEOUTS.timeoutCheckIntervalMs);
    expect(closedAfter).toBeLessThan(TIMEOUTS.requestTimeoutMs + TIMEOUTS.timeoutCheckIntervalMs + SLACK_MS);
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408 /);
    const json = slow.received().slice(slow.received().indexOf('\r\n\r\n') + 4);
    expect(JSON.parse(json)).toEqual({ error: { code: 'REQUEST_TIMEOUT', message: expect.any(String) } });
  });

  it('headers trickling one byte at a time are cut after headersTimeout', async () => {
    const slow = slowClient(server.port, 'GET /api/time HTTP/1.1\r\n', 'X-Slow: ' + 'a'.repeat(200));
    const closedAfter = await slow.closedAfter;
    expect(closedAfter).toBeGreaterThanOrEqual(TIMEOUTS.headersTimeoutMs - TIMEOUTS.timeoutCheckIntervalMs);
    expect(closedAfter).toBeLessThan(TIMEOUTS.headersTimeoutMs + TIMEOUTS.timeoutCheckIntervalMs + SLACK_MS);
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('a socket that says nothing is closed', async () => {
    const silent = slowClient(server.port, '', '');
    const closedAfter = await silent.closedAfter;
    expect(closedAfter).toBeLessThan(TIMEOUTS.connectionIdleTimeoutMs + SLACK_MS);
  });

  it('a request sent at normal speed is served, and a WebSocket outlives every HTTP timeout', async () => {
    const w = await createWorkshop(server.app);
    const ws = rawSocket(wsUrl(server.ws, `${w.id}/board`, w.facilitatorToken));
    await ws.opened;
    let closed = false;
    void ws.closed.then(() => (closed = true));
    const res = await fetch(`${server.http}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(201);
    const outlive = TIMEOUTS.connectionIdleTimeoutMs + TIMEOUTS.timeoutCheckIntervalMs * 3;
    await new Promise((r) => setTimeout(r, outlive));
    expect(closed).toBe(false);
    await waitFor(() => ws.ws.readyState === ws.ws.OPEN, 'socket still open');
    ws.ws.close();
  });
});
