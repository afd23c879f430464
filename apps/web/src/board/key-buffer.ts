/**
 * Keys typed between "write a note" (N, the New note button, Enter on a note) and its editor
 * taking focus. The editor mounts a task or two later; at 60 ms a key people are already
 * typing by then, and without this the first characters went to the page and were lost.
 *
 * While armed, a capture listener on window takes printable keys, Backspace and Enter before
 * anything else sees them (so a typed "n" does not start yet another note); the editor drains
 * the buffer in the same task in which it takes focus, so no key falls between the two.
 */
let pending: string[] | null = null;
/** The note the kept keys are for. */
let forNote: string | null = null;
/**
 * Escape before the editor arrived: the person finished writing. The board writes what was kept
 * into the note itself and ends editing, as the editor would have; without this the editor kept
 * waiting and the next note's N and text landed in this one ("idea 4nidea 5").
 */
let onFinished: ((noteId: string, text: string) => void) | null = null;

/** The board that shows the notes being written says how to finish one without its editor. */
export function whenFinishedBeforeEditor(finish: ((noteId: string, text: string) => void) | null): void {
  onFinished = finish;
}
/**
 * A buffer nobody drains (the editor never mounted) stops taking keys this long after its
 * code arrived. Until the code is here the wait is the network's (the editor is a third of the
 * app: seconds on a slow line), and keys typed meanwhile must not be dropped.
 */
export const MAX_BUFFER_MS = 3_000;
let expires = 0;
let editorCodeHere = false;

/** The editor's code is loaded: from now on a buffer that is not drained soon is stale. */
export function editorCodeArrived(): void {
  editorCodeHere = true;
  expires = Math.max(expires, performance.now() + MAX_BUFFER_MS);
}

/** When the key was pressed: a page busy for a while hands over keys pressed long before. */
const pressedAt = (e: KeyboardEvent) => Math.min(performance.now(), e.timeStamp || Number.POSITIVE_INFINITY);

function onKeyDown(e: KeyboardEvent): void {
  if (!pending) return;
  if (editorCodeHere && pressedAt(e) > expires) {
    disarm();
    return;
  }
  const target = e.target as HTMLElement | null;
  // Someone is already in a text field: that field gets the keys, not a note still opening.
  if (target?.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target?.tagName ?? '')) {
    disarm();
    return;
  }
  if (e.key === 'Escape' && forNote !== null) {
    const text = pending.join('');
    const note = forNote;
    disarm();
    e.preventDefault();
    e.stopImmediatePropagation();
    onFinished?.(note, text);
    return;
  }
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
  if (e.key.length === 1) pending.push(e.key);
  else if (e.key === 'Enter') pending.push('\n');
  else if (e.key === 'Backspace') pending.pop();
  else return;
  e.preventDefault();
  e.stopImmediatePropagation();
}

function disarm(): void {
  pending = null;
  forNote = null;
  window.removeEventListener('keydown', onKeyDown, true);
}

/** Starts keeping keys for the editor about to open. */
export function bufferKeysUntilEditorReady(noteId: string): void {
  if (typeof window === 'undefined') return;
  expires = performance.now() + MAX_BUFFER_MS;
  forNote = noteId;
  if (pending) return;
  pending = [];
  window.addEventListener('keydown', onKeyDown, true);
}

/** Drops what was kept: the editor it was for will not open (editing ended, the board closed). */
export function stopBufferingKeys(): void {
  disarm();
}

/** The keys kept so far, in order; stops buffering. Empty when nothing was armed. */
export function takeBufferedKeys(): string {
  const keys = pending?.join('') ?? '';
  disarm();
  return keys;
}
