import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import {
  exportSeriesJson,
  renderSeriesCsv,
  renderSeriesMarkdown,
  seriesReport,
  type Credit,
  type RecommendationView,
  type SnapshotNote,
  type WorkshopSnapshot,
} from '../src/index.ts';

type Person = [id: string, name: string, organisation: string, country: string, credit: Credit];

function workshop(
  title: string,
  people: Person[],
  recs: Partial<RecommendationView>[],
  notes: Partial<SnapshotNote>[] = [],
  clusters: WorkshopSnapshot['clusters'] = [],
): WorkshopSnapshot {
  return {
    workshop: {
      title,
      purpose: '',
      themes: [],
      homeTimeZone: 'Europe/Paris',
      sessions: [{ label: 'Day 1', start: Date.UTC(2025, 5, 12, 13), end: Date.UTC(2025, 5, 12, 15) }],
      anonymous: false,
    },
    people: people.map(([id, name, organisation, country, credit]) => ({
      id,
      name,
      organisation,
      country,
      credit,
      role: 'participant' as const,
    })),
    notes: notes.map(
      (n, i) =>
        ({
          id: `n${i}`,
          phase: 'painPoints',
          text: '',
          authorId: null,
          clusterId: null,
          theme: null,
          colour: 'yellow',
          createdAt: 0,
          votes: 0,
          ...n,
        }) as SnapshotNote,
    ),
    clusters,
    votingRounds: [],
    recommendations: recs.map((r, i) => ({
      id: `r${i}`,
      title: '',
      description: '',
      order: i,
      sourceClusterId: null,
      painPointLinks: [],
      visionLinks: [],
      actionSteps: [],
      ...r,
    })),
  } as WorkshopSnapshot;
}

const porto = workshop(
  'Porto session',
  [
    ['a', 'Ana Lima', 'City of Porto', 'Portugal', 'named'],
    ['b', 'Bo Chen', 'Transit Lab', 'Spain', 'none'],
  ],
  [
    {
      title: 'Budget pilots for success',
      actionSteps: [{ id: 's1', text: 'Add a scale-up line', owner: 'OPSI', horizon: 'short', status: 'agreed' }],
    },
    { title: 'Open the data' },
  ],
  [
    { text: 'Funding ends with the pilot', authorId: 'a', clusterId: 'c1' },
    { text: 'Nobody owns it', authorId: 'b', clusterId: 'c1' },
  ],
  [{ id: 'c1', phase: 'painPoints', title: 'Money', votes: 3 }],
);
const lyon = workshop(
  'Lyon session',
  // Ana again, now asking to be credited through her organisation only: that wins everywhere.
  [
    ['x', 'ana lima ', 'City of Porto', 'Portugal', 'organisation'],
    ['y', 'Chloé Martin', 'Métropole de Lyon', 'France', 'named'],
  ],
  [
    {
      title: 'Fund pilots assuming they work',
      actionSteps: [{ id: 's9', text: 'Ring-fence funds', owner: 'Lyon', horizon: 'long', status: 'proposed' }],
    },
  ],
  [{ text: 'Budgets stop at the pilot', authorId: 'y', clusterId: 'k' }],
  [{ id: 'k', phase: 'painPoints', title: ' money', votes: 2 }],
);

const input = (merges = [] as Parameters<typeof seriesReport>[0]['merges']) => ({
  title: 'Cities that move',
  purpose: 'Three sessions, one set of advice',
  workshops: [
    { id: 'w1', snapshot: porto },
    { id: 'w2', snapshot: lyon },
  ],
  merges,
});

describe('series report', () => {
  it('lists every workshop’s recommendations until two are merged, which keeps both sources and steps', () => {
    expect(seriesReport(input()).recommendations.map((r) => r.title)).toEqual([
      'Budget pilots for success',
      'Open the data',
      'Fund pilots assuming they work',
    ]);
    const merged = seriesReport(
      input([{ kept: { workshopId: 'w1', recommendationId: 'r0' }, merged: { workshopId: 'w2', recommendationId: 'r0' } }]),
    );
    expect(merged.recommendations).toHaveLength(2);
    const budget = merged.recommendations.find((r) => r.title === 'Budget pilots for success')!;
    expect(budget.sources.map((s) => `${s.workshopTitle}: ${s.title}`)).toEqual([
      'Porto session: Budget pilots for success',
      'Lyon session: Fund pilots assuming they work',
    ]);
    expect(budget.actionSteps.map((s) => `${s.workshopTitle}: ${s.text}`)).toEqual([
      'Porto session: Add a scale-up line',
      'Lyon session: Ring-fence funds',
    ]);
  });

  it('ignores a merge of recommendations that no longer exist, and a merge that would loop', () => {
    const r = seriesReport(
      input([
        { kept: { workshopId: 'w1', recommendationId: 'gone' }, merged: { workshopId: 'w2', recommendationId: 'r0' } },
        { kept: { workshopId: 'w1', recommendationId: 'r0' }, merged: { workshopId: 'w1', recommendationId: 'r1' } },
        { kept: { workshopId: 'w1', recommendationId: 'r1' }, merged: { workshopId: 'w1', recommendationId: 'r0' } },
      ]),
    );
    expect(r.recommendations.map((x) => x.sources.length)).toEqual([2, 1]);
  });

  it('credits each person once, with the most private choice they made in any workshop', () => {
    const r = seriesReport(input());
    expect(r.contributors.named).toEqual([{ name: 'Chloé Martin', organisation: 'Métropole de Lyon' }]);
    expect(r.contributors.organisations.map((o) => `${o.organisation}: ${o.people}`)).toEqual(['City of Porto: 1', 'Métropole de Lyon: 1']);
    const md = renderSeriesMarkdown(r);
    expect(md).not.toContain('Ana');
    expect(md).not.toContain('Bo Chen');
    expect(md).not.toContain('Transit Lab');
    expect(renderSeriesCsv(r)).not.toContain('Bo Chen');
  });

  it('counts participation by country over distinct people, credited or not', () => {
    const r = seriesReport(input());
    expect(r.participation.people).toBe(3);
    expect(r.participation.countries).toEqual([
      { country: 'France', people: 1 },
      { country: 'Portugal', people: 1 },
      { country: 'Spain', people: 1 },
    ]);
  });

  it('groups pain point clusters of the same title across workshops', () => {
    const money = seriesReport(input()).clusters.filter((c) => c.title.toLowerCase() === 'money');
    expect(money).toHaveLength(1);
    expect(money[0]!.workshops).toEqual(['Porto session', 'Lyon session']);
    expect(money[0]!.votes).toBe(5);
    expect(money[0]!.notes.map((n) => [n.text, n.name])).toEqual([
      ['Funding ends with the pilot', ''],
      ['Nobody owns it', ''],
      ['Budgets stop at the pilot', 'Chloé Martin'],
    ]);
  });

  it('renders to Markdown without markup from participants, and to JSON that reads back', () => {
    const hostile = workshop(
      '<script>x</script>',
      [['h', '[click](javascript:x)', 'Org', 'Chile', 'named']],
      [{ title: '<img src=x onerror=alert(1)>' }],
    );
    const r = seriesReport({ title: 'S', purpose: '', workshops: [{ id: 'h1', snapshot: hostile }], merges: [] });
    const html = new MarkdownIt().render(renderSeriesMarkdown(r));
    expect(html).not.toMatch(/<script|<img|href=/);
    const json = JSON.parse(exportSeriesJson(r));
    expect(json.format).toBe('crossboard-series');
    expect(json.workshops[0].sessions[0].start).toBe('2025-06-12T13:00:00.000Z');
  });
});
