import { describe, expect, it } from 'vitest';
import { controlState, readSettings, roomName } from '@crossboard/model';
import { createWorkshop } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

const server = useServer();

async function control(id: string) {
  return server.app.crossboard.rooms.use(roomName({ workshopId: id, kind: 'control' }), (room) => ({
    settings: readSettings(room.document),
    state: controlState(room.document).toJSON(),
  }));
}

describe('workshop templates', () => {
  it('creates a workshop from the cross-border template', async () => {
    const w = await createWorkshop(server.app, { title: 'Ports', template: 'cross-border' });
    const { settings, state } = await control(w.id);
    expect(settings.themes).toContain('Data sharing and interoperable systems');
    expect(settings.phaseMinutes).toEqual({ painPoints: 30, visions: 30, recommendations: 45 });
    expect(settings.purpose).toMatch(/^Identify pain points/);
    expect(state).toMatchObject({ anonymous: false, participantsMayEditReport: false });
  });

  it('lets the request override a template: a retrospective with its own themes, anonymous by default', async () => {
    const w = await createWorkshop(server.app, { title: 'Sprint 12', template: 'retrospective', themes: ['Deploys'] });
    const { settings, state } = await control(w.id);
    expect(settings).toMatchObject({ title: 'Sprint 12', themes: ['Deploys'], votesPerParticipant: 3 });
    expect(state).toMatchObject({ anonymous: true, participantsMayEditReport: true });
  });

  it('creates a blank workshop', async () => {
    const w = await createWorkshop(server.app, { title: 'Empty', template: 'blank' });
    expect((await control(w.id)).settings).toMatchObject({ themes: [], purpose: '' });
  });

  it('saves a workshop’s structure as a template that creates a workshop with the same structure', async () => {
    const w = await createWorkshop(server.app, {
      title: 'Ports',
      purpose: 'Faster crossings',
      themes: ['Mobility'],
      homeTimeZone: 'Europe/Lisbon',
      phaseMinutes: { visions: 12 },
      votesPerParticipant: 8,
    });
    const res = await server.app.inject({
      method: 'GET',
      url: `/api/workshops/${w.id}/template`,
      headers: { authorization: `Bearer ${w.facilitatorToken}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="ports-.*\.template\.json"$/);
    const template = res.json();
    expect(template).toMatchObject({
      format: 'crossboard-template',
      version: 1,
      name: 'Ports',
      themes: ['Mobility'],
      homeTimeZone: 'Europe/Lisbon',
      votesPerParticipant: 8,
    });
    const copy = await createWorkshop(server.app, { title: 'Ports, second round', template });
    const a = (await control(w.id)).settings;
    const b = (await control(copy.id)).settings;
    expect({ ...b, title: a.title }).toEqual(a);
  });

  it('refuses an unknown template or a broken one with 400, saying which', async () => {
    const unknown = await server.app.inject({ method: 'POST', url: '/api/workshops', payload: { title: 'X', template: 'hackathon' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/unknown template "hackathon"; use one of cross-border, retrospective, blank/);
    const broken = await server.app.inject({
      method: 'POST',
      url: '/api/workshops',
      payload: { title: 'X', template: { format: 'crossboard-template', version: 1 } },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toMatch(/^template\.name/);
    const wrongType = await server.app.inject({ method: 'POST', url: '/api/workshops', payload: { title: 'X', template: 5 } });
    expect(wrongType.statusCode).toBe(400);
  });

  it('lets only facilitators and organisers save the template', async () => {
    const w = await createWorkshop(server.app, { title: 'Ports' });
    const join = await server.app.inject({
      method: 'POST',
      url: `/api/workshops/${w.id}/join`,
      payload: { name: 'Ana', organisation: 'Porto', country: 'PT', timeZone: 'Europe/Lisbon', language: 'en' },
    });
    const res = await server.app.inject({
      method: 'GET',
      url: `/api/workshops/${w.id}/template`,
      headers: { authorization: `Bearer ${join.json().token}` },
    });
    expect(res.statusCode).toBe(403);
  });
});
