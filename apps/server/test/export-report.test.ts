import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import {
  boardNotes,
  createNote,
  exportWorkshopJson,
  roundsFromItemVotes,
  sessionsFromLocal,
  type Phase,
  type Role,
  type WorkshopSnapshot,
} from '@crossboard/model';
import { connectSynced, waitFor } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { MAX_IMPORT_BYTES } from '../src/export/limits.ts';
import { useServer } from './helpers/use-server.ts';

type Fixture = {
  workshop: {
    title: string;
    purpose: string;
    homeTimeZone: string;
    themes: string[];
    sessions: { label: string; start: string; end: string }[];
  };
  participants: { id: string; name: string; organisation: string; country: string; role: string }[];
  notes: { phase: string; author: string; cluster: string; text: string; actions?: string[] }[];
};
const fixture: Fixture = JSON.parse(
  readFileSync(new URL('../../../packages/model/test/fixtures/cross-border-workshop.json', import.meta.url), 'utf8'),
);

/** The fixture workshop as a JSON export, with a few credit choices and votes, built from its data. */
function fixtureExport(): string {
  const w = fixture.workshop;
  const sessions = sessionsFromLocal(w.sessions, w.homeTimeZone);
  const credit = (id: string) => (id === 'p3' ? 'organisation' : id === 'p5' ? 'none' : 'named');
  const clusterIds = [...new Set(fixture.notes.map((n) => `${n.phase}/${n.cluster}`))];
  const votes: Record<string, number> = { 'c-money': 7, 'c-budget': 4, n11: 5 };
  const recClusters = [...new Set(fixture.notes.filter((n) => n.phase === 'recommendations').map((n) => n.cluster))];
  const snapshot: WorkshopSnapshot = {
    workshop: { title: w.title, purpose: w.purpose, themes: w.themes, homeTimeZone: w.homeTimeZone, sessions, anonymous: false },
    people: fixture.participants.map((p) => ({
      id: p.id,
      name: p.name,
      organisation: p.organisation,
      country: p.country,
      role: p.role as Role,
      credit: credit(p.id),
    })),
    clusters: clusterIds.map((key) => {
      const [phase, name] = key.split('/') as [Phase, string];
      return { id: `c-${name}`, phase, title: name, votes: votes[`c-${name}`] ?? 0 };
    }),
    notes: fixture.notes.map((n, i) => ({
      id: `n${i}`,
      phase: n.phase as Phase,
      text: n.text,
      authorId: n.author,
      clusterId: `c-${n.cluster}`,
      theme: null,
      colour: 'yellow',
      createdAt: sessions[0]!.start + i * 60_000,
      votes: votes[`n${i}`] ?? 0,
    })),
    votingRounds: [],
    recommendations: recClusters.map((cluster, order) => {
      const notes = fixture.notes.filter((n) => n.phase === 'recommendations' && n.cluster === cluster);
      return {
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
        actionSteps: notes
          .flatMap((n) => n.actions ?? [])
          .map((text, k) => ({
            id: `r-${cluster}-s${k}`,
            text,
            owner: k === 0 ? 'OPSI' : '',
            horizon: 'medium' as const,
            status: 'proposed' as const,
          })),
      };
    }),
  };
  snapshot.votingRounds = roundsFromItemVotes([
    ...snapshot.clusters.map((c) => ({ ...c, target: 'clusters' as const })),
    ...snapshot.notes.map((n) => ({ ...n, target: 'notes' as const })),
  ]);
  return exportWorkshopJson(snapshot);
}

const server = useServer();

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
async function exportAs(token: string, id: string, format: string) {
  return server.app.inject({ method: 'GET', url: `/api/workshops/${id}/export?format=${format}`, headers: bearer(token) });
}
async function importFixture() {
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/workshops/import',
    payload: fixtureExport(),
    headers: { 'content-type': 'application/json' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; facilitatorId: string; facilitatorToken: string; joinUrl: string };
}

