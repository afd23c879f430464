import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addActionStep, createRecommendation, listRecommendations, MAX_PROGRESS_NOTE_LENGTH } from '@crossboard/model';
import { connectSynced, destroyAllClients, waitFor, type TestClient } from './helpers/clients.ts';
import { call } from './helpers/series-fixture.ts';
import { removeDataDir, startServer, type TestServer } from './helpers/server.ts';

/** Follow-up links over real HTTP, with the report room watched over a real WebSocket. */
let server: TestServer;
let workshopId: string;
let facilitator: string;
let organiser: string;
let participant: string;
let report: TestClient;
let cityStep: string;
let portStep: string;
let recommendationId: string;
const EMAIL = 'mayor.private@city.example';

const json = async (res: Response) => (await res.json()) as any;

beforeAll(async () => {
  server = await startServer();
  const created = await json(
    await call(server, 'POST', '/api/workshops', undefined, {
      title: 'Harbour mobility',
      homeTimeZone: 'Europe/Paris',
      facilitatorName: 'Fran',
      // Ends 23:30 in Paris the night the clocks go forward: 100 days on is 7 July.
      sessions: [{ label: 'Day 1', start: '2025-03-29T20:00', end: '2025-03-29T23:30' }],
    }),
  );
  workshopId = created.id;
  facilitator = created.facilitatorToken;
  organiser = (
    await json(await call(server, 'POST', `/api/workshops/${workshopId}/invitations`, facilitator, { role: 'organiser', name: 'Olga' }))
  ).token;
  participant = (
    await json(
      await call(server, 'POST', `/api/workshops/${workshopId}/join`, undefined, {
        name: 'Pia',
        organisation: 'Port authority',
        country: 'France',
        timeZone: 'Europe/Paris',
        language: 'en',
      }),
    )
  ).token;
  report = await connectSynced(server.ws, `${workshopId}/report`, facilitator);
  recommendationId = createRecommendation(report.doc, { title: 'Shared harbour desk' });
  cityStep = addActionStep(report.doc, recommendationId, { text: 'Sign the desk agreement', owner: 'City council', horizon: 'short' })!;
  portStep = addActionStep(report.doc, recommendationId, { text: 'Open the quay office', owner: 'Port authority', horizon: 'medium' })!;
  const reader = await connectSynced(server.ws, `${workshopId}/report`, facilitator);
  await waitFor(() => listRecommendations(reader.doc)[0]?.actionSteps.length === 2, 'steps on the server');
});

afterAll(async () => {
  destroyAllClients();
  await server.close();
  removeDataDir(server.dataDir);
});

async function ownerLink(name: string, token = facilitator): Promise<string> {
  const owner = await json(await call(server, 'POST', `/api/workshops/${workshopId}/followup/owners`, token, { name }));
  const link = await json(await call(server, 'POST', `/api/workshops/${workshopId}/followup/owners/${owner.id}/link`, token));
  return (link.url as string).replace('/f/', '');
}

