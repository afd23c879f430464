import { describe, expect, it } from 'vitest';
import {
  MAX_CONTROL_VALUE_BYTES,
  MAX_LINKS_PER_RECOMMENDATION,
  MAX_PLAN_FIELD_LENGTH,
  MAX_STEP_TEXT_LENGTH,
  MAX_STEPS_PER_RECOMMENDATION,
  MAX_TITLE_LENGTH,
  REPORT_RULES,
  controlCorrections,
  listFixes,
  plainRichText,
  runRules,
  stepFixes,
  type ControlKeyChange,
  type EntryChange,
  type RuleDeps,
} from '../src/index.ts';

/** The control and report rooms' schemas on plain changes (issue 11, round two, item 1). */

describe('the control room schema', () => {
  const set = (map: 'settings' | 'state', key: string, after: unknown): ControlKeyChange => ({ map, key, deleted: false, after });
  const run = (keys: ControlKeyChange[], roots = ['state']) => controlCorrections(roots, keys).map((c) => `${c.rule}:${c.kind}`);

  it.each<[string, ControlKeyChange, string[]]>([
    ['a phase', set('state', 'phase', 'visions'), []],
    ['a phase of no workshop', set('state', 'phase', 'bogus'), ['control-schema:restoreKey']],
    ['drafting on', set('state', 'drafting', true), []],
    ['drafting as a string', set('state', 'drafting', 'yes'), ['control-schema:restoreKey']],
    ['locks', set('state', 'locks', { painPoints: true }), []],
    ['tallies at the size limit', set('state', 'tallies', { t: 'x'.repeat(MAX_CONTROL_VALUE_BYTES - 8) }), []],
    ['tallies past the size limit', set('state', 'tallies', { t: 'x'.repeat(MAX_CONTROL_VALUE_BYTES - 7) }), ['control-schema:restoreKey']],
    ['a nested Yjs type', set('state', 'voting', { kind: 'nested' }), ['control-schema:restoreKey']],
    ['a key of no feature', set('state', 'junk', 1), ['control-unknown-key:restoreKey']],
    ['a __proto__ key', set('settings', '__proto__', {}), ['control-unknown-key:restoreKey']],
    ['a title at its limit', set('settings', 'title', 't'.repeat(MAX_TITLE_LENGTH)), []],
    ['a title past it', set('settings', 'title', 't'.repeat(MAX_TITLE_LENGTH + 1)), ['control-schema:restoreKey']],
    ['themes as a string', set('settings', 'themes', 'a,b'), ['control-schema:restoreKey']],
    ['a known key deleted', { map: 'state', key: 'spotlight', deleted: true, after: undefined }, []],
    ['a key of no feature deleted', { map: 'state', key: 'junk', deleted: true, after: undefined }, []],
  ])('%s', (_, change, expected) => {
    expect(run([change])).toEqual(expected);
  });

  it('drops top-level names the room does not have', () => {
    expect(run([], ['settings', 'state', 'votingRounds', 'breakout', 'meta'])).toEqual([]);
    expect(run([], ['junk'])).toEqual(['unknown-root:dropRoot']);
  });
});

