import * as Y from 'yjs';

/** True when `update` parses as a Yjs update (every struct and the delete set), without applying it. */
export function decodes(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}