describe('a follow-up link', () => {
  it("reads and updates only its owner's steps, and the report room shows the new status", async () => {
    const token = await ownerLink('city  Council');
    const page = await call(server, 'GET', `/api/followup/${token}`);
    expect(page.status).toBe(200);
    const body = await json(page);
    expect(body.owner.name).toBe('city Council');
    expect(body.steps.map((s: any) => [s.text, s.due, s.dueSource])).toEqual([['Sign the desk agreement', '2025-07-07', 'horizon']]);

    const other = await call(server, 'POST', `/api/followup/${token}/steps/${portStep}`, undefined, { status: 'done' });
    expect(other.status).toBe(404);
    expect((await json(other)).error.code).toBe('STEP_NOT_FOUND');

    const done = await call(server, 'POST', `/api/followup/${token}/steps/${cityStep}`, undefined, {
      status: 'done',
      note: 'Signed on 2 June',
    });
    expect(done.status).toBe(201);
    await waitFor(
      () => listRecommendations(report.doc)[0]!.actionSteps.find((s) => s.id === cityStep)?.status === 'done',
      'done in the room',
    );
    expect(listRecommendations(report.doc)[0]!.actionSteps.find((s) => s.id === portStep)!.status).toBe('proposed');

    const followup = await json(await call(server, 'GET', `/api/workshops/${workshopId}/followup`, facilitator));
    const history = followup.steps.find((s: any) => s.id === cityStep).history;
    expect(history).toEqual([{ at: expect.any(Number), status: 'done', note: 'Signed on 2 June' }]);
    expect(followup.summary.byStatus.done).toBe(1);
  });

  it(`takes a progress note of ${MAX_PROGRESS_NOTE_LENGTH} characters and refuses one longer`, async () => {
    const token = await ownerLink('Port authority');
    const at = await call(server, 'POST', `/api/followup/${token}/steps/${portStep}`, undefined, {
      note: 'n'.repeat(MAX_PROGRESS_NOTE_LENGTH),
    });
    expect(at.status).toBe(201);
    const past = await call(server, 'POST', `/api/followup/${token}/steps/${portStep}`, undefined, {
      note: 'n'.repeat(MAX_PROGRESS_NOTE_LENGTH + 1),
    });
    expect(past.status).toBe(400);
    expect((await json(past)).error.code).toBe('INVALID_BODY');
  });

  it('stops working once revoked, and a new link replaces the old one', async () => {
    const owner = await json(
      await call(server, 'POST', `/api/workshops/${workshopId}/followup/owners`, facilitator, { name: 'City council' }),
    );
    const first = await ownerLink('City council');
    const second = await ownerLink('City council');
    const replaced = await call(server, 'GET', `/api/followup/${first}`);
    expect(replaced.status).toBe(410);
    expect(await json(replaced)).toEqual({ error: { code: 'FOLLOWUP_LINK_REVOKED', message: expect.any(String) } });
    expect((await call(server, 'GET', `/api/followup/${second}`)).status).toBe(200);

    const revoke = await call(server, 'DELETE', `/api/workshops/${workshopId}/followup/owners/${owner.id}/link`, facilitator);
    expect(await json(revoke)).toEqual({ revoked: 1 });
    const read = await call(server, 'GET', `/api/followup/${second}`);
    expect(read.status).toBe(410);
    const write = await call(server, 'POST', `/api/followup/${second}/steps/${cityStep}`, undefined, { status: 'agreed' });
    expect(write.status).toBe(410);
    expect((await json(write)).error.code).toBe('FOLLOWUP_LINK_REVOKED');
    expect(listRecommendations(report.doc)[0]!.actionSteps.find((s) => s.id === cityStep)!.status).toBe('done');

    const unknown = await call(server, 'GET', `/api/followup/${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).error.code).toBe('FOLLOWUP_LINK_NOT_FOUND');
    expect((await json(await call(server, 'GET', '/api/followup/short'))).error.code).toBe('FOLLOWUP_LINK_NOT_FOUND');
  });

  it('gives the owner a calendar with a reminder on each due date', async () => {
    const token = await ownerLink('Port authority');
    const res = await call(server, 'GET', `/api/followup/${token}/calendar.ics`);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await res.text();
    expect(ics).toContain('DTSTART;VALUE=DATE:20260329');
    expect(ics).toContain('BEGIN:VALARM');
    expect(ics).not.toContain('Sign the desk agreement');
  });
});

describe("an owner's email", () => {
  it('is kept for organisers: facilitators may not set it, and only organisers are sent it', async () => {
    const byFacilitator = await call(server, 'POST', `/api/workshops/${workshopId}/followup/owners`, facilitator, {
      name: 'City council',
      email: EMAIL,
    });
    expect(byFacilitator.status).toBe(403);
    const set = await call(server, 'POST', `/api/workshops/${workshopId}/followup/owners`, organiser, {
      name: 'City council',
      email: EMAIL,
    });
    expect(set.status).toBe(201);
    expect((await json(set)).email).toBe(EMAIL);
    const forOrganiser = await (await call(server, 'GET', `/api/workshops/${workshopId}/followup`, organiser)).text();
    expect(forOrganiser).toContain(EMAIL);
  });

  it('appears in no answer to anyone else, no export, calendar or public page', async () => {
    const cityToken = await ownerLink('City council', organiser);
    const owners = (await json(await call(server, 'GET', `/api/workshops/${workshopId}/followup`, organiser))).owners;
    const city = owners.find((o: any) => o.name.toLowerCase() === 'city council');
    const bodies: string[] = [];
    const read = async (method: string, path: string, token?: string, body?: unknown) => {
      const res = await call(server, method, path, token, body);
      const type = res.headers.get('content-type') ?? '';
      if (type.includes('wordprocessingml')) {
        const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
        bodies.push(
          Object.values(files)
            .map((f) => strFromU8(f))
            .join('\n'),
        );
      } else bodies.push(await res.text());
      return res;
    };
    expect((await read('GET', `/api/workshops/${workshopId}/followup`, facilitator)).status).toBe(200);
    expect((await read('GET', `/api/workshops/${workshopId}/followup`, participant)).status).toBe(403);
    await read('GET', `/api/workshops/${workshopId}/followup/owners/${city.id}/calendar.ics`, facilitator);
    await read('POST', `/api/workshops/${workshopId}/followup/owners`, facilitator, { name: 'City council' });
    await read('POST', `/api/workshops/${workshopId}/followup/owners/${city.id}/link`, facilitator);
    await read('GET', `/api/followup/${cityToken}`);
    await read('GET', `/api/followup/${cityToken}/calendar.ics`);
    await read('POST', `/api/followup/${cityToken}/steps/${cityStep}`, undefined, { note: 'Still signed' });
    for (const format of ['md', 'csv', 'json', 'docx']) {
      expect((await read('GET', `/api/workshops/${workshopId}/export?format=${format}`, organiser)).status).toBe(200);
    }
    const published = await json(await call(server, 'PUT', `/api/workshops/${workshopId}/publication`, organiser));
    expect((await read('GET', published.publication.url)).status).toBe(200);
    // The report room, as a participant's socket receives it.
    const asParticipant = await connectSynced(server.ws, `${workshopId}/report`, participant);
    bodies.push(JSON.stringify(asParticipant.doc.toJSON()));
    expect(bodies.length).toBeGreaterThan(10);
    for (const b of bodies) expect(b).not.toContain('mayor.private');
  });
});
