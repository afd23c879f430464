import { join as joinPath } from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FEEDBACK_COMMENT_LENGTH } from '@crossboard/model';
import { DATABASE_FILE } from '../src/storage/sqlite-storage.ts';
import { call } from './helpers/series-fixture.ts';
import { removeDataDir, startServer, type TestServer } from './helpers/server.ts';

/** The end-of-session survey over real HTTP, with the SQLite tables read behind the API's back. */
let server: TestServer;

const json = async (res: Response) => (await res.json()) as any;

async function workshop(title: string) {
  const w = await json(await call(server, 'POST', '/api/workshops', undefined, { title, facilitatorName: 'Fran' }));
  return { id: w.id as string, facilitator: w.facilitatorToken as string };
}
async function join(workshopId: string, name: string) {
  const res = await call(server, 'POST', `/api/workshops/${workshopId}/join`, undefined, {
    name,
    organisation: 'Port authority',
    country: 'France',
    timeZone: 'Europe/Paris',
    language: 'en',
  });
  if (res.status !== 201) throw new Error(`join: ${res.status} ${await res.text()}`);
  return (await json(res)) as { participantId: string; token: string };
}
const answer = (workshopId: string, token: string, body: unknown) =>
  call(server, 'POST', `/api/workshops/${workshopId}/feedback/answers`, token, body);
const expectError = async (res: Response, status: number, code: string) => {
  const body = await res.clone().text();
  expect(res.status, body).toBe(status);
  expect((await json(res)).error).toMatchObject({ code, message: expect.any(String) });
};

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
});

