import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CROSS_BORDER_AGENDA } from '../src/agenda/built-in-agenda.ts';
import { readOwnSessionAgendas, readSessionAgenda, writeSetup } from '../src/schema/control-setup.ts';
import { readSettings, writeSettings } from '../src/schema/control.ts';
import { exportWorkshopJson, importWorkshop, snapshotFromDocs, snapshotToDocs } from '../src/report/index.ts';
import { MAX_AGENDA_ITEMS } from '../src/agenda/agenda.ts';
import { fixtureWorkshop } from './fixture-workshop.ts';

const own = [{ kind: 'plenary' as const, minutes: 150 }];

describe('agendas in the workshop JSON', () => {
  it('carry the shared agenda and each session’s own through export and import', () => {
    const { docs, people } = fixtureWorkshop();
    const sessions = readSettings(docs.control).sessions;
    const second = { label: 'Session 2', start: sessions[0]!.start + 4 * 86_400_000, end: sessions[0]!.end + 4 * 86_400_000 };
    writeSettings(docs.control, { sessions: [...sessions, second] });
    writeSetup(docs.control, { agenda: CROSS_BORDER_AGENDA, sessionAgendas: [{ session: second.start, items: own }] });

    const file = exportWorkshopJson(snapshotFromDocs(docs, people));
    expect(JSON.parse(file).workshop.sessionAgendas).toEqual([{ session: new Date(second.start).toISOString(), items: own }]);
    const back = snapshotToDocs(importWorkshop(file));
    expect(readSessionAgenda(back.control)).toEqual(CROSS_BORDER_AGENDA);
    expect(readOwnSessionAgendas(back.control)).toEqual([{ session: second.start, items: own }]);
    // Sessions keep their own shape: the agendas do not leak into them.
    const keys = readSettings(back.control).sessions.map((s) => Object.keys(s).sort().join());
    expect(keys).toEqual(Array.from({ length: sessions.length + 1 }, () => 'end,label,start'));
    expect(exportWorkshopJson(snapshotFromDocs(back, people))).toBe(file);
  });

  it('adds no agenda keys to a version-1 file that has none', () => {
    const v1 = readFileSync(new URL('./fixtures/workshop-export-v1.json', import.meta.url), 'utf8');
    const s = importWorkshop(v1);
    expect(s.workshop.agenda).toBeUndefined();
    const file = exportWorkshopJson(s);
    expect(JSON.parse(file).workshop).not.toHaveProperty('agenda');
    expect(JSON.parse(file).workshop).not.toHaveProperty('sessionAgendas');
  });

  it('refuses an import with a malformed agenda or one item past the cap, naming where', () => {
    const { docs, people } = fixtureWorkshop();
    const file = JSON.parse(exportWorkshopJson(snapshotFromDocs(docs, people)));
    const item = { kind: 'other', minutes: 5 };
    const withAgenda = (agenda: unknown) => JSON.stringify({ ...file, workshop: { ...file.workshop, agenda } });
    expect(importWorkshop(withAgenda(Array.from({ length: MAX_AGENDA_ITEMS }, () => item))).workshop.agenda).toHaveLength(MAX_AGENDA_ITEMS);
    expect(() => importWorkshop(withAgenda(Array.from({ length: MAX_AGENDA_ITEMS + 1 }, () => item)))).toThrow(/\$\.workshop\.agenda/);
    expect(() => importWorkshop(withAgenda([{ kind: 'nap', minutes: 5 }]))).toThrow(/\$\.workshop\.agenda: expected agenda items/);
  });
});