describe('JSON import and export', () => {
  it('imports the fixture workshop as a new one (201, like creating one) whose export is the same file', async () => {
    const file = fixtureExport();
    const created = await importFixture();
    expect(created.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(created.facilitatorId).toBe('p1');
    expect(created.joinUrl).toBe(`/w/${created.id}/join`);
    const res = await exportAs(created.facilitatorToken, created.id, 'json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="innovation-through-cross-border-collaboration-report-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(res.body).toBe(file);
  });

  it('exports the committed example file byte for byte: the layout other tools read is pinned', async () => {
    // test/fixtures/workshop-export.json is the reviewed example of the format (field names,
    // order, nesting, ISO instants, two-space indent). A change to the layout must change
    // that file too, where a reviewer sees it; a round trip alone would follow any change.
    const example = readFileSync(new URL('./fixtures/workshop-export.json', import.meta.url), 'utf8');
    const imported = await server.app.inject({
      method: 'POST',
      url: '/api/workshops/import',
      payload: example,
      headers: { 'content-type': 'application/json' },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const { id, facilitatorToken } = imported.json() as { id: string; facilitatorToken: string };
    const res = await exportAs(facilitatorToken, id, 'json');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(example);
    expect(JSON.parse(example)).toMatchObject({ format: 'crossboard-workshop', version: 2 });
  });

  it('still imports a version-1 export (frozen in test/fixtures): its votes come back as rounds', async () => {
    const v1 = readFileSync(new URL('./fixtures/workshop-export-v1.json', import.meta.url), 'utf8');
    expect(JSON.parse(v1).version).toBe(1);
    const imported = await server.app.inject({
      method: 'POST',
      url: '/api/workshops/import',
      payload: v1,
      headers: { 'content-type': 'application/json' },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const { id, facilitatorToken } = imported.json() as { id: string; facilitatorToken: string };
    const res = await exportAs(facilitatorToken, id, 'json');
    expect(res.body).toBe(readFileSync(new URL('./fixtures/workshop-export.json', import.meta.url), 'utf8'));
    expect((await exportAs(facilitatorToken, id, 'md')).body).toContain('### Round 1: Pain points, clusters\n\n- **7** · money');
  });

  it('restores rooms that participants then work in: a new participant sees the imported notes', async () => {
    const created = await importFixture();
    const ana = await joinAsParticipant(server.app, created.id, 'Ana');
    const client = await connectSynced(server.ws, `${created.id}/board`, ana.token);
    await waitFor(() => boardNotes(client.doc).size === fixture.notes.length, 'imported notes');
  });

  it.each([
    ['not a workshop export', { hello: 'world' }, /not a workshop export Crossboard can read: \$\.format/],
    [
      'a note with a bad phase',
      (() => {
        const v = JSON.parse(fixtureExport());
        v.notes[2].phase = 'lunch';
        return v;
      })(),
      /\$\.notes\[2\]\.phase/,
    ],
    [
      'a person id that cannot name a room',
      (() => {
        const v = JSON.parse(fixtureExport());
        v.people[1].id = 'a/b';
        return v;
      })(),
      /\$\.people\[1\]\.id/,
    ],
    [
      'an unknown time zone',
      (() => {
        const v = JSON.parse(fixtureExport());
        v.workshop.homeTimeZone = 'Mars/Olympus';
        return v;
      })(),
      /Mars\/Olympus/,
    ],
  ])('refuses %s with 400 and says what is wrong', async (_name, payload, message) => {
    const res = await server.app.inject({ method: 'POST', url: '/api/workshops/import', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(message);
  });

  it(`accepts a file up to ${MAX_IMPORT_BYTES} bytes, and refuses a larger one with 413`, async () => {
    const v = JSON.parse(fixtureExport());
    const base = JSON.stringify(v).length;
    v.workshop.padding = '';
    const pad = (n: number) => ({ ...v, workshop: { ...v.workshop, padding: 'x'.repeat(n) } });
    // Unknown keys are ignored, so padding makes a valid file of exactly the limit.
    const atLimit = JSON.stringify(pad(MAX_IMPORT_BYTES - base - ',"padding":""'.length));
    expect(atLimit.length).toBe(MAX_IMPORT_BYTES);
    const ok = await server.app.inject({
      method: 'POST',
      url: '/api/workshops/import',
      payload: atLimit,
      headers: { 'content-type': 'application/json' },
    });
    expect(ok.statusCode).toBe(201);
    const tooBig = await server.app.inject({
      method: 'POST',
      url: '/api/workshops/import',
      payload: `${atLimit} `,
      headers: { 'content-type': 'application/json' },
    });
    expect(tooBig.statusCode).toBe(413);
  });
});

describe('report export', () => {
  it('gives the Word report: the DOCX opens and its document holds the recommendations and the contributors', async () => {
    const created = await importFixture();
    const res = await exportAs(created.facilitatorToken, created.id, 'docx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toMatch(/filename="innovation-through-cross-border-collaboration-report-.*\.docx"/);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
    const xml = strFromU8(files['word/document.xml']!);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    expect(text).toContain('1. Budget pilots assuming success: reserve scale-up funds from day one · 4 votes');
    expect(text).toContain('Add a scale-up line to every pilot budget template');
    expect(text).toContain('Pain points addressed: |money; Pilots are budgeted as if they will fail');
    expect(text).toContain('Contributors');
    expect(text).toContain('Participant Suva| (Small-island innovation firm)');
    // Credit choices: Brisbane asked for their organisation only; Dubai for no credit at all.
    expect(text).not.toContain('Participant Brisbane');
    expect(text).toContain('Civic tech start-up');
    expect(text).not.toContain('Participant Dubai');
    expect(text).not.toContain('Mohammed Bin Rashid Centre');
  });

  it('gives the Markdown report with the recommendations, vote results and credits', async () => {
    const created = await importFixture();
    const res = await exportAs(created.facilitatorToken, created.id, 'md');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.body).toMatch(/^# Innovation through cross-border collaboration\n/);
    expect(res.body).toContain('## Recommendations and action steps');
    expect(res.body).toContain('## Vote results');
    expect(res.body).toContain('- Participant Manchester (Greater Manchester Combined Authority)');
  });

  it('neutralises a CSV cell that starts with = (a note written over the socket by a participant)', async () => {
    const w = await createWorkshop(server.app, { homeTimeZone: 'Europe/Paris' });
    const ana = await joinAsParticipant(server.app, w.id, '=cmd|/C calc!A0');
    const client = await connectSynced(server.ws, `${w.id}/board`, ana.token);
    createNote(boardNotes(client.doc), {
      phase: 'painPoints',
      text: '=HYPERLINK("http://evil.example","click")',
      author: { id: ana.participantId, name: '', organisation: '' },
    });
    // The note reaches the server over the socket: poll the export until it is there.
    let res = await exportAs(w.facilitatorToken, w.id, 'csv');
    for (const deadline = Date.now() + 10_000; !res.body.includes('HYPERLINK') && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 50));
      res = await exportAs(w.facilitatorToken, w.id, 'csv');
    }
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    const lines = res.body.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe('phase,cluster,text,author,organisation,votes,created_at_utc,created_at (Europe/Paris),theme');
    expect(lines[1]).toContain(`Pain points,,"'=HYPERLINK(""http://evil.example"",""click"")",'=cmd|/C calc!A0,City of Porto,0,`);
    expect(lines.some((l) => /(^|,)=/.test(l))).toBe(false);
  });

  it('refuses participants with 403 and a message, whatever the format', async () => {
    const created = await importFixture();
    const ana = await joinAsParticipant(server.app, created.id, 'Ana');
    for (const format of ['md', 'csv', 'json', 'docx', 'pdf']) {
      const res = await exportAs(ana.token, created.id, format);
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toEqual({
        code: 'FORBIDDEN',
        message: 'Only facilitators and organisers can export the report; ask one of them for the report.',
      });
    }
  });

  it('lets an organiser export; refuses an unknown format with 400 and no token with 401', async () => {
    const created = await importFixture();
    const inv = await server.app.inject({
      method: 'POST',
      url: `/api/workshops/${created.id}/invitations`,
      payload: { role: 'organiser' },
      headers: bearer(created.facilitatorToken),
    });
    const organiser = inv.json().token as string;
    expect((await exportAs(organiser, created.id, 'csv')).statusCode).toBe(200);
    const bad = await exportAs(organiser, created.id, 'pdf');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('Unknown export format "pdf": use one of md, csv, json, docx.');
    const anon = await server.app.inject({ method: 'GET', url: `/api/workshops/${created.id}/export?format=md` });
    expect(anon.statusCode).toBe(401);
  });

  it('credits a participant as they choose', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana Gómez');
    const md = async () => (await exportAs(w.facilitatorToken, w.id, 'md')).body;
    expect(await md()).toContain('- Ana Gómez (City of Porto)');
    const put = await server.app.inject({
      method: 'PUT',
      url: `/api/workshops/${w.id}/credit`,
      payload: { credit: 'organisation' },
      headers: bearer(ana.token),
    });
    expect(put.json()).toEqual({ credit: 'organisation' });
    expect(await md()).not.toContain('Ana Gómez');
    expect(await md()).toContain('- City of Porto');
    const get = await server.app.inject({ method: 'GET', url: `/api/workshops/${w.id}/credit`, headers: bearer(ana.token) });
    expect(get.json()).toEqual({ credit: 'organisation' });
    const bad = await server.app.inject({
      method: 'PUT',
      url: `/api/workshops/${w.id}/credit`,
      payload: { credit: 'famous' },
      headers: bearer(ana.token),
    });
    expect(bad.statusCode).toBe(400);
  });
});
