import { randomInt } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import type * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { ORIGIN, colourFor, directoryEntry, type DirectoryProfile } from '@crossboard/model';
import type { Limits } from '../limits.ts';
import type { Metrics } from '../metrics.ts';
import type { PersonRecord } from '../storage/storage.ts';
import type { PresenceIdentity, RoomClient } from './connection.ts';
import { AwarenessCoalescer } from './awareness-coalescer.ts';
import { encodeAwareness, type AwarenessEntry } from './protocol.ts';
import { TokenBucket } from './rate-limit.ts';

/** What the presence of a room needs from it. */
export interface PresenceHost {
  readonly clients: Iterable<RoomClient>;
  /** Hands one message to one client (false if it is closed). */
  deliver(client: RoomClient, message: Uint8Array): boolean;
  /** Counts messages handed out (metrics). */
  sent(messages: number, bytes: number): void;
  /** Whether a Yjs client id wrote to the room's document: never reused as a presence id. */
  isDocumentClient(id: number): boolean;
  /** Presence changes made here, for other processes (fan-out). */
  publish(update: Uint8Array): void;
  readonly limits: Limits;
  readonly metrics: Metrics;
}

/** One connection's presence: the id the server gave it and the document client id it speaks for. */
interface Slot {
  readonly presenceId: number;
  /** The Yjs client id the connection announced first; null until it announces. */
  docId: number | null;
  readonly bucket: TokenBucket;
  /** The newest state past the rate cap, applied when the bucket allows. */
  pending: Record<string, unknown> | null;
  timer: NodeJS.Timeout | null;
}

export type PresenceVerdict = 'ok' | 'too-big';

const PRESENCE_ID_MAX = 2 ** 31;

/**
 * All an Awareness reads of its document: a client id for its own state (the server shows
 * none, and 0 is never a presence id) and a 'destroy' event, which RoomPresence.destroy covers.
 * A real Y.Doc per room held 2.3 kB for nothing, and one shared doc would gather a listener
 * per room that Awareness never removes.
 */
const NO_DOCUMENT = { clientID: 0, on: () => {} } as unknown as Y.Doc;

/**
 * What presence tells everyone in a room about a person. The name is always there (people
 * need to see who is here; the join form says so); a directory field such as the organisation
 * only when the person listed themselves and chose to show it, by the directory's own rule.
 */
export function presenceIdentity(person: PersonRecord, profile: DirectoryProfile | null): PresenceIdentity {
  const shown = profile ? directoryEntry(person, profile) : null;
  return {
    id: person.id,
    name: person.name,
    ...(shown?.organisation !== undefined ? { organisation: shown.organisation } : {}),
    timeZone: person.timeZone,
    role: person.role,
    colour: colourFor(person.id),
  };
}

/**
 * How many times each person's presence identity changed in this process (`workshop/person`,
 * per set of rooms). A socket reads its person's profile before its room is open; if the count
 * moved meanwhile, what it read may be older than a consent saved since, and it reads again.
 */
const identityChanges = new WeakMap<object, Map<string, number>>();

export function identityEpoch(rooms: object, personKey: string): number {
  return identityChanges.get(rooms)?.get(personKey) ?? 0;
}

/** A person's directory choice changed: returns the new count (compare it after an await). */
export function bumpIdentityEpoch(rooms: object, personKey: string): number {
  let counts = identityChanges.get(rooms);
  if (!counts) identityChanges.set(rooms, (counts = new Map()));
  const next = (counts.get(personKey) ?? 0) + 1;
  counts.set(personKey, next);
  return next;
}

/**
 * A socket joined with an identity read before its person changed their directory choice: it is
 * stamped at once with nothing from the directory (never more than they allow), then with what
 * a fresh read says, unless a newer change is already on its way to do that.
 */
export async function restampStale(
  rooms: object,
  room: { restamp(personId: string, identity: PresenceIdentity): void },
  person: PersonRecord,
  readProfile: () => Promise<DirectoryProfile | null>,
): Promise<void> {
  const key = `${person.workshopId}/${person.id}`;
  const epoch = identityEpoch(rooms, key);
  room.restamp(person.id, presenceIdentity(person, null));
  const profile = await readProfile();
  if (identityEpoch(rooms, key) === epoch) room.restamp(person.id, presenceIdentity(person, profile));
}

