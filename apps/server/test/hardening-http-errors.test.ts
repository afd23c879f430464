import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useServer } from './helpers/use-server.ts';

/**
 * Issue 11, finding 14 (e): a URL that does not decode was answered in Fastify's own format
 * (`{ error: "Bad Request", code: "FST_ERR_BAD_URL", statusCode: 400 }`), not the API's
 * `{ error: { code, message } }`; so were requests Node refuses before Fastify sees them.
 */

const server = useServer();

/** Writes raw bytes on a fresh TCP connection and reads until the server closes it. */
function rawExchange(bytes: string): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.end(bytes));
    let received = '';
    socket.on('data', (c: Buffer) => (received += c.toString()));
    socket.on('error', () => {});
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1]);
      try {
        resolve({ status, json: JSON.parse(received.slice(received.indexOf('\r\n\r\n') + 4)) });
      } catch (e) {
        reject(new Error(`not JSON: ${received}`, { cause: e }));
      }
    });
  });
}

const apiError = (code: string) => ({ error: { code, message: expect.any(String) } });

describe('errors before any route', () => {
  it('a malformed percent-encoding in the path is a 400 INVALID_URL in the API format', async () => {
    const res = await server.app.inject('/api/workshops/%E0%A4%A');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual(apiError('INVALID_URL'));
    // Over a real socket, as a browser or curl would send it.
    expect(await rawExchange('GET /api/workshops/%E0%A4%A/public HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toEqual({
      status: 400,
      json: apiError('INVALID_URL'),
    });
  });

  it('a path parameter past its length is a 414 URL_TOO_LONG in the API format', async () => {
    const res = await server.app.inject(`/api/workshops/${'a'.repeat(500)}/public`);
    expect(res.statusCode).toBe(414);
    expect(res.json()).toEqual(apiError('URL_TOO_LONG'));
  });

  it('bytes that are not HTTP, and headers too large, are answered in the API format too', async () => {
    expect(await rawExchange('HELLO THERE\r\n\r\n')).toEqual({ status: 400, json: apiError('INVALID_REQUEST') });
    const huge = `GET /api/time HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`;
    expect(await rawExchange(huge)).toEqual({ status: 431, json: apiError('HEADERS_TOO_LARGE') });
  });
});
