import { lazy, Suspense, type ComponentProps } from 'react';
import { editorCodeArrived, stopBufferingKeys } from './key-buffer.ts';

/**
 * The note editor with Tiptap and ProseMirror (about a third of the app's code) in a chunk of
 * its own: the board paints its notes without it. It is fetched on the person's first pointer
 * or key press, or once the page has been idle a while, so that by the time someone writes a
 * note it is usually here; until then the note shows a busy placeholder and the keys typed
 * meanwhile wait in board/key-buffer.ts.
 */
const loadEditor = () =>
  import('./NoteEditor.tsx').then(
    (m) => {
      editorCodeArrived();
      return m;
    },
    (e: unknown) => {
      // No editor will mount: the keys go back to the page rather than into a buffer nobody drains.
      stopBufferingKeys();
      throw e;
    },
  );
const Editor = lazy(() => loadEditor().then((m) => ({ default: m.NoteEditor })));

type Props = ComponentProps<typeof Editor>;

/** After the board's first paint and data, not competing with them on a slow line. */
const IDLE_PRELOAD_MS = 3_000;

let preloaded = false;
export function preloadNoteEditor(): void {
  if (preloaded) return;
  preloaded = true;
  void loadEditor();
}

if (typeof window !== 'undefined') {
  for (const type of ['pointerdown', 'keydown'] as const) window.addEventListener(type, preloadNoteEditor, { capture: true, once: true });
  setTimeout(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(preloadNoteEditor, { timeout: IDLE_PRELOAD_MS });
    else preloadNoteEditor();
  }, IDLE_PRELOAD_MS);
}

export function NoteEditor(props: Props) {
  return (
    <Suspense fallback={<div className="note-editor" role="status" aria-busy="true" aria-label={props.label} />}>
      <Editor {...props} />
    </Suspense>
  );
}
