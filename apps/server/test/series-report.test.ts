import { strFromU8, unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { destroyAllClients } from './helpers/clients.ts';
import { buildWorkshop, call, type BuiltWorkshop } from './helpers/series-fixture.ts';
import { createWorkshop, removeDataDir, startServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
let porto: BuiltWorkshop;
let lyon: BuiltWorkshop;
let gdansk: BuiltWorkshop;
let seriesId: string;

const ana = { name: 'Ana Lima', organisation: 'City of Porto', country: 'Portugal', credit: 'named' as const };

beforeAll(async () => {
  server = await startServer();
  porto = await buildWorkshop(
    server,
    'Porto session',
    [
      { ...ana, note: 'Funding ends with the pilot' },
      { name: 'Bo Hidden', organisation: 'Quiet Transit Lab', country: 'Spain', credit: 'none', note: 'Nobody owns the result' },
    ],
    { title: 'Budget pilots for success', step: 'Add a scale-up line' },
  );
  lyon = await buildWorkshop(
    server,
    'Lyon session',
    [
      // Ana took part twice: she is one contributor, counted once in Portugal.
      { ...ana, note: 'Budgets stop at the pilot' },
      {
        name: 'Chloé Orgonly',
        organisation: 'Métropole de Lyon',
        country: 'France',
        credit: 'organisation',
        note: 'Procurement takes a year',
      },
    ],
    { title: 'Fund pilots assuming they work', step: 'Ring-fence funds' },
  );
  gdansk = await buildWorkshop(
    server,
    'Gdańsk session',
    [{ name: 'Dawid Nowak', organisation: 'Gdańsk Council', country: 'Poland', credit: 'named', note: 'Data sits in silos' }],
    { title: 'Share the data', step: 'Publish an open API' },
  );

  const created = await call(server, 'POST', '/api/series', porto.token, {
    title: 'Cities that move',
    purpose: 'Three sessions, one set of advice',
  });
  expect(created.status).toBe(201);
  seriesId = ((await created.json()) as { id: string }).id;
  for (const w of [lyon, gdansk])
    expect((await call(server, 'POST', `/api/series/${seriesId}/workshops`, porto.token, { token: w.token })).status).toBe(201);
}, 60_000);
afterEach(() => destroyAllClients());
afterAll(async () => {
  destroyAllClients();
  await server.close();
  removeDataDir(server.dataDir);
});

async function exported(format: string, token = porto.token) {
  const res = await call(server, 'GET', `/api/series/${seriesId}/export?format=${format}`, token);
  expect(res.status, format).toBe(200);
  return res;
}
const docxText = async (res: Response) => strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))['word/document.xml']!);
const count = (text: string, what: string) => text.split(what).length - 1;

