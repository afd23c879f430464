import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipBytes, initialScripts } from './harness/initial-scripts.ts';

/**
 * Issue 18: a participant on a slow line downloads at most this much JavaScript (gzip) before
 * the join page or the board shows. Features added later passed it without anything failing
 * (217 kB, with the stemmers of cluster suggestions and the workshop wizard on every page);
 * this test fails at the commit that does it again. Checked on the build the e2e set-up makes.
 */
export const JOIN_AND_BOARD_JS_BUDGET_BYTES = 200_000;

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const board = [/^WorkshopPage-.*\.js$/];

describe('the JavaScript a participant downloads first', () => {
  it(`is at most ${JOIN_AND_BOARD_JS_BUDGET_BYTES / 1000} kB gzip for the join page and the board together`, () => {
    const join = initialScripts(dist);
    const joinAndBoard = initialScripts(dist, board);
    // The walk found the board's chunk and what it imports, not just the entry.
    expect(joinAndBoard.some((f) => board[0]!.test(f))).toBe(true);
    expect(joinAndBoard.length).toBeGreaterThan(join.length);
    expect(gzipBytes(dist, join)).toBeLessThan(gzipBytes(dist, joinAndBoard));
    expect(gzipBytes(dist, joinAndBoard)).toBeLessThanOrEqual(JOIN_AND_BOARD_JS_BUDGET_BYTES);
  });

  it('leaves the note editor, the console and the landing page to load when they are needed', () => {
    const first = initialScripts(dist, board);
    const built = readdirSync(`${dist}/assets`);
    for (const lazy of [/^NoteEditor-/, /^ConsolePage-/, /^Landing-/]) {
      expect(built.some((f) => lazy.test(f))).toBe(true);
      expect(first.filter((f) => lazy.test(f))).toEqual([]);
    }
  });
});
