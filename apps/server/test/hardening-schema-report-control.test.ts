import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  MAX_LINKS_PER_RECOMMENDATION,
  MAX_STEP_TEXT_LENGTH,
  MAX_STEPS_PER_RECOMMENDATION,
  MAX_TITLE_LENGTH,
  addActionStep,
  controlSettings,
  controlState,
  createRecommendation,
  idleTimer,
  linkToRecommendation,
  listRecommendations,
  readSettings,
  reportRecommendations,
  setAsyncWindow,
  setJoiningClosed,
  setPhase,
  setPhaseLocked,
  start,
  updateActionStep,
  updateRecommendation,
  updateRecommendationPlan,
  writeProgress,
  writeSettings,
  writeSetup,
  writeTimer,
  writeVoting,
} from '@crossboard/model';
import { EXPORT_FORMATS } from '../src/export/limits.ts';
import { connectSynced, destroyAllClients, waitFor, type TestClient } from './helpers/clients.ts';
import { createWorkshop, removeDataDir, startServer, type TestServer } from './helpers/server.ts';

/**
 * Issue 11 (round two), item 1: the report and control rooms listed their top-level names but
 * stored any field, of any type and size, under them. Before their schemas a facilitator's
 * client (or one with a report editor's token) could store junk keys, a 500 KB title, a step
 * list of thousands and non-id links, and every joiner received them. The app's own writes
 * (the model's writers, as the web app calls them) must still pass.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterEach(() => destroyAllClients());
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
});

/** Once a later harmless change from `writer` reaches `reader`, everything `writer` sent before it has too. */
async function flush(writer: TestClient, reader: TestClient, room: 'control' | 'report') {
  const marker = `m${Math.random().toString(36).slice(2)}`;
  if (room === 'control') {
    controlState(writer.doc).set('spotlight', { marker });
    await waitFor(() => (controlState(reader.doc).get('spotlight') as { marker?: string } | null)?.marker === marker, 'marker relayed');
  } else {
    createRecommendation(writer.doc, { title: marker, id: marker });
    await waitFor(() => reportRecommendations(reader.doc).has(marker), 'marker relayed');
  }
}

const exportsAnswer = async (workshopId: string, token: string) =>
  Promise.all(
    EXPORT_FORMATS.map(async (format) => {
      const res = await server.app.inject({
        method: 'GET',
        url: `/api/workshops/${workshopId}/export?format=${format}`,
        headers: { authorization: `Bearer ${token}` },
      });
      return `${format}:${res.statusCode}`;
    }),
  );

describe('the control room schema', () => {
  it("keeps the app's own writes and puts back junk keys, wrong types, oversized values and unknown roots", async () => {
    const w = await createWorkshop(server.app);
    const room = `${w.id}/control`;
    const writer = await connectSynced(server.ws, room, w.facilitatorToken);
    const reader = await connectSynced(server.ws, room, w.facilitatorToken);
    const titleBefore = readSettings(reader.doc).title;

    // What the console writes.
    const doc = writer.doc;
    writeSettings(doc, { purpose: 'Cross-border transport', themes: ['Rail', 'Bus'], votesPerParticipant: 7 });
    writeSetup(doc, { phaseQuestions: { painPoints: 'What hurts?', visions: '', recommendations: '' }, agenda: [] });
    setPhase(doc, 'visions');
    setPhaseLocked(doc, 'painPoints', true);
    setJoiningClosed(doc, true);
    writeTimer(doc, start(idleTimer(600_000), Date.now()));
    writeVoting(doc, { phase: 'visions', target: 'notes', votesPerPerson: 5, status: 'open' });
    setAsyncWindow(doc, 'visions', { opensAt: Date.now(), closesAt: Date.now() + 86_400_000 });
    writeProgress(doc, null);
    doc.transact(() => {
      for (const key of ['drafting', 'anonymous', 'participantsMayCluster', 'participantsMayEditReport']) controlState(doc).set(key, true);
    });
    await flush(writer, reader, 'control');
    const state = controlState(reader.doc);
    expect(readSettings(reader.doc)).toMatchObject({ purpose: 'Cross-border transport', themes: ['Rail', 'Bus'], votesPerParticipant: 7 });
    expect(state.get('phase')).toBe('visions');
    expect(state.get('locks')).toEqual({ painPoints: true });
    expect(state.get('joiningClosed')).toBe(true);
    expect(state.get('voting')).toMatchObject({ phase: 'visions', status: 'open' });
    expect(state.get('timer')).toBeTruthy();
    expect(state.get('asyncWindows')).toBeTruthy();
    expect(state.get('participantsMayEditReport')).toBe(true);

    // What no feature writes.
    doc.transact(() => {
      controlSettings(doc).set('title', 't'.repeat(500_000));
      controlSettings(doc).set('junk', 'x'.repeat(100_000));
      controlState(doc).set('anonymous', 'yes please');
      controlState(doc).set('phase', 'bogus');
      controlState(doc).set('tallies', { huge: 'x'.repeat(300 * 1024) });
      controlState(doc).set('locks', new Y.Map());
      doc.getMap('elsewhere').set('payload', 'y'.repeat(100_000));
    });
    await flush(writer, reader, 'control');
    expect(readSettings(reader.doc).title).toBe(titleBefore);
    expect(controlSettings(reader.doc).has('junk')).toBe(false);
    expect(state.get('anonymous')).toBe(true);
    expect(state.get('phase')).toBe('visions');
    expect(state.has('tallies')).toBe(false);
    expect(state.get('locks')).toEqual({ painPoints: true });
    expect(reader.doc.getMap('elsewhere').size).toBe(0);
    // The writer's own document is corrected too.
    await waitFor(() => controlSettings(writer.doc).get('title') === titleBefore, "the writer's title put back");
    const stored = server.app.crossboard.rooms.loaded(room)!.document;
    expect(controlSettings(stored).has('junk')).toBe(false);
    expect(await exportsAnswer(w.id, w.facilitatorToken)).toEqual(EXPORT_FORMATS.map((f) => `${f}:200`));
  });
});

