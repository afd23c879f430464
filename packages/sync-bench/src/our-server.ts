import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoDir } from './spawn.ts';

/** The built server, what `pnpm start` runs: see buildOurServer. */
export const OUR_ENTRY = join(repoDir, 'apps/server/dist/main.js');

let built: boolean | undefined;
/** Builds the model and the server to JavaScript (`pnpm build`'s server half) once per run. */
export function buildOurServer(): boolean {
  built ??=
    spawnSync('pnpm', ['--filter', '@crossboard/model', '--filter', '@crossboard/server', 'build'], {
      cwd: repoDir,
      stdio: ['ignore', 2, 2],
    }).status === 0;
  return built;
}

export function ourServerExists(): boolean {
  return existsSync(join(repoDir, 'apps/server/src/main.ts')) && buildOurServer();
}
