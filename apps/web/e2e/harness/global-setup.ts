import { existsSync, readdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('../..', import.meta.url));
// What the bundle is made from, including the settings that change it (the model's "sideEffects").
const sources = [
  join(webRoot, 'src'),
  join(webRoot, '../../packages/model/src'),
  join(webRoot, '../../packages/model/package.json'),
  join(webRoot, 'index.html'),
  join(webRoot, 'vite.config.ts'),
];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

/**
 * The server serves the built app: build it when there is none or the sources changed since,
 * so an end-to-end run never tests yesterday's bundle.
 */
export default function setup(): void {
  const built = `${webRoot}/dist/index.html`;
  const stale = !existsSync(built) || sources.some((s) => newestChange(s) > statSync(built).mtimeMs);
  if (stale) {
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    execFileSync('pnpm', ['--filter', '@crossboard/web', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
}
