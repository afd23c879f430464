import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../src/app.ts';
import { removeDataDir, tempDataDir } from './helpers/server.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDataDir));

async function appWith(webDistDir: string) {
  const dataDir = tempDataDir();
  dirs.push(dataDir, webDistDir);
  return build({ dataDir, webDistDir });
}

describe('the web app', () => {
  it('is served at / with its assets, and deep links fall back to index.html', async () => {
    const dist = tempDataDir();
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Crossboard app</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("app")');
    const app = await appWith(dist);
    expect((await app.inject('/')).body).toContain('Crossboard app');
    const js = await app.inject('/assets/app.js');
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    const deep = await app.inject('/w/abc123/board');
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('Crossboard app');
    expect((await app.inject('/api/unknown')).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/w/abc' })).statusCode).toBe(404);
    await app.close();
  });

  it('says to run pnpm build when the app has not been built', async () => {
    const app = await appWith(join(tempDataDir(), 'missing'));
    const res = await app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('pnpm build');
    await app.close();
  });
});
