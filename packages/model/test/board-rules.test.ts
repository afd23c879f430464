import { describe, expect, it } from 'vitest';
import {
  BOARD_EXTENT,
  MAX_NOTE_BYTES_PER_PERSON_PER_ROOM,
  MAX_NOTE_TEXT_LENGTH,
  MAX_NOTES_PER_PERSON_PER_PHASE,
  plainRichText,
  runRules,
  type EntryChange,
  type Phase,
  type RoomChanges,
  type RuleDeps,
} from '../src/index.ts';
import { authorStamp, bytesPerPerson, clustering, lockedPhase, notesPerPerson, othersNotes, textLength } from '../src/rules/note-rules.ts';
import { clusterShape, knownRoots, noteShape } from '../src/rules/schema-rules.ts';

/**
 * Each board rule on plain changes, no Yjs and no server: `note(key, fields)` is a note as
 * the rules read it, `edit`, `create` and `remove` the three shapes of a change.
 */
const ANA = { id: 'ana', name: 'Ana', organisation: 'City of Porto' };
const note = (key: string, extra: Record<string, unknown> = {}) =>
  new Map<string, unknown>(
    Object.entries({ id: key, phase: 'painPoints', author: ANA, x: 0, y: 0, content: plainRichText('words'), ...extra }),
  );
const create = (key: string, after: Map<string, unknown>): EntryChange => ({ key, before: null, after, replaced: true, edited: new Set() });
const remove = (key: string, before: Map<string, unknown>): EntryChange => ({
  key,
  before,
  after: null,
  replaced: true,
  edited: new Set(),
});
const edit = (key: string, before: Map<string, unknown>, changes: Record<string, unknown>, deleted: string[] = []): EntryChange => {
  const after = new Map(before);
  for (const [k, v] of Object.entries(changes)) after.set(k, v);
  for (const k of deleted) after.delete(k);
  return { key, before, after, replaced: false, edited: new Set([...Object.keys(changes), ...deleted]) };
};
const changes = (notes: EntryChange[], extra: Partial<RoomChanges> = {}): RoomChanges => ({
  notes,
  clusters: [],
  roots: ['notes'],
  ...extra,
});
const deps = (over: Partial<RuleDeps> = {}): RuleDeps => ({
  room: 'board',
  personId: 'ben',
  trusted: false,
  anonymous: false,
  participantsMayCluster: true,
  locked: () => false,
  author: { id: 'ben', name: 'Ben', organisation: 'Galicia' },
  ownerOf: (_key, before) => (before?.get('author') as { id: string } | null)?.id ?? null,
  notesPerPhase: () => new Map(),
  bytesHeld: () => 0,
  clusterOwnerOf: () => null,
  clustersPerPhase: () => new Map(),
  ...over,
});
const kinds = (fixes: { rule: string; kind: string }[]) => fixes.map((f) => `${f.rule}:${f.kind}`);

