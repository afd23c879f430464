import type * as Y from 'yjs';
import { messageSync, type WebsocketProvider } from 'y-websocket';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';

/** lib0's Decoder, as the provider hands it to its message handlers. */
interface Decoder {
  arr: Uint8Array;
  pos: number;
}

/** lib0's variable-length unsigned integer: 7 bits a byte, low bits first. */
function readVarUint(d: Decoder): number {
  let n = 0;
  let mult = 1;
  for (;;) {
    const byte = d.arr[d.pos++];
    if (byte === undefined) throw new RangeError('message ends inside a number');
    n += (byte & 0x7f) * mult;
    if (byte < 0x80) return n;
    mult *= 128;
  }
}

/** The Yjs update a sync message carries (sync step 2 or an update), read without consuming it. */
export function peekSyncUpdate(decoder: Decoder): Uint8Array | null {
  const d = { arr: decoder.arr, pos: decoder.pos };
  const type = readVarUint(d);
  if (type !== messageYjsSyncStep2 && type !== messageYjsUpdate) return null;
  const length = readVarUint(d);
  if (d.pos + length > d.arr.length) return null;
  return d.arr.slice(d.pos, d.pos + length);
}

type Listeners = Map<string, Set<(...args: unknown[]) => void>>;

function changedSomething(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) if (tr.beforeState.get(client) !== clock) return true;
  return false;
}

/**
 * The doc's 'update' listeners (the local copy, the provider, the pending counter) get the
 * server's updates as the bytes that came. Yjs would encode every applied transaction again
 * for them: for the whole board on connecting (2 MB for 5,000 notes) that took a quarter of
 * the time the board spent reading it, before its first note could show.
 *
 * Only the provider's own transaction goes without Yjs's encoding: a change an observer makes
 * while the update is applied is a transaction of its own, and reaches the listeners as usual.
 */
export function passServerUpdatesAsSent(provider: WebsocketProvider, doc: Y.Doc): void {
  const handle = provider.messageHandlers[messageSync]!;
  const observers = (doc as unknown as { _observers: Listeners })._observers;
  provider.messageHandlers[messageSync] = (encoder, decoder, p, emitSynced, messageType) => {
    const update = peekSyncUpdate(decoder as unknown as Decoder);
    if (!update) return handle(encoder, decoder, p, emitSynced, messageType);
    let applied: Y.Transaction | null = null;
    let held: Set<(...args: unknown[]) => void> | undefined;
    // Emitted right before Yjs looks for 'update' listeners to encode the transaction for.
    const hold = (tr: Y.Transaction) => {
      if (applied || tr.origin !== provider) return;
      applied = tr;
      held = observers.get('update');
      observers.delete('update');
    };
    const giveBack = () => {
      if (!held) return;
      const added = observers.get('update');
      if (added) for (const f of added) held.add(f);
      observers.set('update', held);
      held = undefined;
    };
    doc.on('afterTransactionCleanup', hold);
    doc.on('beforeObserverCalls', giveBack);
    doc.on('afterAllTransactions', giveBack);
    try {
      handle(encoder, decoder, p, emitSynced, messageType);
    } finally {
      doc.off('afterTransactionCleanup', hold);
      doc.off('beforeObserverCalls', giveBack);
      doc.off('afterAllTransactions', giveBack);
      giveBack();
    }
    const tr = applied as Y.Transaction | null;
    if (tr && changedSomething(tr)) doc.emit('update', [update, provider, doc, tr]);
  };
}
