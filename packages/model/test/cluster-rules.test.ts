import { describe, expect, it } from 'vitest';
import { MAX_CLUSTERS_PER_PERSON_PER_PHASE, type EntryChange, type Phase, type RuleDeps } from '../src/index.ts';
import { clustersPerPerson } from '../src/rules/cluster-rules.ts';

/** The per-person cluster quota on plain changes: counts held, clusters arriving, what is taken back. */
const cluster = (key: string, phase = 'painPoints') =>
  new Map<string, unknown>(Object.entries({ id: key, phase, title: key, x: 0, y: 0, order: 0, createdAt: 0 }));
const create = (key: string, phase?: string): EntryChange => ({
  key,
  before: null,
  after: cluster(key, phase),
  replaced: true,
  edited: new Set(),
});
const move = (key: string, from: string, to: string): EntryChange => ({
  key,
  before: cluster(key, from),
  after: cluster(key, to),
  replaced: false,
  edited: new Set(['phase']),
});
const rename = (key: string): EntryChange => ({
  key,
  before: cluster(key),
  after: new Map([...cluster(key), ['title', 'renamed']]),
  replaced: false,
  edited: new Set(['title']),
});
const deps = (held: number, over: Partial<RuleDeps> = {}): RuleDeps => ({
  room: 'board',
  personId: 'ben',
  trusted: false,
  anonymous: false,
  participantsMayCluster: true,
  locked: () => false,
  author: null,
  ownerOf: () => null,
  notesPerPhase: () => new Map(),
  bytesHeld: () => 0,
  clusterOwnerOf: () => 'ben',
  clustersPerPhase: () => new Map<Phase, number>([['painPoints', held]]),
  ...over,
});
const MAX = MAX_CLUSTERS_PER_PERSON_PER_PHASE;
const run = (clusters: EntryChange[], d: RuleDeps) =>
  clustersPerPerson({ notes: [], clusters, roots: ['clusters'] }, d).map((f) => `${f.kind}:${'key' in f ? f.key : ''}`);

describe('clustersPerPerson', () => {
  it.each<[string, EntryChange[], RuleDeps, string[]]>([
    ['a new cluster with none held', [create('c1')], deps(0), []],
    ['a new cluster at the limit (the last one allowed)', [create('c1')], deps(MAX - 1), []],
    ['a new cluster past the limit', [create('c1')], deps(MAX), ['restore:c1']],
    ['two new clusters with room for one: the second goes', [create('c1'), create('c2')], deps(MAX - 1), ['restore:c2']],
    ['on another phase the count starts again', [create('c1', 'visions')], deps(MAX), []],
    ['moved into a full phase: its phase is put back', [move('c1', 'visions', 'painPoints')], deps(MAX), ['restoreField:c1']],
    ['moved into a phase with room', [move('c1', 'visions', 'painPoints')], deps(MAX - 1), []],
    ['a rename is no arrival, even past the limit', [rename('c1')], deps(MAX + 5), []],
    ['a facilitator is not counted', [create('c1')], deps(MAX + 5, { trusted: true }), []],
    ['my own cluster in the same update counts where it stays', [rename('mine'), create('c1')], deps(MAX - 1), ['restore:c1']],
    [
      'someone else’s cluster in the same update does not count for me',
      [rename('theirs'), create('c1')],
      deps(MAX - 1, { clusterOwnerOf: (key) => (key === 'theirs' ? 'ana' : 'ben') }),
      [],
    ],
  ])('%s', (_, clusters, d, expected) => {
    expect(run(clusters, d)).toEqual(expected);
  });

  it('does not count anything when no cluster arrives', () => {
    let counted = false;
    run(
      [rename('c1')],
      deps(0, {
        clustersPerPhase: () => {
          counted = true;
          return new Map();
        },
      }),
    );
    expect(counted).toBe(false);
  });
});
