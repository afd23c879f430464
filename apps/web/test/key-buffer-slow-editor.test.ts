import { afterEach, describe, expect, it, vi } from 'vitest';

type KeyBuffer = typeof import('../src/board/key-buffer.ts');

async function freshBuffer(): Promise<KeyBuffer> {
  vi.resetModules();
  return import('../src/board/key-buffer.ts');
}

let now = 1_000;
const type = (text: string) => {
  for (const key of text) window.dispatchEvent(new KeyboardEvent('keydown', { key, cancelable: true }));
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('keys typed while the note editor is still on its way', () => {
  it('are all kept when the editor’s code takes longer than the buffer’s limit to arrive (a slow line)', async () => {
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const buffer = await freshBuffer();
    buffer.bufferKeysUntilEditorReady('note-1');
    type('Idea');
    now += buffer.MAX_BUFFER_MS + 2_000; // the editor's chunk is still downloading
    type(' one');
    buffer.editorCodeArrived();
    type('!');
    expect(buffer.takeBufferedKeys()).toBe('Idea one!');
  });

  it('stop being taken once the code is here and no editor drained them in time', async () => {
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const buffer = await freshBuffer();
    buffer.editorCodeArrived();
    buffer.bufferKeysUntilEditorReady('note-1');
    type('ab');
    now += buffer.MAX_BUFFER_MS + 1;
    const late = new KeyboardEvent('keydown', { key: 'c', cancelable: true });
    window.dispatchEvent(late);
    // The page gets the key again, and nothing is left for an editor that never came.
    expect(late.defaultPrevented).toBe(false);
    expect(buffer.takeBufferedKeys()).toBe('');
  });
});
