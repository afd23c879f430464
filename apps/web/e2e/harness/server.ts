import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CreatedWorkshop, createWorkshop, spawnServer } from '@crossboard/testkit';

export type { CreatedWorkshop };

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
  /** Workshop API helpers, as a facilitator would call them. */
  createWorkshop(body?: Record<string, unknown>): Promise<CreatedWorkshop>;
}

/** Starts the real server in its own process, on a free port and a temp data dir. */
export async function startServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crossboard-e2e-'));
  const server = await spawnServer({ dataDir, timeoutMs: 60_000 });
  return {
    url: server.base,
    port: server.port,
    dataDir,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    createWorkshop: (body = {}) => createWorkshop(server.base, { title: 'E2E workshop', themes: ['Mobility', 'Data sharing'], ...body }),
  };
}
