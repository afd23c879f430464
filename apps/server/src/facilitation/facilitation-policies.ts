import {
  controlState,
  isPhaseOpenForWriting,
  parseRoomName,
  readParticipantsMayCluster,
  writingContextOf,
  roomName,
  votingRoundsMap,
  breakoutMap,
  type Author,
  type WritingContext,
} from '@crossboard/model';
import type * as Y from 'yjs';
import type { ServerContext } from '../context.ts';
import { authorStamp } from './author-stamp.ts';
import type { RoomClient } from '../sync/connection.ts';
import type { UpdatePolicy } from '../sync/room.ts';
import { boardPolicy, draftsPolicy } from './board-policy.ts';
import { VERSION_EVERY_MS, takeVersion, type VersionReason } from './board-versions.ts';
import type { AsyncFacilitationRecords, PolicyReads } from '../storage/records.ts';
import { correctControlSchema, reportPolicy } from './room-schemas.ts';
import { TransactionPast } from './transaction-past.ts';

/** What the board's rules read from the control room, as of its last change. */
interface ControlReads {
  anonymous: boolean;
  participantsMayCluster: boolean;
  writing: WritingContext;
}

/**
 * Which rules each room applies to client updates: the board's policies, and in the control
 * room a version of the board whenever the facilitator changes the phase.
 */
