import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  agendaOfSession,
  controlCorrections,
  controlSettings,
  CROSS_BORDER_AGENDA,
  isSessionAgendasValue,
  MAX_AGENDA_ITEMS,
  MAX_SESSION_AGENDAS,
  readOwnSessionAgendas,
  readSessionAgenda,
  writeSetup,
  type AgendaItem,
} from '../src/index.ts';

const JUNE_3 = Date.UTC(2027, 5, 3, 13, 30);
const JUNE_7 = Date.UTC(2027, 5, 7, 7, 0);
const short: AgendaItem[] = [
  { kind: 'welcome', minutes: 10 },
  { kind: 'phase', phase: 'visions', minutes: 60 },
];
const entries = (n: number, items = short) => Array.from({ length: n }, (_, i) => ({ session: JUNE_3 + i * 86_400_000, items }));

describe('an agenda for each session', () => {
  it('gives a workshop made with one agenda for all that agenda in every session', () => {
    // An old control room: settings.agenda only, no sessionAgendas.
    const doc = new Y.Doc();
    controlSettings(doc).set('agenda', [...CROSS_BORDER_AGENDA]);
    const own = readOwnSessionAgendas(doc);
    expect(own).toEqual([]);
    for (const start of [JUNE_3, JUNE_7, null]) expect(agendaOfSession(readSessionAgenda(doc), own, start)).toEqual(CROSS_BORDER_AGENDA);
  });

  it('lets one session follow its own agenda while the others keep the default', () => {
    const doc = new Y.Doc();
    writeSetup(doc, { agenda: CROSS_BORDER_AGENDA, sessionAgendas: [{ session: JUNE_7, items: short }] });
    const own = readOwnSessionAgendas(doc);
    expect(agendaOfSession(readSessionAgenda(doc), own, JUNE_7)).toEqual(short);
    expect(agendaOfSession(readSessionAgenda(doc), own, JUNE_3)).toEqual(CROSS_BORDER_AGENDA);
  });

  it('accepts up to the caps and refuses one session or one item past them', () => {
    expect(isSessionAgendasValue(entries(MAX_SESSION_AGENDAS))).toBe(true);
    expect(isSessionAgendasValue(entries(MAX_SESSION_AGENDAS + 1))).toBe(false);
    const full = Array.from({ length: MAX_AGENDA_ITEMS }, () => ({ kind: 'other', minutes: 5 }) as AgendaItem);
    expect(isSessionAgendasValue(entries(1, full))).toBe(true);
    expect(isSessionAgendasValue(entries(1, [...full, { kind: 'other', minutes: 5 }]))).toBe(false);
  });

  it('refuses malformed entries: no start, a bad item, the same session twice', () => {
    expect(isSessionAgendasValue([{ items: short }])).toBe(false);
    expect(isSessionAgendasValue([{ session: JUNE_3, items: [{ kind: 'nap', minutes: 5 }] }])).toBe(false);
    expect(isSessionAgendasValue([{ session: JUNE_3, items: [{ kind: 'break', minutes: 0 }] }])).toBe(false);
    expect(isSessionAgendasValue([...entries(1), ...entries(1)])).toBe(false);
    expect(isSessionAgendasValue({ session: JUNE_3, items: short })).toBe(false);
  });

  it('puts back a malformed sessionAgendas a client writes to the control room', () => {
    const change = (after: unknown) => controlCorrections([], [{ map: 'settings', key: 'sessionAgendas', deleted: false, after }]);
    expect(change(entries(2))).toEqual([]);
    expect(change(entries(MAX_SESSION_AGENDAS + 1))).toEqual([
      { rule: 'control-schema', kind: 'restoreKey', map: 'settings', key: 'sessionAgendas' },
    ]);
  });
});
