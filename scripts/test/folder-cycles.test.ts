import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderCycles, folderGraph } from '../folder-cycles.mjs';

/**
 * Scratch source trees: one layered (main → pages → board → ui), one where board and facilitation
 * import each other, and two checkouts (apps/web/src + apps/server/src) whose server is layered or
 * has sync/ and context.ts importing each other.
 */
const here = new URL('.', import.meta.url).pathname;
const fixture = (name: string) => join(here, 'fixtures', 'folder-cycles', name);
const script = join(here, '../folder-cycles.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
/** With no arguments, from a checkout's root: both apps/web/src and apps/server/src are checked. */
const runIn = (cwd: string) => spawnSync(process.execPath, [script], { cwd, encoding: 'utf8' });

describe('the folder cycle check', () => {
  it('builds the folder graph from relative imports, side-effect imports and import()', () => {
    const graph = folderGraph(fixture('layered'));
    const edges = [...graph].flatMap(([from, to]) => [...to.keys()].map((t) => `${from} → ${t}`)).sort();
    expect(edges).toEqual(['./main → board', 'board → ui', 'pages → board', 'pages → ui']);
  });

  it('passes a layered tree', () => {
    const r = run(fixture('layered'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('no folder cycles');
  });

  it('fails on a cycle between two folders and names the imports that make it', () => {
    expect(folderCycles(folderGraph(fixture('cyclic')))).toEqual([['board', 'facilitation']]);
    const r = run(fixture('cyclic'));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('folder cycle between board, facilitation');
    expect(r.stdout).toContain('board/NoteCard.tsx → ../facilitation/VotingPanel.tsx');
    expect(r.stdout).toContain('facilitation/DraftsBoard.tsx → ../board/NoteCard.tsx');
  });

  it('gives a file at the root its own node, so context.ts is not one node with app.ts', () => {
    const graph = folderGraph(join(fixture('server-layered'), 'apps/server/src'));
    const edges = [...graph].flatMap(([from, to]) => [...to.keys()].map((t) => `${from} → ${t}`)).sort();
    expect(edges).toEqual([
      './app → ./context',
      './app → http',
      './context → storage',
      './context → sync',
      'http → ./context',
      'http → sync',
      'sync → ./errors',
    ]);
  });

  it('fails on a server folder cycle with no arguments, as CI runs it', () => {
    const r = runIn(fixture('server-cyclic'));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('apps/web/src: no folder cycles');
    expect(r.stdout).toContain('apps/server/src: folder cycle between ./context, sync');
    expect(r.stdout).toContain('sync/websocket-endpoint.ts → ../context.ts');
    expect(r.stdout).not.toContain('(warning)');
  });

  it('passes a server whose endpoint sits above sync/, with no arguments', () => {
    const r = runIn(fixture('server-layered'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('apps/web/src: no folder cycles');
    expect(r.stdout).toContain('apps/server/src: no folder cycles');
  });

  it('only reports a root given after --warn', () => {
    const r = run(fixture('layered'), '--warn', fixture('cyclic'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('(warning) folder cycle between board, facilitation');
  });
});