describe('board rules, one at a time', () => {
  it.each([
    ['a root of the board', ['notes', 'clusters', 'meta'], []],
    ['a root of no room', ['junk'], ['unknown-root:dropRoot']],
  ])('knownRoots: %s', (_, roots, expected) => {
    expect(kinds(knownRoots(changes([], { roots }), deps()))).toEqual(expected);
  });

  it.each<[string, EntryChange, string[]]>([
    ['a well-formed new note', create('n1', note('n1')), []],
    ['a key other than its id', create('stolen', note('n1')), ['not-a-note:restore']],
    ['an unsafe key', create('__proto__', note('__proto__')), ['not-a-note:restore']],
    ['no phase', create('n1', note('n1', { phase: 'bogus' })), ['not-a-note:restore']],
    ['a phase set to bogus', edit('n1', note('n1'), { phase: 'bogus' }), ['note-schema:restoreField']],
    ['its id deleted', edit('n1', note('n1'), {}, ['id']), ['note-schema:restoreField']],
    ['its id changed to another note’s', edit('n1', note('n1'), { id: 'n2' }), ['note-schema:restoreField']],
    ['an unknown field', edit('n1', note('n1'), { extra: 1 }), ['note-schema:deleteField']],
    ['x = 1e300, clamped', edit('n1', note('n1'), { x: 1e300 }), ['note-schema:setField']],
    ['a 500 KB theme, clipped', edit('n1', note('n1'), { theme: 't'.repeat(500_000) }), ['note-schema:setField']],
    ['a colour of no palette', edit('n1', note('n1', { colour: 'blue' }), { colour: 'black' }), ['note-schema:restoreField']],
  ])('noteShape: %s', (_, change, expected) => {
    expect(kinds(noteShape(changes([change]), deps()))).toEqual(expected);
  });

  it('noteShape: clamps to the board’s extent', () => {
    const [fix] = noteShape(changes([edit('n1', note('n1'), { x: -1e300 })]), deps());
    expect(fix).toMatchObject({ kind: 'setField', field: 'x', value: -BOARD_EXTENT });
  });

  it('noteShape in a drafts room: no cluster id', () => {
    expect(kinds(noteShape(changes([create('n1', note('n1', { clusterId: 'c1' }))]), deps({ room: 'drafts' })))).toEqual([
      'note-schema:setField',
    ]);
  });

  it('clusterShape: a title past its length is clipped', () => {
    const c = create(
      'c1',
      new Map<string, unknown>([
        ['id', 'c1'],
        ['phase', 'visions'],
        ['title', 'x'.repeat(1000)],
      ]),
    );
    expect(kinds(clusterShape({ notes: [], clusters: [c], roots: [] }, deps()))).toEqual(['cluster-schema:setField']);
  });

  it.each<[string, EntryChange, string[]]>([
    ['deleting it', remove('n1', note('n1')), ['deleted-others-note:restore']],
    ['replacing it', { ...create('n1', note('n1', { author: null })), before: note('n1') }, ['replaced-others-note:restore']],
    ['moving it', edit('n1', note('n1'), { x: 5, y: 6 }), []],
    ['editing its words', edit('n1', note('n1'), { content: plainRichText('other words') }), []],
    ['blanking it', edit('n1', note('n1'), { content: plainRichText('  ') }), ['blanked-others-note:restoreField']],
    ['recolouring it', edit('n1', note('n1'), { colour: 'pink' }), ['others-note-field:restoreField']],
  ])("othersNotes: Ana's note, Ben %s", (_, change, expected) => {
    expect(kinds(othersNotes(changes([change]), deps()))).toEqual(expected);
  });

  it('othersNotes: a facilitator may', () => {
    expect(othersNotes(changes([remove('n1', note('n1'))]), deps({ trusted: true }))).toEqual([]);
  });

  it('lockedPhase: nothing on a locked phase changes', () => {
    const locked = (p: Phase) => p === 'painPoints';
    const mine = note('n1', { author: { id: 'ben' } });
    expect(
      kinds(lockedPhase(changes([edit('n1', mine, { x: 1 }), create('n2', note('n2', { phase: 'visions' }))]), deps({ locked }))),
    ).toEqual(['locked-phase:restore']);
  });

  it('clustering: no cluster ids while participants may not cluster', () => {
    const fixes = clustering(
      changes([create('n1', note('n1', { clusterId: 'c1' })), edit('n2', note('n2'), { clusterId: 'c2' })]),
      deps({ participantsMayCluster: false }),
    );
    expect(kinds(fixes)).toEqual(['clustering-not-allowed:setField', 'clustering-not-allowed:restoreField']);
  });

  it(`notesPerPerson: ${MAX_NOTES_PER_PERSON_PER_PHASE} per phase, counted on a move too`, () => {
    const full = () => new Map<Phase, number>([['painPoints', MAX_NOTES_PER_PERSON_PER_PHASE]]);
    const mine = note('n1', { phase: 'visions', author: { id: 'ben' } });
    expect(kinds(notesPerPerson(changes([edit('n1', mine, { phase: 'painPoints' })]), deps({ notesPerPhase: full })))).toEqual([
      'notes-per-person:restoreField',
    ]);
    expect(kinds(notesPerPerson(changes([create('n2', note('n2'))]), deps({ notesPerPhase: full })))).toEqual(['notes-per-person:restore']);
    expect(notesPerPerson(changes([edit('n1', mine, { phase: 'painPoints' })]), deps())).toEqual([]);
  });

  it('authorStamp: a new note carries its writer, none in anonymous mode', () => {
    expect(authorStamp(changes([create('n1', note('n1'))]), deps())[0]).toMatchObject({ field: 'author', value: { id: 'ben' } });
    expect(authorStamp(changes([create('n1', note('n1'))]), deps({ anonymous: true }))[0]).toMatchObject({ value: null });
  });

  it(`textLength: ${MAX_NOTE_TEXT_LENGTH} characters; an edit past it is put back, a new note cut`, () => {
    const long = plainRichText('x'.repeat(MAX_NOTE_TEXT_LENGTH + 1));
    expect(kinds(textLength(changes([edit('n1', note('n1'), { content: long })]), deps()))).toEqual(['text-length:restoreField']);
    const [cut] = textLength(changes([create('n2', note('n2', { content: long }))]), deps());
    expect(cut).toMatchObject({ kind: 'setText' });
    expect((cut as { text: string }).text).toHaveLength(MAX_NOTE_TEXT_LENGTH);
  });

  it(`bytesPerPerson: ${MAX_NOTE_BYTES_PER_PERSON_PER_ROOM} per person and room`, () => {
    const nearlyFull = () => MAX_NOTE_BYTES_PER_PERSON_PER_ROOM - 100;
    expect(bytesPerPerson(changes([create('n1', note('n1'))]), deps({ bytesHeld: () => 0 }))).toEqual([]);
    expect(
      kinds(
        bytesPerPerson(changes([create('n1', note('n1', { content: plainRichText('y'.repeat(500)) }))]), deps({ bytesHeld: nearlyFull })),
      ),
    ).toEqual(['bytes-per-person:restore']);
  });
});

