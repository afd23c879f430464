import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNote, draftNotes } from '@crossboard/model';
import { connectSynced, destroyAllClients, waitFor } from './helpers/clients.ts';
import { buildWorkshop, call, type BuiltWorkshop } from './helpers/series-fixture.ts';
import { removeDataDir, startServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
let porto: BuiltWorkshop;
let lyon: BuiltWorkshop;
let seriesId: string;

beforeAll(async () => {
  server = await startServer();
  porto = await buildWorkshop(
    server,
    'Porto session',
    [
      { name: 'Ana Lima', organisation: 'City of Porto', country: 'Portugal', credit: 'named', note: 'Funding ends with the pilot' },
      { name: 'Bo Hidden', organisation: 'Quiet Transit Lab', country: 'Spain', credit: 'none', note: 'Nobody owns the result' },
    ],
    { title: 'Budget pilots for success', step: 'Add a scale-up line' },
  );
  lyon = await buildWorkshop(
    server,
    'Lyon session',
    [
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
  seriesId = ((await (await call(server, 'POST', '/api/series', porto.token, { title: 'Cities that move' })).json()) as { id: string }).id;
  await call(server, 'POST', `/api/series/${seriesId}/workshops`, porto.token, { token: lyon.token });

  // A private draft and a vote cast: neither may reach a public page.
  const drafts = await connectSynced(server.ws, `${porto.id}/drafts/${porto.people[0]!.participantId}`, porto.people[0]!.token);
  const id = createNote(draftNotes(drafts.doc), { phase: 'painPoints', text: 'SECRET DRAFT never revealed' });
  const room = `${porto.id}/drafts/${porto.people[0]!.participantId}`;
  await waitFor(() => server.app.crossboard.rooms.loaded(room)?.document.getMap('notes').has(id), 'draft stored');
}, 60_000);
afterAll(async () => {
  destroyAllClients();
  await server.close();
  removeDataDir(server.dataDir);
});

/** A visitor: no token, no cookie, nothing but the link. */
const visit = (url: string) => fetch(`${server.http}${url}`);

describe.each([
  ['workshop', () => `/api/workshops/${porto.id}/publication`],
  ['series', () => `/api/series/${seriesId}/publication`],
])('a published %s page', (_kind, path) => {
  it('answers without a token: the report, the contributors as they chose, participation by country', async () => {
    const published = (await (await call(server, 'PUT', path(), porto.token)).json()) as { publication: { url: string } };
    expect(published.publication.url).toMatch(/^\/p\/[A-Za-z0-9_-]{22}$/);
    // Publishing again keeps the link people already have.
    expect(((await (await call(server, 'PUT', path(), porto.token)).json()) as typeof published).publication.url).toBe(
      published.publication.url,
    );

    const res = await visit(published.publication.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html).toContain('<main>');
    expect(html).toContain('Budget pilots for success');
    expect(html).toContain('Add a scale-up line');
    expect(html).toContain('Ana Lima');
    expect(html).toContain('Portugal: 1');
    expect(html).not.toContain('<script');

    for (const secret of ['Bo Hidden', 'Quiet Transit Lab', 'SECRET DRAFT', porto.token, lyon.token, porto.people[0]!.token, 'Bearer'])
      expect(html).not.toContain(secret);
    if (_kind === 'series') {
      expect(html).toContain('Fund pilots assuming they work');
      expect(html).toContain('Métropole de Lyon');
      expect(html).not.toContain('Chloé Orgonly');
    }
  });

  it('is 404 once unpublished, and a new link is made when published again', async () => {
    const before = ((await (await call(server, 'GET', path(), porto.token)).json()) as { publication: { url: string } }).publication.url;
    expect((await call(server, 'DELETE', path(), porto.token)).status).toBe(200);
    const gone = await visit(before);
    expect(gone.status).toBe(404);
    expect(await gone.text()).not.toContain('Budget pilots');
    const again = ((await (await call(server, 'PUT', path(), porto.token)).json()) as { publication: { url: string } }).publication.url;
    expect(again).not.toBe(before);
    expect((await visit(before)).status).toBe(404);
  });

  it('only staff publish: participants are refused', async () => {
    const res = await call(server, 'PUT', path(), porto.people[0]!.token);
    expect(res.status).toBe(403);
  });
});

it('answers a made-up or malformed link with 404', async () => {
  expect((await visit('/p/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
  expect((await visit('/p/__proto__')).status).toBe(404);
  expect((await visit('/p/%3Cscript%3E')).status).toBe(404);
});
