import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES, MAX_WS_BUFFERED_BYTES } from '../src/limits.ts';

/**
 * Relations between limits, checked without starting a server: in a file whose beforeAll
 * starts one, a server that fails to start would skip them along with everything else.
 */
describe('limits that depend on each other', () => {
  it('a board at the document limit fits in one socket’s send buffer, so a fresh joiner gets its first sync', () => {
    expect(MAX_DOCUMENT_BYTES).toBeLessThan(MAX_WS_BUFFERED_BYTES);
  });
});