describe('the report room schema', () => {
  it("keeps the app's own writes and repairs or removes what breaks the schema; every export still answers", async () => {
    const w = await createWorkshop(server.app);
    const room = `${w.id}/report`;
    const writer = await connectSynced(server.ws, room, w.facilitatorToken);
    const reader = await connectSynced(server.ws, room, w.facilitatorToken);
    const doc = writer.doc;

    // What the report page writes.
    const good = createRecommendation(doc, { title: 'Open the timetables', description: 'Publish them as open data.' });
    const step = addActionStep(doc, good, { text: 'Ask the operators', owner: 'Ana', horizon: 'medium', due: '2027-03-01' })!;
    updateActionStep(doc, good, step, { status: 'agreed' });
    linkToRecommendation(doc, good, 'painPointLinks', 'note1');
    linkToRecommendation(doc, good, 'visionLinks', 'cluster1');
    updateRecommendationPlan(doc, good, { scaleBudget: '2 M€', sandbox: 'needed' });
    updateRecommendation(doc, good, { title: 'Open every timetable', order: 3 });
    await flush(writer, reader, 'report');
    const kept = listRecommendations(reader.doc).find((r) => r.id === good)!;
    expect(kept).toMatchObject({
      title: 'Open every timetable',
      order: 3,
      description: 'Publish them as open data.',
      painPointLinks: ['note1'],
      visionLinks: ['cluster1'],
      plan: { scaleBudget: '2 M€', sandbox: 'needed' },
      actionSteps: [{ id: step, text: 'Ask the operators', owner: 'Ana', horizon: 'medium', status: 'agreed', due: '2027-03-01' }],
    });

    // What no feature writes.
    const recs = reportRecommendations(doc);
    let stolen = '';
    doc.transact(() => {
      const r = recs.get(good)!;
      r.set('title', 't'.repeat(500_000));
      r.set('junk', { deep: 'x'.repeat(10_000) });
      r.set('sandbox', 'whenever');
      const links = r.get('painPointLinks') as Y.Array<unknown>;
      links.push(['__proto__', 42, ...Array.from({ length: MAX_LINKS_PER_RECOMMENDATION + 10 }, (_, i) => `n${i}`)]);
      const steps = r.get('actionSteps') as Y.Array<Y.Map<unknown>>;
      const bad = new Y.Map<unknown>();
      steps.push([bad]);
      bad.set('id', 'bad-step');
      bad.set('text', 's'.repeat(MAX_STEP_TEXT_LENGTH + 500));
      bad.set('horizon', 'never');
      bad.set('extra', true);
      for (let i = 0; i < MAX_STEPS_PER_RECOMMENDATION + 20; i++) {
        const m = new Y.Map<unknown>();
        steps.push([m]);
        m.set('id', `step${i}`);
      }
      // A recommendation under another one's key, and one under an unsafe key.
      const forged = new Y.Map<unknown>();
      recs.set('stolen', forged);
      forged.set('id', good);
      stolen = 'stolen';
      const proto = new Y.Map<unknown>();
      recs.set('__proto__', proto);
      proto.set('id', '__proto__');
      doc.getArray('junk').push(['z'.repeat(50_000)]);
    });
    await flush(writer, reader, 'report');
    const r = reportRecommendations(reader.doc).get(good)!;
    expect(r.get('title')).toBe('t'.repeat(MAX_TITLE_LENGTH));
    expect(r.has('junk')).toBe(false);
    expect(r.get('sandbox')).toBe('needed');
    const links = (r.get('painPointLinks') as Y.Array<unknown>).toArray();
    expect(links).toHaveLength(MAX_LINKS_PER_RECOMMENDATION);
    expect(links.slice(0, 2)).toEqual(['note1', 'n0']);
    const steps = (r.get('actionSteps') as Y.Array<Y.Map<unknown>>).toArray();
    expect(steps).toHaveLength(MAX_STEPS_PER_RECOMMENDATION);
    const badStep = steps.find((s) => s.get('id') === 'bad-step')!;
    expect(badStep.get('text')).toHaveLength(MAX_STEP_TEXT_LENGTH);
    expect(badStep.get('horizon')).toBe('short');
    expect(badStep.has('extra')).toBe(false);
    expect(reportRecommendations(reader.doc).has(stolen)).toBe(false);
    expect(reportRecommendations(reader.doc).has('__proto__')).toBe(false);
    expect(reader.doc.getArray('junk').length).toBe(0);
    expect(await exportsAnswer(w.id, w.facilitatorToken)).toEqual(EXPORT_FORMATS.map((f) => `${f}:200`));
  });

  it('every export answers 200 after random schema-breaking writes to the report and control rooms', async () => {
    const w = await createWorkshop(server.app);
    const report = await connectSynced(server.ws, `${w.id}/report`, w.facilitatorToken);
    const control = await connectSynced(server.ws, `${w.id}/control`, w.facilitatorToken);
    const reader = await connectSynced(server.ws, `${w.id}/report`, w.facilitatorToken);
    const id = createRecommendation(report.doc, { title: 'Fuzzed' });
    addActionStep(report.doc, id, { text: 'A step' });
    let seed = 11;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const values = (): unknown[] => [
      null,
      42,
      -1e300,
      'x'.repeat(rand(3000)),
      true,
      { a: 1 },
      [1, 'two'],
      new Y.Map(),
      new Y.Array(),
      new Y.Text('t'),
    ];
    const pick = () => {
      const v = values();
      return v[rand(v.length)];
    };
    const fields = [
      'id',
      'title',
      'order',
      'sourceClusterId',
      'description',
      'painPointLinks',
      'visionLinks',
      'actionSteps',
      'sandbox',
      'junk',
    ];
    const stateKeys = ['phase', 'timer', 'voting', 'tallies', 'locks', 'anonymous', 'spotlight', 'asyncWindows', 'junk'];
    for (let round = 0; round < 40; round++) {
      report.doc.transact(() => {
        const r = reportRecommendations(report.doc).get(id);
        if (r) r.set(fields[rand(fields.length)]!, pick());
        const steps = r?.get('actionSteps');
        if (steps instanceof Y.Array && steps.length > 0) {
          const s = steps.get(0);
          if (s instanceof Y.Map) s.set(['id', 'text', 'owner', 'horizon', 'status', 'due'][rand(6)]!, pick());
        }
      });
      control.doc.transact(() => {
        controlState(control.doc).set(stateKeys[rand(stateKeys.length)]!, pick());
        controlSettings(control.doc).set(['title', 'themes', 'sessions', 'phaseMinutes', 'agenda'][rand(5)]!, pick());
      });
    }
    await flush(report, reader, 'report');
    expect(await exportsAnswer(w.id, w.facilitatorToken)).toEqual(EXPORT_FORMATS.map((f) => `${f}:200`));
    // The documents the server holds load into a fresh client and read without throwing.
    const fresh = await connectSynced(server.ws, `${w.id}/report`, w.facilitatorToken);
    expect(() => listRecommendations(fresh.doc)).not.toThrow();
  });
});
