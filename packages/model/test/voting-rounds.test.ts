import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { controlState } from '../src/schema/control.ts';
import { publishTallies, readVotingRounds, writeVoting, writeVotingRound, type VotingRound } from '../src/schema/control-voting.ts';
import { boardNotes } from '../src/schema/board.ts';
import { exportWorkshopJson, importWorkshop, renderCsv, renderMarkdown, snapshotFromDocs, snapshotToDocs } from '../src/report/index.ts';
import { fixtureWorkshop } from './fixture-workshop.ts';

const round = (over: Partial<VotingRound>): VotingRound => ({
  id: 'round-a',
  phase: 'painPoints',
  target: 'clusters',
  votesPerPerson: 5,
  maxPerItem: null,
  status: 'closed',
  openedAt: Date.UTC(2021, 5, 3, 14, 0),
  closedAt: Date.UTC(2021, 5, 3, 14, 10),
  tallies: {},
  ...over,
});

/** The fixture workshop after a pain-points vote on clusters, then a visions vote on notes. */
function twoRounds() {
  const { docs, people } = fixtureWorkshop();
  // The fixture's totals are from before rounds were kept; this workshop voted in rounds.
  controlState(docs.control).delete('tallies');
  writeVotingRound(docs.control, round({ id: 'round-a', tallies: { 'c-money': 6, 'c-culture': 2 } }));
  writeVotingRound(
    docs.control,
    round({
      id: 'round-b',
      phase: 'visions',
      target: 'notes',
      votesPerPerson: 3,
      maxPerItem: 2,
      openedAt: Date.UTC(2021, 5, 7, 8, 0),
      closedAt: Date.UTC(2021, 5, 7, 8, 5),
      tallies: { n14: 4 },
    }),
  );
  return snapshotFromDocs(docs, people);
}

describe('voting rounds', () => {
  it('keeps the first round’s results when a second round is written', () => {
    const s = twoRounds();
    expect(s.votingRounds.map((r) => [r.id, r.phase, r.results])).toEqual([
      [
        'round-a',
        'painPoints',
        [
          { itemId: 'c-money', votes: 6 },
          { itemId: 'c-culture', votes: 2 },
        ],
      ],
      ['round-b', 'visions', [{ itemId: 'n14', votes: 4 }]],
    ]);
    expect(s.clusters.find((c) => c.id === 'c-money')!.votes).toBe(6);
    expect(s.notes.find((n) => n.id === 'n14')!.votes).toBe(4);
  });

  it('lists both rounds in the Markdown, with dots and times in the home zone', () => {
    const md = renderMarkdown(twoRounds());
    expect(md).toContain(
      '### Round 1: Pain points, clusters · 5 dots each\n\nOpened 3 Jun 2021, 16:00, closed 16:10 (Europe/Paris)\n\n- **6** · money\n- **2** · culture',
    );
    expect(md).toContain(
      '### Round 2: Future visions, notes · 3 dots each, at most 2 per item\n\nOpened 7 Jun 2021, 10:00, closed 10:05 (Europe/Paris)\n\n- **4** · ',
    );
  });

  it('gives each round a CSV column', () => {
    const [header, ...rows] = renderCsv(twoRounds()).split('\r\n');
    expect(header).toMatch(/,"Round 1: Pain points, clusters \(votes\)","Round 2: Future visions, notes \(votes\)"$/);
    const money = rows.find((r) => r.includes('Pilots are budgeted'))!;
    expect(money).toMatch(/,6,$/);
    expect(rows.find((r) => r.startsWith('Future visions'))).toMatch(/,(0|4)$/);
  });

  it('carries every round through JSON and back into rooms', () => {
    const s = twoRounds();
    const file = exportWorkshopJson(s);
    expect(JSON.parse(file).votingRounds).toHaveLength(2);
    const docs = snapshotToDocs(importWorkshop(file));
    expect(snapshotFromDocs(docs, s.people)).toEqual(s);
  });

  it('reads a control room from before rounds were kept as one round, and keeps it when the next opens', () => {
    const doc = new Y.Doc();
    writeVoting(doc, { phase: 'painPoints', target: 'notes', votesPerPerson: 5, status: 'closed' });
    publishTallies(doc, { n1: 3 });
    expect(readVotingRounds(doc)).toMatchObject([{ id: 'round-1', phase: 'painPoints', status: 'closed', tallies: { n1: 3 } }]);
    writeVotingRound(doc, round({ id: 'round-next', phase: 'visions', status: 'open', tallies: {} }));
    expect(readVotingRounds(doc).map((r) => r.id)).toEqual(['round-1', 'round-next']);
    expect(readVotingRounds(doc)[0]!.tallies).toEqual({ n1: 3 });
  });
});

describe('workshop JSON version 1 (frozen fixture)', () => {
  const v1 = readFileSync(new URL('./fixtures/workshop-export-v1.json', import.meta.url), 'utf8');

  it('still imports: its votes become one closed round per phase and kind, with unknown dots', () => {
    expect(JSON.parse(v1).version).toBe(1);
    const s = importWorkshop(v1);
    expect(s.votingRounds.map((r) => [r.phase, r.target, r.votesPerPerson, r.results.length])).toEqual([
      ['painPoints', 'clusters', null, 1],
      ['painPoints', 'notes', null, 1],
      ['recommendations', 'clusters', null, 1],
    ]);
    expect(s.clusters.find((c) => c.votes > 0)).toBeDefined();
    expect(s.notes.every((n) => n.theme === null)).toBe(true);
    const again = importWorkshop(exportWorkshopJson(s));
    expect(again).toEqual(s);
    expect(JSON.parse(exportWorkshopJson(s)).version).toBe(2);
  });
});

describe('themes', () => {
  it('travel with a note into the Markdown, CSV and JSON', () => {
    const { docs, people } = fixtureWorkshop();
    boardNotes(docs.board).get('n0')!.set('theme', 'Mobility');
    const s = snapshotFromDocs(docs, people);
    expect(renderMarkdown(s)).toMatch(/- Different administrative cultures clash[^\n]* · theme: Mobility/);
    expect(renderCsv(s).split('\r\n')[1]).toMatch(/^Pain points,culture,Different.*,2021-06-03 15:30,Mobility,/);
    expect(importWorkshop(exportWorkshopJson(s)).notes[0]!.theme).toBe('Mobility');
    expect(snapshotFromDocs(snapshotToDocs(s), people).notes[0]!.theme).toBe('Mobility');
  });
});
