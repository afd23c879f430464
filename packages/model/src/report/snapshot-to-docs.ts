import * as Y from 'yjs';
import { boardClusters, boardNotes, createCluster, createNote } from '../schema/board.ts';
import { controlState, writeSettings } from '../schema/control.ts';
import { publishTallies } from '../schema/control-voting.ts';
import { addActionStep, createRecommendation } from '../schema/report.ts';
import { ORIGIN } from '../origins.ts';
import type { WorkshopDocs, WorkshopSnapshot } from './snapshot.ts';

/**
 * Writes an imported workshop into fresh rooms, one transaction per room, so that
 * snapshotFromDocs gives the same snapshot back. Board order follows the snapshot's order;
 * positions are not part of a snapshot and start at the origin.
 */
export function snapshotToDocs(snapshot: WorkshopSnapshot, origin: unknown = ORIGIN.serverCommand): WorkshopDocs {
  const docs: WorkshopDocs = { board: new Y.Doc(), control: new Y.Doc(), report: new Y.Doc() };
  const w = snapshot.workshop;
  docs.control.transact(() => {
    writeSettings(docs.control, { title: w.title, purpose: w.purpose, themes: [...w.themes], homeTimeZone: w.homeTimeZone, sessions: w.sessions.map((s) => ({ ...s })) });
    controlState(docs.control).set('anonymous', w.anonymous);
    const tallies: Record<string, number> = {};
    for (const item of [...snapshot.notes, ...snapshot.clusters]) if (item.votes > 0) tallies[item.id] = item.votes;
    publishTallies(docs.control, tallies);
  }, origin);

  const people = new Map(snapshot.people.map((p) => [p.id, p]));
  docs.board.transact(() => {
    snapshot.clusters.forEach((c, i) => {
      createCluster(boardClusters(docs.board), { id: c.id, phase: c.phase, title: c.title, now: i });
      boardClusters(docs.board).get(c.id)!.set('order', i);
    });
    snapshot.notes.forEach((n, i) => {
      const p = n.authorId === null ? undefined : people.get(n.authorId);
      createNote(boardNotes(docs.board), {
        id: n.id,
        phase: n.phase,
        text: n.text,
        colour: n.colour,
        clusterId: n.clusterId,
        author: p ? { id: p.id, name: p.name, organisation: p.organisation } : null,
        now: n.createdAt,
      });
      boardNotes(docs.board).get(n.id)!.set('order', i);
    });
  }, origin);

  docs.report.transact(() => {
    for (const r of snapshot.recommendations) {
      createRecommendation(docs.report, {
        id: r.id,
        title: r.title,
        description: r.description,
        order: r.order,
        sourceClusterId: r.sourceClusterId,
        painPointLinks: r.painPointLinks,
        visionLinks: r.visionLinks,
      });
      for (const s of r.actionSteps) addActionStep(docs.report, r.id, s);
    }
  }, origin);
  return docs;
}
