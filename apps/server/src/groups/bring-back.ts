import * as Y from 'yjs';
import {
  ORIGIN,
  boardClusters,
  boardNotes,
  controlState,
  createCluster,
  layoutRevealedDrafts,
  noteRect,
  readNote,
  roomName,
  MAX_TITLE_LENGTH,
  type Author,
  type BreakoutGroup,
  type Phase,
  type Rect,
} from '@crossboard/model';
import type { ServerContext } from '../context.ts';
import { takeVersion } from '../facilitation/board-versions.ts';
import type { AsyncFacilitationRecords } from '../storage/records.ts';
import { groupRoomOf } from './groups-commands.ts';

/** A cluster's title is document text, so it is written in the facilitator's language. */
const GROUP_WORD: Record<string, string> = { en: 'Group', es: 'Grupo', fr: 'Groupe' };

export function groupClusterTitle(group: BreakoutGroup, language: string): string {
  const word = Object.hasOwn(GROUP_WORD, language) ? GROUP_WORD[language]! : GROUP_WORD.en!;
  const title = group.theme ? `${word} ${group.number}: ${group.theme}` : `${word} ${group.number}`;
  return title.slice(0, MAX_TITLE_LENGTH);
}

interface Copied {
  clusters: number;
  notes: number;
}

/**
 * Copies each group's notes onto the main board, one cluster per group (and phase), laid out
 * below what is already there, in one board transaction after a version is saved. A note
 * already on the board (a second bring-back) is not copied twice. Authors are those the
 * group room's rules stamped; in anonymous mode the board shows none, as after a reveal.
 */
export async function copyGroupNotes(
  ctx: ServerContext,
  store: AsyncFacilitationRecords,
  workshopId: string,
  groups: readonly BreakoutGroup[],
  language: string,
): Promise<Copied> {
  await takeVersion(ctx, store, workshopId, 'bring-back');
  const anonymous = await ctx.rooms.use(
    roomName({ workshopId, kind: 'control' }),
    (room) => controlState(room.document).get('anonymous') === true,
  );
  // One group room at a time: a workshop may hold many, and each is only read here.
  const sources: { group: BreakoutGroup; doc: Y.Doc }[] = [];
  for (const group of groups) {
    const update = await ctx.rooms.use(groupRoomOf(workshopId, group.id), async (room) => {
      await room.settled();
      return Y.encodeStateAsUpdate(room.document);
    });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    sources.push({ group, doc });
  }
  const copied: Copied = { clusters: 0, notes: 0 };
  const authored: [string, string, string][] = [];
  try {
    await ctx.rooms.use(roomName({ workshopId, kind: 'board' }), (room) =>
      room.change((doc) => {
        const notes = boardNotes(doc);
        const clusters = boardClusters(doc);
        const occupied = new Map<Phase, Rect[]>();
        for (const m of notes.values()) {
          const n = readNote(m);
          if (n) occupied.set(n.phase, [...(occupied.get(n.phase) ?? []), noteRect(n)]);
        }
        const blocks = new Map<Phase, { key: string; items: string[] }[]>();
        for (const { group, doc: source } of sources) {
          const byPhase = new Map<Phase, string[]>();
          for (const [key, m] of boardNotes(source)) {
            const n = m instanceof Y.Map ? readNote(m) : null;
            if (!n || n.id !== key || notes.has(key)) continue;
            const clusterId = clusterFor(clusters, group, n.phase, language);
            const note = new Y.Map<unknown>();
            for (const [field, value] of Object.entries({ ...n, clusterId, author: anonymous ? null : n.author })) note.set(field, value);
            const body = m.get('content');
            note.set('content', body instanceof Y.XmlFragment ? body.clone() : new Y.XmlFragment());
            notes.set(key, note);
            if (n.author) authored.push([key, n.author.id, n.phase]);
            byPhase.set(n.phase, [...(byPhase.get(n.phase) ?? []), key]);
            copied.notes++;
          }
          for (const [phase, items] of byPhase) blocks.set(phase, [...(blocks.get(phase) ?? []), { key: group.id, items }]);
        }
        for (const [phase, phaseBlocks] of blocks) {
          const positions = layoutRevealedDrafts(occupied.get(phase) ?? [], phaseBlocks);
          for (const [id, p] of positions) {
            notes.get(id)!.set('x', p.x);
            notes.get(id)!.set('y', p.y);
          }
          // The cluster's own anchor sits at its first note, so an emptied cluster stays in place.
          for (const block of phaseBlocks) {
            const first = positions.get(block.items[0]!);
            const cluster = clusters.get(notes.get(block.items[0]!)!.get('clusterId') as string);
            if (first && cluster) {
              cluster.set('x', first.x);
              cluster.set('y', first.y);
            }
          }
          copied.clusters += phaseBlocks.length;
        }
      }, ORIGIN.serverCommand),
    );
  } finally {
    for (const s of sources) s.doc.destroy();
  }
  for (const [id, personId, phase] of authored) await store.setNoteAuthor(workshopId, id, personId, phase);
  ctx.log.info({ workshopId, ...copied }, 'group notes brought back');
  return copied;
}

/** The group's cluster in a phase: made once per bring-back, found again for its next note. */
function clusterFor(clusters: Y.Map<Y.Map<unknown>>, group: BreakoutGroup, phase: Phase, language: string): string {
  // Cluster ids derive from the group: a group's notes of one phase share one cluster.
  const id = `${group.id.slice(0, 40)}-${phase}`.slice(0, 64);
  if (!clusters.has(id)) createCluster(clusters, { id, phase, title: groupClusterTitle(group, language) });
  return id;
}