describe('a move reads no more than it must', () => {
  // Owners, authors and the room's totals are database reads on the server, paid per update.
  it("moving anyone's note asks no owner, no author and no room totals", () => {
    const asked: string[] = [];
    const counting = deps({
      ownerOf: () => (asked.push('owner'), 'ana'),
      notesPerPhase: () => (asked.push('notes'), new Map()),
      bytesHeld: () => (asked.push('bytes'), MAX_NOTE_BYTES_PER_PERSON_PER_ROOM),
    });
    Object.defineProperty(counting, 'author', { get: () => (asked.push('author'), null) });
    const move = changes([edit('n1', note('n1', { updatedAt: 1 }), { x: 40, y: 70, updatedAt: 2 })]);
    for (const rule of [othersNotes, notesPerPerson, authorStamp, bytesPerPerson]) expect(rule(move, counting)).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('a field that grew is still counted', () => {
    const grown = changes([edit('n1', note('n1', { author: { id: 'ben' } }), { colour: 'a much longer colour name' })]);
    const full = deps({ bytesHeld: () => MAX_NOTE_BYTES_PER_PERSON_PER_ROOM });
    expect(kinds(bytesPerPerson(grown, full))).toEqual(['bytes-per-person:restore']);
  });
});

describe('the rules run in order', () => {
  it('a note refused by the schema is not counted or stamped by the later rules', () => {
    const fixes = runRules([noteShape, authorStamp, notesPerPerson], changes([create('stolen', note('n1'))]), deps());
    expect(kinds(fixes)).toEqual(['not-a-note:restore']);
  });
});