describe('a series of three workshops', () => {
  it('holds every workshop’s recommendations and action steps in JSON, Markdown, CSV and Word', async () => {
    const json = JSON.parse(await (await exported('json')).text());
    const md = await (await exported('md')).text();
    const csv = await (await exported('csv')).text();
    const docx = await docxText(await exported('docx'));
    expect(json.workshops.map((w: { title: string }) => w.title)).toEqual(['Porto session', 'Lyon session', 'Gdańsk session']);
    for (const [title, step] of [
      ['Budget pilots for success', 'Add a scale-up line'],
      ['Fund pilots assuming they work', 'Ring-fence funds'],
      ['Share the data', 'Publish an open API'],
    ]) {
      expect(json.recommendations.map((r: { title: string }) => r.title)).toContain(title);
      for (const text of [md.replace(/\\/g, ''), csv, docx]) {
        expect(text).toContain(title);
        expect(text).toContain(step);
      }
    }
  });

  it('credits each contributor once, as each chose, and never names who asked not to be', async () => {
    const json = JSON.parse(await (await exported('json')).text());
    // Fran ran all three workshops: credited once too.
    expect(json.contributors.named).toEqual([
      { name: 'Ana Lima', organisation: 'City of Porto' },
      { name: 'Dawid Nowak', organisation: 'Gdańsk Council' },
      { name: 'Fran Facilitator', organisation: '' },
    ]);
    expect(json.contributors.organisations.map((o: { organisation: string }) => o.organisation)).toEqual([
      'City of Porto',
      'Gdańsk Council',
      'Métropole de Lyon',
    ]);
    const md = await (await exported('md')).text();
    const credits = md.slice(md.indexOf('## Contributors'));
    expect(count(credits, 'Ana Lima')).toBe(1);
    expect(count(credits, 'Fran Facilitator')).toBe(1);
    const docx = await docxText(await exported('docx'));
    for (const text of [md, docx, JSON.stringify(json), await (await exported('csv')).text()]) {
      expect(text).not.toContain('Bo Hidden');
      expect(text).not.toContain('Quiet Transit Lab');
      expect(text).not.toContain('Chloé Orgonly');
    }
    expect(docx).toContain('Métropole de Lyon');
  });

  it('counts participation by country over distinct people', async () => {
    const json = JSON.parse(await (await exported('json')).text());
    expect(json.participation.people).toBe(4);
    expect(Object.fromEntries(json.participation.countries.map((c: { country: string; people: number }) => [c.country, c.people]))).toEqual(
      { Portugal: 1, Spain: 1, France: 1, Poland: 1 },
    );
    expect(json.workshops.map((w: { participants: number }) => w.participants)).toEqual([2, 2, 1]);
  });

  it('merges two recommendations that say the same, keeping both sources, and undoes the merge', async () => {
    const kept = { workshopId: porto.id, recommendationId: porto.recommendationId };
    const merged = { workshopId: lyon.id, recommendationId: lyon.recommendationId };
    const res = await call(server, 'POST', `/api/series/${seriesId}/merges`, lyon.token, { kept, merged });
    expect(res.status, await res.clone().text()).toBe(201);
    const page = (await (await call(server, 'GET', `/api/series/${seriesId}`, gdansk.token)).json()) as {
      report: { recommendations: { title: string; sources: { workshopTitle: string }[] }[] };
    };
    expect(page.report.recommendations).toHaveLength(2);
    const budget = page.report.recommendations.find((r) => r.title === 'Budget pilots for success')!;
    expect(budget.sources.map((s) => s.workshopTitle)).toEqual(['Porto session', 'Lyon session']);
    const md = (await (await exported('md')).text()).replace(/\\/g, '');
    expect(md).toContain('From:* Porto session (Budget pilots for success); Lyon session (Fund pilots assuming they work)');
    expect((await call(server, 'DELETE', `/api/series/${seriesId}/merges/${lyon.id}/${lyon.recommendationId}`, porto.token)).status).toBe(
      200,
    );
    const after = JSON.parse(await (await exported('json')).text());
    expect(after.recommendations).toHaveLength(3);
  });

  it('refuses a merge with a recommendation outside the series', async () => {
    const other = await createWorkshop(server.app, { title: 'Elsewhere' });
    const res = await call(server, 'POST', `/api/series/${seriesId}/merges`, porto.token, {
      kept: { workshopId: porto.id, recommendationId: porto.recommendationId },
      merged: { workshopId: other.id, recommendationId: 'r1' },
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('RECOMMENDATION_NOT_FOUND');
  });
});

describe('who may manage a series', () => {
  it('keeps a workshop in one series at most', async () => {
    const res = await call(server, 'POST', '/api/series', lyon.token, { title: 'Another' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('WORKSHOP_IN_SERIES');
  });

  it('answers participants and staff of other workshops as if the series did not exist', async () => {
    expect((await call(server, 'GET', `/api/series/${seriesId}`, porto.people[0]!.token)).status).toBe(403);
    const stranger = await createWorkshop(server.app, { title: 'Stranger' });
    const res = await call(server, 'GET', `/api/series/${seriesId}`, stranger.facilitatorToken);
    expect(res.status).toBe(404);
    expect((await call(server, 'GET', `/api/series/${seriesId}`)).status).toBe(401);
  });

  it('adds a workshop only with a staff token of that workshop', async () => {
    const extra = await createWorkshop(server.app, { title: 'Extra' });
    const participant = await call(server, 'POST', `/api/workshops/${extra.id}/join`, undefined, {
      name: 'P',
      organisation: 'O',
      country: 'C',
      timeZone: 'UTC',
      language: 'en',
    });
    const { token } = (await participant.json()) as { token: string };
    expect((await call(server, 'POST', `/api/series/${seriesId}/workshops`, porto.token, { token })).status).toBe(403);
    expect((await call(server, 'POST', `/api/series/${seriesId}/workshops`, porto.token, { token: 'forged.token' })).status).toBe(401);
    expect((await call(server, 'POST', `/api/series/${seriesId}/workshops`, porto.token, { token: extra.facilitatorToken })).status).toBe(
      201,
    );
    expect((await call(server, 'DELETE', `/api/series/${seriesId}/workshops/${extra.id}`, porto.token)).status).toBe(200);
  });
});
