import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The server serves the built app; build it once if a developer has not yet. */
export default function setup(): void {
  if (!existsSync(`${webRoot}/dist/index.html`)) {
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    execFileSync('pnpm', ['--filter', '@crossboard/web', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
}