/**
 * A room's presence (awareness). The server owns it: each connection gets one presence id,
 * random and unrelated to its document client id, so nobody can tie a note's Yjs client id
 * (its author, in an anonymous workshop) to the name next to a cursor. A connection speaks
 * only for the one client id it announced first; entries for any other id (the echoes a
 * y-websocket provider sends back, or someone else's id) are ignored. The identity fields
 * (`user`: id, name, time zone, role, colour, and the organisation if its person shows it in
 * the directory) are stamped by the server, each state is size-capped and each connection
 * rate-capped. Nobody is sent their own presence back.
 */
export class RoomPresence {
  /** Not the room's doc, so that reloading the room's doc keeps presence. */
  private readonly awareness = new Awareness(NO_DOCUMENT);
  private readonly slots = new Map<RoomClient, Slot>();
  private readonly out: AwarenessCoalescer;
  /** Which process each remote presence id came from, so a dead process's cursors can go. */
  private readonly remoteOwners = new Map<number, string>();
  private remoteSender: string | null = null;
  private destroyed = false;

  constructor(private readonly host: PresenceHost) {
    this.awareness.setLocalState(null);
    this.out = new AwarenessCoalescer(host.limits.awarenessTickMs, (ids) => this.sendStates(ids));
    this.awareness.on('update', this.onUpdate);
  }

  /** A new connection: its presence id, and the states of everyone already here. */
  join(client: RoomClient): void {
    const { awarenessUpdatesPerSecond, awarenessUpdateBurst } = this.host.limits;
    let presenceId: number;
    do presenceId = randomInt(1, PRESENCE_ID_MAX);
    while (this.awareness.meta.has(presenceId) || this.host.isDocumentClient(presenceId) || this.ownedBy(presenceId));
    const bucket = new TokenBucket(awarenessUpdateBurst, awarenessUpdatesPerSecond, Date.now());
    this.slots.set(client, { presenceId, docId: null, bucket, pending: null, timer: null });
    this.sendAll(client);
  }

  /** Everyone's current states to one client (a join, or its query). */
  sendAll(client: RoomClient): void {
    const own = this.slots.get(client)?.presenceId;
    const ids = [...this.awareness.getStates().keys()].filter((id) => id !== own);
    if (ids.length === 0) return;
    const message = encodeAwareness(encodeAwarenessUpdate(this.awareness, ids));
    if (this.host.deliver(client, message)) this.host.sent(1, message.byteLength);
  }

  receive(client: RoomClient, entries: readonly AwarenessEntry[]): PresenceVerdict {
    const slot = this.slots.get(client);
    if (!slot || this.destroyed) return 'ok';
    for (const entry of entries) {
      // Ids the server handed out (echoed back by the provider) are not the sender's to speak for.
      if (this.awareness.meta.has(entry.clientID) && entry.clientID !== slot.docId) continue;
      if (slot.docId === null) {
        if (entry.state === null) continue;
        slot.docId = entry.clientID;
      } else if (entry.clientID !== slot.docId) {
        this.host.metrics.dropped.inc({ reason: 'awareness_not_owner' });
        continue;
      }
      if (entry.state === null) {
        this.clearPending(slot);
        if (this.awareness.states.has(slot.presenceId)) removeAwarenessStates(this.awareness, [slot.presenceId], client);
        continue;
      }
      if (entry.bytes > this.host.limits.maxAwarenessStateBytes) {
        this.host.metrics.dropped.inc({ reason: 'awareness_too_big' });
        return 'too-big';
      }
      const state = this.stamp(entry.state, client.identity);
      if (slot.pending === null && slot.bucket.has(1, Date.now())) {
        slot.bucket.take(1);
        this.apply(client, slot, state);
      } else {
        if (slot.pending === null) this.host.metrics.delayed.inc();
        slot.pending = state;
        this.schedule(client, slot);
      }
    }
    return 'ok';
  }

  leave(client: RoomClient): void {
    const slot = this.slots.get(client);
    if (!slot) return;
    this.slots.delete(client);
    this.clearPending(slot);
    if (!this.destroyed && this.awareness.states.has(slot.presenceId)) removeAwarenessStates(this.awareness, [slot.presenceId], client);
  }

  /**
   * The client's identity changed (its person changed what the directory shows): its current
   * and pending states are stamped again and sent at once, so nobody keeps seeing a withdrawn field.
   */
  restamp(client: RoomClient): void {
    const slot = this.slots.get(client);
    if (!slot || this.destroyed) return;
    if (slot.pending) slot.pending = this.stamp(slot.pending, client.identity);
    const current = this.awareness.states.get(slot.presenceId);
    if (current) this.apply(client, slot, this.stamp(current, client.identity));
  }

