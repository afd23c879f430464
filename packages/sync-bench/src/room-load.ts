import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { boardNotes, createNote, updateNote } from '@crossboard/model';
import { LoadClient, type Endpoint } from './load-client.ts';
import type { RoomAccess } from './targets.ts';
import type { SendLog } from './send-log.ts';
import { eventually } from '@crossboard/testkit';
import { sleep } from './stats.ts';

/** Connects `count` participants, `batch` at a time, each fully synced before the next batch. */
export async function connectClients(room: RoomAccess, count: number, batch = 50): Promise<LoadClient[]> {
  const clients: LoadClient[] = [];
  for (let i = 0; i < count; i += batch) {
    const group = Array.from({ length: Math.min(batch, count - i) }, (_, j) => new LoadClient(room.person(i + j)));
    clients.push(...group);
    await Promise.all(group.map((c) => c.synced));
  }
  return clients;
}

/**
 * A participant moving their own note: each move is one small update, the most common
 * write on a board. The writer keeps its own document only, so it never has to apply
 * the room's traffic.
 */
export class NoteWriter {
  readonly doc = new Y.Doc();
  private readonly noteId: string;
  private moves = 0;

  constructor(
    readonly client: LoadClient,
    private readonly log: Pick<SendLog, 'record'>,
    private readonly recipients: () => number,
  ) {
    client.ownClientId = this.doc.clientID;
    this.doc.on('update', (update: Uint8Array) => client.sendUpdate(update));
    this.noteId = createNote(boardNotes(this.doc), { phase: 'painPoints', text: 'A note that keeps moving', x: 0, y: 0 });
  }

  move(): void {
    if (!this.client.isOpen) return;
    const clock = Y.getState(this.doc.store, this.doc.clientID);
    this.log.record(this.doc.clientID, clock, performance.now(), this.recipients());
    updateNote(boardNotes(this.doc), this.noteId, { x: ++this.moves, y: this.moves % 97 });
  }

  /** What every reader must see once the room is quiet. */
  expectIn(doc: Y.Doc): string | null {
    const x = boardNotes(doc).get(this.noteId)?.get('x');
    return x === this.moves ? null : `note of writer ${this.doc.clientID}: x=${String(x)}, expected ${this.moves}`;
  }
}

export interface LatencySample {
  sentAt: number;
  latencyMs: number;
}

/** Every client records, for each logged update it receives from someone else, how long it took. */
export function recordFanOut(clients: LoadClient[], log: SendLog, samples: LatencySample[]): void {
  for (const client of clients) {
    client.onUpdate = (update, at) => {
      for (const sentAt of log.sendTimes(update, client.ownClientId)) samples.push({ sentAt, latencyMs: at - sentAt });
    };
  }
}

/** How often the schedule below looks for actors that are due (at most; faster for short periods). */
const SCHEDULE_CHECK_MS = 5;

/**
 * Runs `tick` every `periodMs` for each of `count` actors, spread evenly over the period.
 *
 * Each actor keeps its own clock, as real clients on their own machines do: when this process
 * was busy (receiving a burst of fan-out, say) the ticks it missed are made up as soon as it
 * can, instead of being lost as a chain of `setInterval`s loses them. So the rate sent is the
 * rate asked whenever the load generator has the CPU for it, whatever the server's delivery
 * pattern does to this process's event loop.
 */
export function everyPeriod(count: number, periodMs: number, tick: (i: number) => void): () => void {
  const start = performance.now();
  const done = new Array<number>(count).fill(0);
  const check = () => {
    const elapsed = performance.now() - start;
    for (let i = 0; i < count; i++) {
      // Actor i is due at (i / count) × period, then every period after that.
      const due = Math.floor((elapsed - (i * periodMs) / count) / periodMs) + 1;
      while (done[i]! < due) {
        done[i]!++;
        tick(i);
      }
    }
  };
  check();
  const timer = setInterval(check, Math.max(1, Math.min(SCHEDULE_CHECK_MS, periodMs / count)));
  return () => clearInterval(timer);
}

/**
 * Writes `notes` notes into the room and waits until the server serves them. The returned
 * seeder stays connected: Hocuspocus without a persistence extension forgets a document
 * when its last connection leaves, and a room people are in is the realistic case anyway.
 */
export async function seedNotes(
  ep: Endpoint,
  notes: number,
  textLength: number,
  perUpdate = 100,
): Promise<{ bytes: number; seeder: LoadClient }> {
  const seeder = new LoadClient(ep);
  await seeder.synced;
  const doc = new Y.Doc();
  doc.on('update', (u: Uint8Array) => seeder.sendUpdate(u));
  const text = 'Pilots are budgeted as if they will fail, so nobody plans the scale-up. '.repeat(10).slice(0, textLength);
  for (let i = 0; i < notes; i += perUpdate) {
    // Paced like a client importing a board, under a server's per-socket byte budget.
    if (i > 0) await sleep(50);
    doc.transact(() => {
      for (let j = i; j < Math.min(notes, i + perUpdate); j++) {
        createNote(boardNotes(doc), { phase: 'painPoints', text: `${j} ${text}`, x: (j % 100) * 220, y: Math.floor(j / 100) * 160 });
      }
    });
  }
  const bytes = Y.encodeStateAsUpdate(doc).length;
  // The seed counts as stored once a newcomer's sync carries (nearly) all of it.
  await eventually(
    async () => {
      const probe = new LoadClient(ep);
      try {
        await probe.synced;
        return probe.syncBytes >= bytes * 0.95;
      } catch {
        return false;
      } finally {
        probe.close();
      }
    },
    { what: 'the seed to be stored', timeoutMs: 120_000, intervalMs: 250 },
  );
  return { bytes, seeder };
}
