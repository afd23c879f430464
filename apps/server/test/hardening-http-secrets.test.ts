import { chmodSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, DATA_DIR_MODE, DATA_FILE_MODE, SqliteStorage } from '../src/storage/sqlite-storage.ts';
import { rawSocket, wsUrl } from './helpers/clients.ts';
import { createWorkshop, removeDataDir, startServer, tempDataDir, type TestServer } from './helpers/server.ts';

/**
 * Issue 11, finding 14 (a–c). Before the fix: the join code was written to the request log
 * with the URL; the data directory and the database holding the token-signing secret were
 * created 0755/0644; and a token with `!!` or `=` after its signature was accepted.
 */

const servers: TestServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    await s.close();
    removeDataDir(s.dataDir);
  }
});
afterAll(() => dirs.splice(0).forEach(removeDataDir));

const mode = (path: string) => statSync(path).mode & 0o777;

describe('request logs', () => {
  it('never contain a query string: the join code of /w/<id>/join?code=… stays out', async () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(chunk.toString()), done()) });
    const s = await startServer({ logger: { level: 'info', stream } });
    servers.push(s);
    const w = await createWorkshop(s.app);
    const code = 'JOINCODE4242';
    expect((await s.app.inject(`/w/${w.id}/join?code=${code}`)).statusCode).toBe(200);
    // An error answer logs its URL too.
    const failed = await s.app.inject({
      method: 'GET',
      url: `/api/workshops/${w.id}/export?format=nope&code=${code}`,
      headers: { authorization: `Bearer ${w.facilitatorToken}` },
    });
    expect(failed.statusCode).toBe(400);
    const log = lines.join('');
    expect(log).toContain(`/w/${w.id}/join?[redacted]`);
    expect(log).toContain(`/api/workshops/${w.id}/export?[redacted]`);
    expect(log).not.toContain(code);
  });
});

describe('data files', () => {
  it('the data directory is created 0700 and the database with its WAL and SHM files 0600', async () => {
    const parent = tempDataDir();
    dirs.push(parent);
    const dataDir = join(parent, 'crossboard-data');
    const s = await startServer({}, dataDir);
    servers.push(s);
    await createWorkshop(s.app); // a write: the WAL and SHM files exist from here
    const db = join(dataDir, DATABASE_FILE);
    expect(mode(dataDir)).toBe(DATA_DIR_MODE);
    for (const file of [db, `${db}-wal`, `${db}-shm`]) {
      expect(existsSync(file), file).toBe(true);
      expect(mode(file), file).toBe(DATA_FILE_MODE);
    }
    // The signing secret is in that file (no CROSSBOARD_SECRET here).
    expect(s.app.crossboardBackend.sqlite!.getValue('token-secret')).toBeTruthy();
  });

  it("an older install's world-readable database is narrowed to 0600 when opened", () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const first = new SqliteStorage(dataDir);
    first.setValue('k', 'v');
    const db = join(dataDir, DATABASE_FILE);
    for (const f of [db, `${db}-wal`, `${db}-shm`]) if (existsSync(f)) chmodSync(f, 0o644);
    first.close();
    const again = new SqliteStorage(dataDir);
    for (const f of [db, `${db}-wal`, `${db}-shm`]) if (existsSync(f)) expect(mode(f), f).toBe(DATA_FILE_MODE);
    again.close();
  });
});

describe('token signatures', () => {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

  /** Spellings of the same signature that Node's lenient decoder reads as the same bytes. */
  function lenientSpellings(token: string): Record<string, string> {
    const [payload, sig] = token.split('.') as [string, string];
    const last = ALPHABET.indexOf(sig.at(-1)!);
    // 32 bytes take 43 characters: the last one's two low bits are unused.
    const sameBytes = `${payload}.${sig.slice(0, -1)}${ALPHABET[last ^ 1]}`;
    const variants: Record<string, string> = {
      'two bangs': `${token}!!`,
      padding: `${token}=`,
      'double padding': `${token}==`,
      'a space inside': `${payload}.${sig.slice(0, 10)}%20${sig.slice(10)}`,
      'unused bits set': sameBytes,
      'bang in the payload': `${payload}!.${sig}`,
    };
    if (/[-_]/.test(sig)) variants['standard base64 letters'] = `${payload}.${sig.replace(/-/g, '+').replace(/_/g, '/')}`;
    return variants;
  }

  it('only the exact spelling the server signed is accepted, over HTTP and WebSocket', async () => {
    const s = await startServer();
    servers.push(s);
    const w = await createWorkshop(s.app);
    const read = (token: string) =>
      s.app.inject({ method: 'GET', url: `/api/workshops/${w.id}`, headers: { authorization: `Bearer ${token}` } });
    expect((await read(w.facilitatorToken)).statusCode).toBe(200);

    for (const [what, forged] of Object.entries(lenientSpellings(w.facilitatorToken))) {
      if (forged.includes('%20')) continue; // not sendable in a header; tried on the socket below
      const res = await read(forged);
      expect(res.statusCode, what).toBe(401);
      expect(res.json().error.code, what).toBe('INVALID_TOKEN');
    }
    for (const [what, forged] of Object.entries(lenientSpellings(w.facilitatorToken))) {
      const url = wsUrl(s.ws, `${w.id}/board`, decodeURIComponent(forged));
      const closed = await rawSocket(url).closed;
      expect(closed.code, what).toBe(4401);
    }
  });
});
