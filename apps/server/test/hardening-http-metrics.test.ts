import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { BuildOptions } from '../src/app.ts';
import { freePort } from '@crossboard/testkit';
import { removeDataDir, startServer, tempDataDir, type TestServer } from './helpers/server.ts';

/**
 * Issue 11, finding 14 (d): /metrics answered anyone who could reach the port. Now:
 * CROSSBOARD_METRICS_TOKEN asks scrapers for a Bearer token; CROSSBOARD_METRICS_PORT (and
 * _HOST, 127.0.0.1 by default) moves /metrics to a listener of its own; with neither, the
 * main port serves it only to a direct client on this machine. Before the fix every request
 * below that expects 401/403/404 got 200.
 */

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    await s.close();
    removeDataDir(s.dataDir);
  }
});

async function server(options: Partial<BuildOptions> = {}) {
  const s = await startServer(options);
  servers.push(s);
  return s;
}

const TOKEN = 'scrape-me-4f1c9a2b7e';

describe('/metrics without a token or port (the default)', () => {
  it('answers a scraper on this machine, directly', async () => {
    const s = await server();
    expect((await s.app.inject('/metrics')).statusCode).toBe(200);
    const res = await fetch(`${s.http}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('crossboard_rooms_loaded');
  });

  it('refuses another machine, and anything that came through a proxy, in the API format', async () => {
    const s = await server({ trustProxy: 'loopback' });
    const remote = await s.app.inject({ url: '/metrics', remoteAddress: '203.0.113.7' });
    expect(remote.statusCode).toBe(403);
    expect(remote.json()).toEqual({ error: { code: 'METRICS_FORBIDDEN', message: expect.stringContaining('CROSSBOARD_METRICS_TOKEN') } });
    for (const headers of [{ 'x-forwarded-for': '203.0.113.7' }, { forwarded: 'for=203.0.113.7' }, { 'x-forwarded-for': '127.0.0.1' }]) {
      const proxied = await fetch(`${s.http}/metrics`, { headers });
      expect(proxied.status, JSON.stringify(headers)).toBe(403);
    }
  });
});

describe('/metrics with CROSSBOARD_METRICS_TOKEN', () => {
  it('needs the Bearer token, from anywhere, even on this machine', async () => {
    const s = await server({ metrics: { token: TOKEN } });
    const missing = await s.app.inject('/metrics');
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error.code).toBe('MISSING_TOKEN');
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer/);
    const wrong = await s.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_TOKEN');
    const right = await s.app.inject({ url: '/metrics', remoteAddress: '203.0.113.7', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain('nodejs_eventloop_lag_p99_seconds');
  });
});

describe('/metrics on its own port', () => {
  it('leaves the main port and is served on the metrics listener only', async () => {
    const s = await server({ metrics: { port: 0, host: '127.0.0.1' } });
    const onMain = await s.app.inject('/metrics');
    expect(onMain.statusCode).toBe(404);
    expect(onMain.json().error.code).toBe('NOT_FOUND');
    const metricsApp = s.app.crossboardMetrics!;
    await metricsApp.listen({ port: 0, host: '127.0.0.1' });
    const { port } = metricsApp.server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('crossboard_connections');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const other = await fetch(`http://127.0.0.1:${port}/api/time`);
    expect(other.status).toBe(404);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('asks for the token there too when one is set', async () => {
    const s = await server({ metrics: { port: 0, token: TOKEN } });
    const metricsApp = s.app.crossboardMetrics!;
    expect((await metricsApp.inject('/metrics')).statusCode).toBe(401);
    expect((await metricsApp.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(200);
  });
});

describe('the settings, read by the entry point', () => {
  const serverDir = fileURLToPath(new URL('..', import.meta.url));
  function run(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
    return freePort().then(
      (port) =>
        new Promise((resolve) => {
          const dataDir = tempDataDir();
          const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
            cwd: serverDir,
            env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CROSSBOARD_DATA: dataDir, LOG_LEVEL: 'warn', ...env },
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let output = '';
          const onData = (c: Buffer) => {
            output += c.toString();
            if (output.includes('Crossboard is running at')) child.kill('SIGTERM');
          };
          child.stdout.on('data', onData);
          child.stderr.on('data', onData);
          const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
          child.once('exit', (code) => {
            clearTimeout(timer);
            removeDataDir(dataDir);
            resolve({ code, output });
          });
        }),
    );
  }

  it('CROSSBOARD_METRICS_PORT starts the metrics listener; a bad proxy or metrics setting stops the start with exit 78', async () => {
    const metricsPort = await freePort();
    const [withPort, trustAll, hostOnly] = await Promise.all([
      run({ CROSSBOARD_METRICS_PORT: String(metricsPort) }),
      run({ CROSSBOARD_TRUST_PROXY: 'true' }),
      run({ CROSSBOARD_METRICS_HOST: '127.0.0.1' }),
    ]);
    expect(withPort.output).toContain(`Metrics at http://127.0.0.1:${metricsPort}/metrics`);
    expect(trustAll.code).toBe(78);
    expect(trustAll.output).toMatch(/CROSSBOARD_TRUST_PROXY=true would let any client pick its address/);
    expect(hostOnly.code).toBe(78);
    expect(hostOnly.output).toMatch(/CROSSBOARD_METRICS_HOST needs CROSSBOARD_METRICS_PORT/);
  }, 60_000);
});