  /** Presence from clients of other processes (already stamped there), shown here. */
  applyRemote(update: Uint8Array, fromProcess: string): void {
    if (this.destroyed) return;
    this.remoteSender = fromProcess;
    try {
      applyAwarenessUpdate(this.awareness, update, ORIGIN.remote);
    } finally {
      this.remoteSender = null;
    }
  }

  /** A process went silent (crashed): the presence of its clients goes now, not in 30 s. */
  forgetProcess(processId: string): void {
    if (this.destroyed) return;
    const ids = [...this.remoteOwners].filter(([, p]) => p === processId).map(([id]) => id);
    if (ids.length > 0) removeAwarenessStates(this.awareness, ids, ORIGIN.remote);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const slot of this.slots.values()) this.clearPending(slot);
    this.slots.clear();
    this.out.stop();
    this.awareness.destroy();
  }

  /** The client's own fields, with the identity the token gives (never the client's claim). */
  private stamp(state: unknown, identity: PresenceIdentity): Record<string, unknown> {
    const own = typeof state === 'object' && state !== null && !Array.isArray(state) ? (state as Record<string, unknown>) : {};
    return { ...own, user: { ...identity } };
  }

  private apply(client: RoomClient, slot: Slot, state: Record<string, unknown>): void {
    const clock = (this.awareness.meta.get(slot.presenceId)?.clock ?? 0) + 1;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, slot.presenceId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
    applyAwarenessUpdate(this.awareness, encoding.toUint8Array(e), client);
  }

  private schedule(client: RoomClient, slot: Slot): void {
    if (slot.timer) return;
    const wait = Math.max(1, slot.bucket.msUntil(1, Date.now()));
    slot.timer = setTimeout(() => {
      slot.timer = null;
      if (this.destroyed || slot.pending === null || !this.slots.has(client)) return;
      if (!slot.bucket.has(1, Date.now())) return this.schedule(client, slot);
      slot.bucket.take(1);
      const state = slot.pending;
      slot.pending = null;
      this.apply(client, slot, state);
    }, wait);
    slot.timer.unref();
  }

  private clearPending(slot: Slot): void {
    slot.pending = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }

  private ownedBy(presenceId: number): boolean {
    for (const slot of this.slots.values()) if (slot.presenceId === presenceId) return true;
    return false;
  }

  private readonly onUpdate = (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    for (const id of change.removed) this.remoteOwners.delete(id);
    if (this.remoteSender) for (const id of [...change.added, ...change.updated]) this.remoteOwners.set(id, this.remoteSender);
    if (origin !== ORIGIN.remote) {
      const changed = [...change.added, ...change.updated, ...change.removed];
      if (changed.length > 0) this.host.publish(encodeAwarenessUpdate(this.awareness, changed));
    }
    if (this.slots.size === 0) return;
    this.out.update([...change.added, ...change.updated]);
    this.out.remove(change.removed);
  };

  /**
   * Sends the states of `ids` to every client, each entry encoded once; a client whose own
   * presence is among them gets the message without it.
   */
  private sendStates(ids: readonly number[]): void {
    if (ids.length === 0) return;
    const entries = new Map<number, Uint8Array>();
    for (const id of ids) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, id);
      encoding.writeVarUint(e, this.awareness.meta.get(id)?.clock ?? 0);
      encoding.writeVarString(e, JSON.stringify(this.awareness.states.get(id) ?? null));
      entries.set(id, encoding.toUint8Array(e));
    }
    const build = (skip: number | undefined): Uint8Array | null => {
      const e = encoding.createEncoder();
      const parts = [...entries].filter(([id]) => id !== skip);
      if (parts.length === 0) return null;
      encoding.writeVarUint(e, parts.length);
      for (const [, bytes] of parts) encoding.writeUint8Array(e, bytes);
      return encodeAwareness(encoding.toUint8Array(e));
    };
    let shared: Uint8Array | null | undefined;
    let sent = 0;
    let bytes = 0;
    for (const client of this.host.clients) {
      const own = this.slots.get(client)?.presenceId;
      const message = own !== undefined && entries.has(own) ? build(own) : shared === undefined ? (shared = build(undefined)) : shared;
      if (message && this.host.deliver(client, message)) {
        sent++;
        bytes += message.byteLength;
      }
    }
    this.host.sent(sent, bytes);
  }
}
