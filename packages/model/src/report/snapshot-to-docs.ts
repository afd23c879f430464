import * as Y from 'yjs';
import { boardClusters, boardNotes, createCluster, createNote } from '../schema/board.ts';
import { controlState, writeSettings } from '../schema/control.ts';
import { writeSetup } from '../schema/control-setup.ts';
import { publishTallies, writeVotingRound } from '../schema/control-voting.ts';
import { addActionStep, createRecommendation, updateRecommendationPlan } from '../schema/report.ts';
import { ORIGIN } from '../origins.ts';
import { dictionary } from '../voting.ts';
import type { WorkshopDocs, WorkshopSnapshot } from './snapshot.ts';

/**
 * Blocks written per step of writeSnapshotSteps (a note, cluster, recommendation or action
 * step is one block, each line of text past the first another): ~10 ms of work, so a server
 * that yields between steps keeps answering everyone else during a large import.
 */
export const SNAPSHOT_BLOCKS_PER_STEP = 500;

/** What an entry costs in blocks: one, plus a paragraph per line past its first. */
export function textBlocks(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/**
 * Writes an imported workshop into fresh rooms so that snapshotFromDocs gives the same
 * snapshot back, one transaction per step, pausing (yield) after each step of about
 * `blocksPerStep` blocks. Linear in the snapshot. Board order follows the snapshot's order;
 * positions are not part of a snapshot and start at the origin.
 */
export function* writeSnapshotSteps(
  snapshot: WorkshopSnapshot,
  docs: WorkshopDocs,
  origin: unknown = ORIGIN.serverCommand,
  blocksPerStep = SNAPSHOT_BLOCKS_PER_STEP,
): Generator<void, void, void> {
  const w = snapshot.workshop;
  docs.control.transact(() => {
    writeSettings(docs.control, {
      title: w.title,
      purpose: w.purpose,
      themes: [...w.themes],
      homeTimeZone: w.homeTimeZone,
      sessions: w.sessions.map((s) => ({ ...s })),
    });
    writeSetup(docs.control, {
      ...(w.agenda ? { agenda: w.agenda } : {}),
      ...(w.sessionAgendas ? { sessionAgendas: w.sessionAgendas } : {}),
    });
    controlState(docs.control).set('anonymous', w.anonymous);
    const tallies = dictionary<number>();
    for (const item of snapshot.notes) if (item.votes > 0) tallies[item.id] = item.votes;
    for (const item of snapshot.clusters) if (item.votes > 0) tallies[item.id] = item.votes;
    publishTallies(docs.control, tallies);
    for (const r of snapshot.votingRounds) {
      writeVotingRound(docs.control, { ...r, tallies: dictionary(r.results.map((x) => [x.itemId, x.votes] as const)) });
    }
  }, origin);
  yield;

  /** Runs `write` for each entry, `blocksPerStep` blocks to a transaction. */
  function* inSteps<T>(
    doc: Y.Doc,
    list: readonly T[],
    cost: (x: T) => number,
    write: (x: T, i: number) => void,
  ): Generator<void, void, void> {
    let i = 0;
    while (i < list.length) {
      let spent = 0;
      doc.transact(() => {
        while (i < list.length && spent < blocksPerStep) {
          spent += cost(list[i]!);
          write(list[i]!, i);
          i++;
        }
      }, origin);
      yield;
    }
  }

  const clusters = boardClusters(docs.board);
  yield* inSteps(
    docs.board,
    snapshot.clusters,
    () => 1,
    (c, i) => {
      createCluster(clusters, { id: c.id, phase: c.phase, title: c.title, now: i });
      clusters.get(c.id)!.set('order', i);
    },
  );

  const people = new Map(snapshot.people.map((p) => [p.id, p]));
  const notes = boardNotes(docs.board);
  yield* inSteps(
    docs.board,
    snapshot.notes,
    (n) => textBlocks(n.text),
    (n, i) => {
      const p = n.authorId === null ? undefined : people.get(n.authorId);
      createNote(notes, {
        id: n.id,
        phase: n.phase,
        text: n.text,
        colour: n.colour,
        clusterId: n.clusterId,
        theme: n.theme,
        author: p ? { id: p.id, name: p.name, organisation: p.organisation } : null,
        now: n.createdAt,
      });
      notes.get(n.id)!.set('order', i);
    },
  );

  yield* inSteps(
    docs.report,
    snapshot.recommendations,
    (r) => textBlocks(r.description) + r.actionSteps.length,
    (r) => {
      createRecommendation(docs.report, {
        id: r.id,
        title: r.title,
        description: r.description,
        order: r.order,
        sourceClusterId: r.sourceClusterId,
        painPointLinks: r.painPointLinks,
        visionLinks: r.visionLinks,
      });
      if (r.plan) updateRecommendationPlan(docs.report, r.id, r.plan);
      for (const s of r.actionSteps) addActionStep(docs.report, r.id, s);
    },
  );
}

/** writeSnapshotSteps into fresh rooms, all at once (for callers with nothing to yield to). */
export function snapshotToDocs(snapshot: WorkshopSnapshot, origin: unknown = ORIGIN.serverCommand): WorkshopDocs {
  const docs: WorkshopDocs = { board: new Y.Doc(), control: new Y.Doc(), report: new Y.Doc() };
  for (const _ of writeSnapshotSteps(snapshot, docs, origin));
  return docs;
}