describe('the report room schema', () => {
  const NESTED = { kind: 'nested' };
  const rec = (key: string, extra: Record<string, unknown> = {}) =>
    new Map<string, unknown>(
      Object.entries({
        id: key,
        title: 'Open the data',
        order: 0,
        sourceClusterId: null,
        description: plainRichText('words'),
        painPointLinks: NESTED,
        visionLinks: NESTED,
        actionSteps: NESTED,
        ...extra,
      }),
    );
  const create = (key: string, after: Map<string, unknown>): EntryChange => ({
    key,
    before: null,
    after,
    replaced: true,
    edited: new Set(),
  });
  const edit = (key: string, changes: Record<string, unknown>): EntryChange => {
    const before = rec(key);
    const after = new Map(before);
    for (const [k, v] of Object.entries(changes)) after.set(k, v);
    return { key, before, after, replaced: false, edited: new Set(Object.keys(changes)) };
  };
  const deps = { room: 'report' } as RuleDeps;
  const run = (c: EntryChange, roots = ['recommendations']) =>
    runRules(REPORT_RULES, { notes: [c], clusters: [], roots }, deps).map((f) => `${f.rule}:${f.kind}`);

  it.each<[string, EntryChange, string[]]>([
    ['a well-formed recommendation', create('r1', rec('r1')), []],
    ['under a key other than its id', create('stolen', rec('r1')), ['not-a-recommendation:restore']],
    ['under an unsafe key', create('constructor', rec('constructor')), ['not-a-recommendation:restore']],
    ['a title past its limit, clipped', edit('r1', { title: 't'.repeat(MAX_TITLE_LENGTH + 1) }), ['recommendation-schema:setField']],
    ['a 500 KB plan field, clipped', edit('r1', { scaleBudget: 'b'.repeat(500_000) }), ['recommendation-schema:setField']],
    ['a plan field at its limit', edit('r1', { scaleBudget: 'b'.repeat(MAX_PLAN_FIELD_LENGTH) }), []],
    ['a sandbox of no kind', edit('r1', { sandbox: 'maybe' }), ['recommendation-schema:restoreField']],
    ['a field of no recommendation', edit('r1', { junk: 1 }), ['recommendation-schema:deleteField']],
    ['its id changed', edit('r1', { id: 'r2' }), ['recommendation-schema:restoreField']],
    ['a list replaced by a number', edit('r1', { visionLinks: 5 }), ['recommendation-schema:restoreField']],
    ['a description too long', edit('r1', { description: plainRichText('d'.repeat(10_001)) }), ['recommendation-schema:restoreField']],
  ])('%s', (_, change, expected) => {
    expect(run(change)).toEqual(expected);
  });

  it('drops top-level names the room does not have', () => {
    expect(run(create('r1', rec('r1')), ['recommendations', 'junk'])).toEqual(['unknown-root:dropRoot']);
  });

  it('caps links at MAX_LINKS_PER_RECOMMENDATION and removes what is not an id', () => {
    const links = Array.from({ length: MAX_LINKS_PER_RECOMMENDATION }, (_, i) => `note${i}`);
    expect(listFixes('visionLinks', links)).toEqual([]);
    expect(listFixes('visionLinks', [...links, 'one-more'])).toEqual([MAX_LINKS_PER_RECOMMENDATION]);
    expect(listFixes('painPointLinks', ['a', '__proto__', 7, 'b', 'x'.repeat(65)])).toEqual([1, 2, 4]);
  });

  it('caps steps at MAX_STEPS_PER_RECOMMENDATION and removes steps without an id', () => {
    const step = (id: unknown) => new Map<string, unknown>([['id', id]]);
    const steps = Array.from({ length: MAX_STEPS_PER_RECOMMENDATION }, (_, i) => step(`s${i}`));
    expect(listFixes('actionSteps', steps)).toEqual([]);
    expect(listFixes('actionSteps', [...steps, step('late')])).toEqual([MAX_STEPS_PER_RECOMMENDATION]);
    expect(listFixes('actionSteps', [step('a'), null, step(5), 'text'])).toEqual([1, 2, 3]);
  });

  it('makes each kept step well-formed', () => {
    const step = new Map<string, unknown>(
      Object.entries({
        id: 's1',
        text: 'x'.repeat(MAX_STEP_TEXT_LENGTH + 1),
        owner: 'Ana',
        horizon: 'never',
        status: 'done',
        due: '2026-02-30',
        junk: true,
      }),
    );
    expect(stepFixes(step)).toEqual([
      { kind: 'set', field: 'text', value: 'x'.repeat(MAX_STEP_TEXT_LENGTH) },
      { kind: 'set', field: 'horizon', value: 'short' },
      { kind: 'delete', field: 'due' },
      { kind: 'delete', field: 'junk' },
    ]);
    expect(
      stepFixes(new Map<string, unknown>(Object.entries({ id: 's1', text: '', owner: '', horizon: 'long', status: 'agreed', due: null }))),
    ).toEqual([]);
  });
});
