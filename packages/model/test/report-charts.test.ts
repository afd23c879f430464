import { describe, expect, it } from 'vitest';
import {
  clusteredBoardSvg,
  escapeXml,
  MAX_CHART_BARS,
  rankedRecommendations,
  rankRecommendations,
  renderMarkdown,
  snapshotFromDocs,
  voteChartSvg,
  voteResults,
  type WorkshopSnapshot,
} from '../src/report/index.ts';
import { fixtureWorkshop } from './fixture-workshop.ts';

function fixtureSnapshot(): WorkshopSnapshot {
  const { docs, people } = fixtureWorkshop();
  return snapshotFromDocs(docs, people);
}

/** Well-formed XML with nothing active in it: parsed by a real XML parser (jsdom's is not here, so a strict check by hand). */
function assertInertSvg(svg: string) {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg).not.toMatch(/<script|on\w+=|href=|<foreignObject/i);
  // Every element opened is closed, in order.
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else if (!m[3]) stack.push(m[2]!);
  }
  expect(stack).toEqual([]);
}

describe('vote results', () => {
  it('lists every voted note and cluster, most votes first', () => {
    expect(voteResults(fixtureSnapshot()).map((r) => [r.id, r.votes])).toEqual([
      ['c-money', 7],
      ['n11', 5],
      ['c-budget', 4],
      ['n0', 3],
    ]);
  });

  it('draws them as a self-contained bar chart whose description carries the numbers', () => {
    const svg = voteChartSvg(fixtureSnapshot());
    assertInertSvg(svg);
    expect(svg).toContain('<desc id="vote-chart-desc">money: 7; Pilots are budgeted as if they will fail');
    expect(svg.match(/<rect x="340"/g)).toHaveLength(4);
  });

  it(`draws at most ${MAX_CHART_BARS} bars and says how many more there were`, () => {
    const s = fixtureSnapshot();
    const many = { ...s, notes: s.notes.map((n, i) => ({ ...n, votes: i + 1 })), clusters: s.clusters.map((c) => ({ ...c, votes: 0 })) };
    const svg = voteChartSvg(many);
    expect(svg.match(/<rect x="340"/g)).toHaveLength(MAX_CHART_BARS);
    expect(svg).toContain(`and ${s.notes.length - MAX_CHART_BARS} more with fewer votes`);
    const exactly = { ...many, notes: many.notes.slice(0, MAX_CHART_BARS) };
    expect(voteChartSvg(exactly)).not.toContain('more with fewer votes');
  });

  it('escapes what people wrote inside the picture', () => {
    const s = fixtureSnapshot();
    const evil = { ...s, clusters: [{ ...s.clusters[0]!, votes: 9, title: '<script>"x"' }] };
    const svg = voteChartSvg(evil) + clusteredBoardSvg(evil, 'painPoints');
    expect(svg).not.toContain('<script>');
    expect(svg.match(/&lt;script&gt;&quot;x&quot;/g)!.length).toBeGreaterThanOrEqual(3);
    assertInertSvg(voteChartSvg(evil));
    assertInertSvg(clusteredBoardSvg(evil, 'painPoints'));
    expect(escapeXml(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;');
  });
});

describe('clustered board picture', () => {
  it('draws one column per cluster with its title and notes', () => {
    const s = fixtureSnapshot();
    const svg = clusteredBoardSvg(s, 'painPoints');
    assertInertSvg(svg);
    for (const c of s.clusters.filter((x) => x.phase === 'painPoints')) expect(svg).toContain(`>${c.title}</text>`);
    expect(svg).toContain('aria-label="Pain points: clustered board');
  });
});

describe('recommendations ranked by votes', () => {
  const rec = (id: string, order: number, source: string | null) => ({
    id,
    title: id,
    description: '',
    order,
    sourceClusterId: source,
    painPointLinks: [],
    visionLinks: [],
    actionSteps: [],
  });
  it.each([
    ['no votes: the organisers’ order', {}, ['a', 'b', 'c']],
    ['votes first, order breaks ties', { cb: 2, cc: 2 }, ['b', 'c', 'a']],
    ['most votes first', { ca: 1, cc: 9 }, ['c', 'a', 'b']],
  ])('%s', (_name, tallies: Record<string, number>, ids) => {
    const ranked = rankRecommendations([rec('a', 0, 'ca'), rec('b', 1, 'cb'), rec('c', 2, 'cc')], (id) => tallies[id] ?? 0);
    expect(ranked.map((r) => r.recommendation.id)).toEqual(ids);
  });

  it('puts the fixture’s voted recommendation first in the Markdown, with its votes', () => {
    expect(rankedRecommendations(fixtureSnapshot())[0]).toMatchObject({ votes: 4, recommendation: { id: 'r-budget' } });
    const md = renderMarkdown(fixtureSnapshot());
    expect(md).toMatch(/### 1\\\. .+ · 4 votes\n/);
    expect(md).toContain(
      '## Vote results\n\n### Round 1: Pain points, clusters\n\n- **7** · money\n\n### Round 2: Pain points, notes\n\n- **5** · Pilots are budgeted',
    );
  });
});