export function facilitationPolicies(ctx: ServerContext, store: AsyncFacilitationRecords, reads: PolicyReads | null) {
  const lastVersionAt = new Map<string, number>();
  // Per board (main or group) by room name: who brought each cluster to its phase.
  const clusterOwners = new Map<string, Map<string, string>>();
  const clusterOwnersOf = (room: string) => {
    let owners = clusterOwners.get(room);
    if (!owners) clusterOwners.set(room, (owners = new Map()));
    return owners;
  };

  // After the update is stored and sent, never inside another room's transaction.
  const versionSoon = (workshopId: string, reason: VersionReason) => {
    lastVersionAt.set(workshopId, Date.now());
    setImmediate(async () => {
      try {
        if (await ctx.storage.getWorkshop(workshopId)) await takeVersion(ctx, store, workshopId, reason);
      } catch (e) {
        ctx.log.error({ workshopId, reason, err: e }, 'taking a board version failed');
      }
    });
  };

  // Every board update reads its control room; that document changes a few times a session.
  const controlCache = new WeakMap<Y.Doc, ControlReads>();
  const controlReads = (doc: Y.Doc): ControlReads => {
    let reads = controlCache.get(doc);
    if (!reads) {
      if (!watchedControls.has(doc)) {
        watchedControls.add(doc);
        doc.on('update', () => controlCache.delete(doc));
      }
      reads = {
        anonymous: controlState(doc).get('anonymous') === true,
        participantsMayCluster: readParticipantsMayCluster(doc),
        writing: writingContextOf(doc),
      };
      controlCache.set(doc, reads);
    }
    return reads;
  };
  const watchedControls = new WeakSet<Y.Doc>();

  // A group's board keeps the main board's rules; only the main board takes periodic versions.
  const board = (name: string, workshopId: string, reads: PolicyReads, versions = true): UpdatePolicy => {
    const control = roomName({ workshopId, kind: 'control' });
    return boardPolicy({
      clusterOwners: clusterOwnersOf(name),
      authorOf: (personId, client) => authorOf(workshopId, reads, personId, client),
      controlState() {
        // Loaded before the board and kept while it is (companionsOf below).
        const room = ctx.rooms.loaded(control);
        if (!room) throw new Error(`control room ${control} is not loaded`);
        const { anonymous, participantsMayCluster, writing } = controlReads(room.document);
        // Locked by the facilitator, or closed between live sessions outside its async window.
        const now = Date.now();
        return { anonymous, participantsMayCluster, locked: (phase) => !isPhaseOpenForWriting(writing, phase, now) };
      },
      noteAuthor: (noteId) => reads.noteAuthor(workshopId, noteId),
      noteAuthors: () => reads.noteAuthors(workshopId),
      recordAuthor: (noteId, personId, phase) => reads.setNoteAuthor(workshopId, noteId, personId, phase),
      onActivity() {
        if (!versions) return;
        const last = lastVersionAt.get(workshopId) ?? reads.lastVersionAt(workshopId) ?? 0;
        if (Date.now() - last >= VERSION_EVERY_MS) versionSoon(workshopId, 'activity');
        else lastVersionAt.set(workshopId, last);
      },
      onCorrection(rule, client, id) {
        ctx.log.info({ workshopId, personId: client.personId, rule, id }, 'board update corrected');
      },
    });
  };

  // The stamp shows what the person's presence shows (their directory consent, kept current on
  // the socket by presence-consent.ts); a person other than the writer gets no organisation.
  const authorOf = (workshopId: string, reads: PolicyReads, personId: string, client: RoomClient): Author | null => {
    const p = reads.person(workshopId, personId);
    return p ? authorStamp(p, client.personId === personId ? client.identity : null) : null;
  };

  const drafts = (workshopId: string, ownerId: string, reads: PolicyReads): UpdatePolicy =>
    draftsPolicy({
      ownerId,
      authorOf: (personId, client) => authorOf(workshopId, reads, personId, client),
      onCorrection(rule, client, id) {
        ctx.log.info({ workshopId, personId: client.personId, rule, id }, 'drafts update corrected');
      },
    });

  const control =
    (workshopId: string): UpdatePolicy =>
    (tr, client) => {
      const state = controlState(tr.doc);
      const changed = tr.changed as Map<unknown, Set<string | null>>;
      if (changed.get(state)?.has('phase')) {
        const before = new TransactionPast(tr).mapValueBefore(state, 'phase');
        if (before !== state.get('phase')) versionSoon(workshopId, 'phase-change');
      }
      // Rounds and their results are the server's record of the votes, and breakout membership
      // decides who writes each group's board: no client writes either.
      // The room's schema first: unknown names, keys of no feature, values of the wrong type or size.
      const schema = correctControlSchema(tr);
      if (schema.length > 0) ctx.log.info({ workshopId, personId: client.personId, rules: schema }, 'control update corrected');
      let corrected = schema.length > 0;
      for (const [root, rule] of [
        [votingRoundsMap(tr.doc), 'voting-rounds'],
        [breakoutMap(tr.doc), 'breakout'],
      ] as const) {
        const forged = [...(changed.get(root) ?? [])].filter((key) => key !== null);
        if (forged.length === 0) continue;
        const past = new TransactionPast(tr);
        for (const key of forged) {
          const before = past.mapValueBefore(root, key);
          if (before === undefined) root.delete(key);
          else root.set(key, before);
        }
        ctx.log.info({ workshopId, personId: client.personId, rule }, 'control update corrected');
        corrected = true;
      }
      return corrected;
    };

  let warned = false;
  return {
    policyFor(name: string): UpdatePolicy | null {
      const ref = parseRoomName(name);
      if (ref?.kind === 'board') {
        if (reads) return board(name, ref.workshopId, reads);
        if (!warned) ctx.log.warn('board rules (authors, locks) need synchronous reads: not applied on this database');
        warned = true;
        return null;
      }
      if (ref?.kind === 'group') return reads ? board(name, ref.workshopId, reads, false) : null;
      if (ref?.kind === 'control') return control(ref.workshopId);
      if (ref?.kind === 'report') {
        const workshopId = ref.workshopId;
        return reportPolicy((rule, client, id) =>
          ctx.log.info({ workshopId, personId: client.personId, rule, id }, 'report update corrected'),
        );
      }
      if (ref?.kind === 'drafts') {
        if (reads) return drafts(ref.workshopId, ref.participantId, reads);
        return null;
      }
      return null;
    },
    /** The board's rules read its control room inside a transaction: it is loaded first. */
    companionsOf(name: string): string[] {
      const ref = parseRoomName(name);
      return ref?.kind === 'board' || ref?.kind === 'group' ? [roomName({ workshopId: ref.workshopId, kind: 'control' })] : [];
    },
  };
}