describe('the feedback survey', () => {
  it('is opened and closed by staff only, and takes answers only while open', async () => {
    const w = await workshop('Harbour mobility');
    const pia = await join(w.id, 'Pia');
    await expectError(await answer(w.id, pia.token, { useful: 4 }), 409, 'FEEDBACK_NOT_OPEN');
    await expectError(await call(server, 'POST', `/api/workshops/${w.id}/feedback/open`, pia.token, {}), 403, 'FORBIDDEN');
    await expectError(await call(server, 'GET', `/api/workshops/${w.id}/feedback/results`, pia.token), 403, 'FORBIDDEN');
    expect((await json(await call(server, 'GET', `/api/workshops/${w.id}/feedback`, pia.token))).survey).toBeNull();

    const opened = await call(server, 'POST', `/api/workshops/${w.id}/feedback/open`, w.facilitator, {});
    expect(opened.status).toBe(200);
    expect((await json(opened)).survey).toMatchObject({ status: 'open', anonymous: true });
    expect(await json(await call(server, 'GET', `/api/workshops/${w.id}/feedback`, pia.token))).toMatchObject({
      survey: { status: 'open' },
      answered: false,
    });
    // Staff read the results; they do not answer their own survey.
    await expectError(await answer(w.id, w.facilitator, { useful: 5 }), 403, 'FORBIDDEN');

    await expectError(await call(server, 'POST', `/api/workshops/${w.id}/feedback/close`, pia.token), 403, 'FORBIDDEN');
    expect((await call(server, 'POST', `/api/workshops/${w.id}/feedback/close`, w.facilitator)).status).toBe(200);
    await expectError(await answer(w.id, pia.token, { useful: 4 }), 409, 'FEEDBACK_NOT_OPEN');
    await expectError(await call(server, 'POST', `/api/workshops/${w.id}/feedback/close`, w.facilitator), 409, 'FEEDBACK_NOT_OPEN');
  });

  it('takes one answer per person, and the stored answers hold no person', async () => {
    const w = await workshop('Anonymous by default');
    const people = [await join(w.id, 'Ana'), await join(w.id, 'Ben'), await join(w.id, 'Chloé')];
    await call(server, 'POST', `/api/workshops/${w.id}/feedback/open`, w.facilitator, {});
    expect(
      (await answer(w.id, people[0]!.token, { useful: 5, comeAgain: 'yes', metSomeone: 'yes', change: 'More time for visions' })).status,
    ).toBe(201);
    expect((await answer(w.id, people[1]!.token, { useful: 3, comeAgain: 'maybe', metSomeone: 'no' })).status).toBe(201);
    expect((await answer(w.id, people[2]!.token, { change: 'Fewer slides' })).status).toBe(201);
    await expectError(await answer(w.id, people[0]!.token, { useful: 1 }), 409, 'FEEDBACK_ALREADY_ANSWERED');
    expect((await json(await call(server, 'GET', `/api/workshops/${w.id}/feedback`, people[0]!.token))).answered).toBe(true);

    const results = (await json(await call(server, 'GET', `/api/workshops/${w.id}/feedback/results`, w.facilitator))).results;
    expect(results).toMatchObject({
      answers: 3,
      useful: { 1: 0, 2: 0, 3: 1, 4: 0, 5: 1 },
      usefulMean: 4,
      comeAgain: { yes: 1, maybe: 1, no: 0 },
    });
    expect([...results.comments].sort()).toEqual(['Fewer slides', 'More time for visions']);

    const db = new Database(joinPath(server.dataDir, DATABASE_FILE), { readonly: true });
    try {
      const rows = db.prepare('SELECT * FROM feedback_answers WHERE workshop = ?').all(w.id) as Record<string, unknown>[];
      expect(rows).toHaveLength(3);
      const ids = people.map((p) => p.participantId);
      for (const row of rows) {
        expect(row.person).toBeNull();
        // No column of an answer, whatever it is called, holds anyone's id or a time.
        for (const value of Object.values(row)) expect(ids).not.toContain(value);
        expect(Object.keys(row).sort()).toEqual(['change', 'come_again', 'id', 'met_someone', 'person', 'useful', 'workshop']);
      }
      const respondents = db.prepare('SELECT person FROM feedback_respondents WHERE workshop = ?').all(w.id) as { person: string }[];
      expect(respondents.map((r) => r.person).sort()).toEqual([...ids].sort());
    } finally {
      db.close();
    }
  });

  it('refuses values out of range and a comment past the cap, at and just past each limit', async () => {
    const w = await workshop('Limits');
    await call(server, 'POST', `/api/workshops/${w.id}/feedback/open`, w.facilitator, {});
    const tries = [await join(w.id, 'P1'), await join(w.id, 'P2'), await join(w.id, 'P3')];
    for (const bad of [
      { useful: 0 },
      { useful: 6 },
      { useful: 4.5 },
      { comeAgain: 'often' },
      { metSomeone: 'maybe' },
      { change: 'x'.repeat(MAX_FEEDBACK_COMMENT_LENGTH + 1) },
      {},
    ]) {
      await expectError(await answer(w.id, tries[0]!.token, bad), 400, 'INVALID_BODY');
    }
    // Refused answers did not count as answering.
    expect((await answer(w.id, tries[0]!.token, { useful: 1, change: 'x'.repeat(MAX_FEEDBACK_COMMENT_LENGTH) })).status).toBe(201);
    expect((await answer(w.id, tries[1]!.token, { useful: 5 })).status).toBe(201);
    const results = (await json(await call(server, 'GET', `/api/workshops/${w.id}/feedback/results`, w.facilitator))).results;
    expect(results.useful).toMatchObject({ 1: 1, 5: 1 });
    expect(results.comments[0]).toHaveLength(MAX_FEEDBACK_COMMENT_LENGTH);
  });

  it('puts the results in every export of the workshop and of its series, combined', async () => {
    const a = await workshop('Lyon session');
    const b = await workshop('Gdańsk session');
    for (const [w, scores] of [
      [a, [5, 5]],
      [b, [2]],
    ] as const) {
      await call(server, 'POST', `/api/workshops/${w.id}/feedback/open`, w.facilitator, {});
      for (const [i, useful] of scores.entries()) {
        const p = await join(w.id, `P${i}`);
        await answer(w.id, p.token, { useful, comeAgain: 'yes', change: `Comment ${w === a ? 'Lyon' : 'Gdańsk'} ${i}` });
      }
    }
    const md = await (await call(server, 'GET', `/api/workshops/${a.id}/export?format=md`, a.facilitator)).text();
    expect(md).toContain('## Participant feedback');
    expect(md).toContain('2 answers; mean usefulness 5 of 5.');
    expect(md).toContain('| How useful was the session (1 = not at all, 5 = very) | 5 | 2 |');
    expect(md).toContain('- Comment Lyon 1');
    const csv = await (await call(server, 'GET', `/api/workshops/${a.id}/export?format=csv`, a.facilitator)).text();
    expect(csv).toContain('feedback,Would you come again?,yes,,,2,');
    const exported = JSON.parse(await (await call(server, 'GET', `/api/workshops/${a.id}/export?format=json`, a.facilitator)).text());
    expect(exported.feedback).toMatchObject({ answers: 2, usefulMean: 5 });
    const docx = strFromU8(
      unzipSync(
        new Uint8Array(await (await call(server, 'GET', `/api/workshops/${a.id}/export?format=docx`, a.facilitator)).arrayBuffer()),
      )['word/document.xml']!,
    );
    expect(docx).toContain('Participant feedback');
    expect(docx).toContain('Comment Lyon 0');

    const series = (await json(await call(server, 'POST', '/api/series', a.facilitator, { title: 'Cities that move' }))).id;
    expect((await call(server, 'POST', `/api/series/${series}/workshops`, a.facilitator, { token: b.facilitator })).status).toBe(201);
    const seriesJson = JSON.parse(await (await call(server, 'GET', `/api/series/${series}/export?format=json`, a.facilitator)).text());
    expect(seriesJson.feedback).toMatchObject({ answers: 3, usefulMean: 4, useful: { 2: 1, 5: 2 }, comeAgain: { yes: 3 } });
    const seriesMd = await (await call(server, 'GET', `/api/series/${series}/export?format=md`, a.facilitator)).text();
    expect(seriesMd).toContain('3 answers; mean usefulness 4 of 5.');
    expect(seriesMd).toContain('- Comment Gdańsk 0');
    const seriesCsv = await (await call(server, 'GET', `/api/series/${series}/export?format=csv`, a.facilitator)).text();
    expect(seriesCsv).toContain('feedback,,"How useful was the session (1 = not at all, 5 = very)",5,,,2,,,');
    const seriesDocx = strFromU8(
      unzipSync(new Uint8Array(await (await call(server, 'GET', `/api/series/${series}/export?format=docx`, a.facilitator)).arrayBuffer()))[
        'word/document.xml'
      ]!,
    );
    expect(seriesDocx).toContain('Comment Gdańsk 0');
    expect((await json(await call(server, 'GET', `/api/series/${series}`, a.facilitator))).report.feedback.answers).toBe(3);
  });
});
