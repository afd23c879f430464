import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a benchmark's page under docs/ and formats it as `pnpm lint` expects (Biome pads the
 * tables), so a run's output can be committed as it is.
 */
export function writeDoc(path: string, text: string): void {
  writeFileSync(path, text);
  const formatted = spawnSync('pnpm', ['exec', 'biome', 'format', '--write', path], { cwd: dirname(path), stdio: 'ignore' });
  if (formatted.status !== 0) console.warn(`warning: could not format ${path}; run pnpm lint:fix before committing it`);
}
