import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { boardNotes, createNote, readVotingRounds, votingRoundsMap } from '@crossboard/model';
import { connectSynced, waitFor } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

const server = useServer();

/** A workshop that voted on its pain points, then on its visions, over real sockets. */
async function twoRounds() {
  const w = await createWorkshop(server.app, { homeTimeZone: 'Europe/Paris' });
  const base = `/api/workshops/${w.id}`;
  const ana = await joinAsParticipant(server.app, w.id, 'Ana');
  const ben = await joinAsParticipant(server.app, w.id, 'Ben');
  const board = await connectSynced(server.ws, `${w.id}/board`, w.facilitatorToken);
  const ids: Record<string, string> = {};
  board.doc.transact(() => {
    ids.loops = createNote(boardNotes(board.doc), { phase: 'painPoints', text: 'No learning loops' });
    ids.budget = createNote(boardNotes(board.doc), { phase: 'painPoints', text: 'Pilots budgeted to fail' });
    ids.data = createNote(boardNotes(board.doc), { phase: 'visions', text: 'Shared data spaces' });
  });
  await waitFor(() => server.app.crossboard.rooms.loaded(`${w.id}/board`)?.document.getMap('notes').size === 3, 'notes stored');
  const vote = async (token: string, itemId: string) =>
    expect((await server.call('POST', `${base}/votes`, token, { itemId })).statusCode).toBe(201);

  expect(
    (await server.call('POST', `${base}/voting/open`, w.facilitatorToken, { phase: 'painPoints', target: 'notes', votesPerPerson: 3 }))
      .statusCode,
  ).toBe(200);
  await vote(ana.token, ids.budget!);
  await vote(ben.token, ids.budget!);
  await vote(ben.token, ids.loops!);
  expect((await server.call('POST', `${base}/voting/close`, w.facilitatorToken, {})).statusCode).toBe(200);

  expect(
    (
      await server.call('POST', `${base}/voting/open`, w.facilitatorToken, {
        phase: 'visions',
        target: 'notes',
        votesPerPerson: 2,
        maxPerItem: 1,
      })
    ).statusCode,
  ).toBe(200);
  await vote(ana.token, ids.data!);
  expect((await server.call('POST', `${base}/voting/close`, w.facilitatorToken, {})).statusCode).toBe(200);
  return { w, ana, ids, base };
}

describe('voting rounds keep their results', () => {
  it('shows participants both rounds after the second closes', async () => {
    const { w, ana, ids } = await twoRounds();
    const control = await connectSynced(server.ws, `${w.id}/control`, ana.token);
    const rounds = await waitFor(() => {
      const r = readVotingRounds(control.doc);
      return r.length === 2 && r.every((x) => x.status === 'closed') ? r : null;
    }, 'two closed rounds');
    expect(rounds.map((r) => [r.phase, r.votesPerPerson, r.maxPerItem, { ...r.tallies }])).toEqual([
      ['painPoints', 3, null, { [ids.budget!]: 2, [ids.loops!]: 1 }],
      ['visions', 2, 1, { [ids.data!]: 1 }],
    ]);
    for (const r of rounds) expect(r.closedAt! >= r.openedAt!).toBe(true);
  });

  it('puts both rounds’ tallies in the Markdown, CSV, JSON and Word exports', async () => {
    const { w, base } = await twoRounds();
    const get = (format: string) => server.call('GET', `${base}/export?format=${format}`, w.facilitatorToken);

    const md = (await get('md')).body;
    expect(md).toMatch(
      /### Round 1: Pain points, notes · 3 dots each\n\nOpened [^\n]+\n\n- \*\*2\*\* · Pilots budgeted to fail\n- \*\*1\*\* · No learning loops/,
    );
    expect(md).toMatch(
      /### Round 2: Future visions, notes · 2 dots each, at most 1 per item\n\nOpened [^\n]+\n\n- \*\*1\*\* · Shared data spaces/,
    );

    const csv = (await get('csv')).body.replace(/^\ufeff/, '').split('\r\n');
    expect(csv[0]).toMatch(/,"Round 1: Pain points, notes \(votes\)","Round 2: Future visions, notes \(votes\)"$/);
    expect(csv.find((l) => l.includes('Pilots budgeted to fail'))).toMatch(/,2,$/);
    expect(csv.find((l) => l.includes('Shared data spaces'))).toMatch(/,,1$/);

    const json = JSON.parse((await get('json')).body);
    expect(json.version).toBe(2);
    expect(json.votingRounds.map((r: { phase: string; results: unknown[] }) => [r.phase, r.results.length])).toEqual([
      ['painPoints', 2],
      ['visions', 1],
    ]);

    const docx = unzipSync(new Uint8Array((await get('docx')).rawPayload));
    const text = [...strFromU8(docx['word/document.xml']!).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    expect(text).toContain('Round 1: Pain points, notes · 3 dots each');
    expect(text).toContain('Round 2: Future visions, notes · 2 dots each, at most 1 per item');
    expect(text).toMatch(/Pilots budgeted to fail\|2\|/);
    expect(text).toMatch(/Shared data spaces\|1\|/);
  });

  it('puts back a facilitator’s socket write to the rounds: only the server records results', async () => {
    const { w } = await twoRounds();
    const control = await connectSynced(server.ws, `${w.id}/control`, w.facilitatorToken);
    await waitFor(() => readVotingRounds(control.doc).length === 2 || null, 'rounds synced');
    const [first] = [...votingRoundsMap(control.doc).keys()];
    votingRoundsMap(control.doc).delete(first!);
    votingRoundsMap(control.doc).set('round-forged', {
      id: 'round-forged',
      phase: 'painPoints',
      target: 'notes',
      status: 'closed',
      results: [],
    });
    await waitFor(
      () => (votingRoundsMap(control.doc).has(first!) && !votingRoundsMap(control.doc).has('round-forged')) || null,
      'forgery put back',
    );
    const stored = server.app.crossboard.rooms.loaded(`${w.id}/control`)!.document;
    expect(readVotingRounds(stored)).toHaveLength(2);
  });
});
