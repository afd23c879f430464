import { afterAll, afterEach, beforeAll } from 'vitest';
import type { BuildOptions } from '../../src/app.ts';
import { destroyAllClients } from './clients.ts';
import { injectAs, removeDataDir, startServer, type TestServer } from './server.ts';

export interface UsedServer extends TestServer {
  /** `injectAs` on this server: an in-process request as whoever holds `token`. */
  call(
    method: Parameters<typeof injectAs>[1],
    url: string,
    token: string,
    payload?: Parameters<typeof injectAs>[4],
  ): ReturnType<typeof injectAs>;
}

/**
 * The set-up most server test files share: one server started before the file's tests and
 * closed after them, its data directory removed, and the sockets each test opened destroyed
 * after it. The fields are read when used, so use them inside tests and hooks. `restart()`
 * returns a new server this object does not follow: a file that restarts keeps its own set-up.
 */
export function useServer(options: Partial<BuildOptions> = {}): UsedServer {
  let started: TestServer | null = null;
  beforeAll(async () => {
    started = await startServer(options);
  });
  afterEach(() => destroyAllClients());
  afterAll(async () => {
    if (!started) return;
    await started.close();
    removeDataDir(started.dataDir);
  });
  const current = (): TestServer => {
    if (!started) throw new Error('the server starts in beforeAll: use it inside a test or a hook');
    return started;
  };
  return {
    get app() {
      return current().app;
    },
    get port() {
      return current().port;
    },
    get http() {
      return current().http;
    },
    get ws() {
      return current().ws;
    },
    get dataDir() {
      return current().dataDir;
    },
    restart: () => current().restart(),
    close: () => current().close(),
    call: (method, url, token, payload) => injectAs(current().app, method, url, token, payload),
  };
}
