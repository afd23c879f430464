import {
  controlState,
  isPhaseLocked,
  parseRoomName,
  roomName,
  type Author,
} from '@crossboard/model';
import type { ServerContext } from '../context.ts';
import type { UpdatePolicy } from '../sync/room.ts';
import { boardPolicy } from './board-policy.ts';
import { VERSION_EVERY_MS, takeVersion, type VersionReason } from './board-versions.ts';
import type { FacilitationStore } from './facilitation-store.ts';
import { TransactionPast } from './transaction-past.ts';

/**
 * Which rules each room applies to client updates: the board's policies, and in the control
 * room a version of the board whenever the facilitator changes the phase.
 */
export function facilitationPolicies(ctx: ServerContext, store: FacilitationStore) {
  const lastVersionAt = new Map<string, number>();

  // After the update is stored and sent, never inside another room's transaction.
  const versionSoon = (workshopId: string, reason: VersionReason) => {
    lastVersionAt.set(workshopId, Date.now());
    setImmediate(() => {
      try {
        if (ctx.storage.getWorkshop(workshopId)) takeVersion(ctx, store, workshopId, reason);
      } catch (e) {
        ctx.log.error({ workshopId, reason, err: e }, 'taking a board version failed');
      }
    });
  };

  const board = (workshopId: string): UpdatePolicy => {
    const control = roomName({ workshopId, kind: 'control' });
    return boardPolicy({
      authorOf(personId): Author | null {
        const p = ctx.storage.getPerson(workshopId, personId);
        return p ? { id: p.id, name: p.name, organisation: p.organisation } : null;
      },
      controlState() {
        const doc = (ctx.rooms.loaded(control) ?? ctx.rooms.use(control, (r) => r)).document;
        return { anonymous: controlState(doc).get('anonymous') === true, locked: (phase) => isPhaseLocked(doc, phase) };
      },
      noteAuthor: (noteId) => store.noteAuthor(workshopId, noteId),
      noteAuthors: () => store.noteAuthors(workshopId),
      recordAuthor: (noteId, personId, phase) => store.setNoteAuthor(workshopId, noteId, personId, phase),
      onActivity() {
        const last = lastVersionAt.get(workshopId) ?? store.lastVersionAt(workshopId) ?? 0;
        if (Date.now() - last >= VERSION_EVERY_MS) versionSoon(workshopId, 'activity');
        else lastVersionAt.set(workshopId, last);
      },
      onCorrection(rule, client, id) {
        ctx.log.info({ workshopId, personId: client.personId, rule, id }, 'board update corrected');
      },
    });
  };

  const control = (workshopId: string): UpdatePolicy => (tr) => {
    const state = controlState(tr.doc);
    if ((tr.changed as Map<unknown, Set<string | null>>).get(state)?.has('phase')) {
      const before = new TransactionPast(tr).mapValueBefore(state, 'phase');
      if (before !== state.get('phase')) versionSoon(workshopId, 'phase-change');
    }
    return false;
  };

  return (name: string): UpdatePolicy | null => {
    const ref = parseRoomName(name);
    if (ref?.kind === 'board') return board(ref.workshopId);
    if (ref?.kind === 'control') return control(ref.workshopId);
    return null;
  };
}
