import * as Y from 'yjs';
import { boardClusters, boardNotes, createCluster, createNote } from '../src/schema/board.ts';
import { controlState, writeSettings } from '../src/schema/control.ts';
import { publishTallies } from '../src/schema/control-voting.ts';
import { addActionStep, createRecommendation } from '../src/schema/report.ts';
import { sessionsFromLocal } from '../src/time/schedule.ts';
import type { PersonInput, WorkshopDocs } from '../src/report/snapshot.ts';
import type { Phase } from '../src/phases.ts';
import type { Role } from '../src/permissions.ts';
import fixture from './fixtures/cross-border-workshop.json' with { type: 'json' };

/** The fixture workshop as its three rooms, with notes a minute apart from Session 1's start. */
export function fixtureWorkshop(options: { anonymous?: boolean } = {}): { docs: WorkshopDocs; people: PersonInput[] } {
  const docs = { board: new Y.Doc(), control: new Y.Doc(), report: new Y.Doc() };
  const w = fixture.workshop;
  const sessions = sessionsFromLocal(w.sessions, w.homeTimeZone);
  writeSettings(docs.control, {
    title: w.title,
    purpose: w.purpose,
    themes: w.themes,
    homeTimeZone: w.homeTimeZone,
    sessions,
    phaseMinutes: w.phaseMinutes,
    votesPerParticipant: w.votesPerParticipant,
  });
  controlState(docs.control).set('anonymous', options.anonymous ?? false);

  const people: PersonInput[] = fixture.participants.map((p) => ({
    id: p.id,
    name: p.name,
    organisation: p.organisation,
    country: p.country,
    role: p.role as Role,
  }));
  const clusterIds = new Map<string, string>();
  fixture.notes.forEach((n, i) => {
    const key = `${n.phase}/${n.cluster}`;
    if (!clusterIds.has(key)) {
      clusterIds.set(
        key,
        createCluster(boardClusters(docs.board), { id: `c-${n.cluster}`, phase: n.phase as Phase, title: n.cluster, now: i }),
      );
    }
    const author = people.find((p) => p.id === n.author)!;
    createNote(boardNotes(docs.board), {
      id: `n${i}`,
      phase: n.phase as Phase,
      text: n.text,
      clusterId: clusterIds.get(key)!,
      author: { id: author.id, name: author.name, organisation: author.organisation },
      now: sessions[0]!.start + i * 60_000,
    });
  });
  publishTallies(docs.control, { n0: 3, n11: 5, 'c-money': 7, 'c-budget': 4 });

  const recClusters = [...new Set(fixture.notes.filter((n) => n.phase === 'recommendations').map((n) => n.cluster))];
  recClusters.forEach((cluster, order) => {
    const notes = fixture.notes.filter((n) => n.phase === 'recommendations' && n.cluster === cluster);
    const id = createRecommendation(docs.report, {
      id: `r-${cluster}`,
      title: notes[0]!.text,
      description: notes
        .slice(1)
        .map((n) => n.text)
        .join('\n'),
      order,
      sourceClusterId: `c-${cluster}`,
      painPointLinks: cluster === 'budget' ? ['c-money', 'n11'] : [],
      visionLinks: cluster === 'budget' ? ['c-speed'] : [],
    });
    notes
      .flatMap((n) => n.actions ?? [])
      .forEach((text, k) => {
        addActionStep(docs.report, id, { id: `${id}-s${k}`, text, owner: k === 0 ? 'OPSI' : '', horizon: 'medium' });
      });
  });
  return { docs, people };
}
