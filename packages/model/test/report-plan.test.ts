import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecommendation, listRecommendations, updateRecommendationPlan } from '../src/schema/report.ts';
import { snapshotFromDocs } from '../src/report/snapshot.ts';
import { renderMarkdown } from '../src/report/markdown.ts';
import { exportWorkshopJson, importWorkshop } from '../src/report/workshop-json.ts';
import { seriesReport } from '../src/report/series.ts';
import { renderSeriesCsv, renderSeriesMarkdown } from '../src/report/series-writers.ts';

function withPlan() {
  const docs = { board: new Y.Doc(), control: new Y.Doc(), report: new Y.Doc() };
  const id = createRecommendation(docs.report, { title: 'Shared permit desk' });
  updateRecommendationPlan(docs.report, id, {
    scaleBudget: '€2m over three years',
    sandbox: 'needed',
    sustainedBy: 'Port authority',
    successMeasures: 'Permit time under 10 days',
  });
  return { docs, id };
}

describe('a recommendation’s plan beyond the pilot', () => {
  it('reads back, and clears field by field', () => {
    const { docs, id } = withPlan();
    expect(listRecommendations(docs.report)[0]!.plan).toEqual({
      scaleBudget: '€2m over three years',
      sandbox: 'needed',
      sustainedBy: 'Port authority',
      successMeasures: 'Permit time under 10 days',
    });
    updateRecommendationPlan(docs.report, id, { scaleBudget: '', sandbox: null, sustainedBy: null, successMeasures: '' });
    expect(listRecommendations(docs.report)[0]!.plan).toBeUndefined();
  });

  it('is in the Markdown, survives a JSON round trip, and reaches the series writers', () => {
    const { docs } = withPlan();
    const snapshot = snapshotFromDocs(docs, []);
    const md = renderMarkdown(snapshot);
    expect(md).toContain('- **Budget to scale if it succeeds:** €2m over three years');
    expect(md).toContain('- **Sandbox or testbed:** needed');
    expect(md).toContain('- **Success measured by:** Permit time under 10 days');
    const json = exportWorkshopJson(snapshot);
    expect(exportWorkshopJson(importWorkshop(json))).toBe(json);
    const series = seriesReport({ title: 'S', purpose: '', workshops: [{ id: 'w1', snapshot }], merges: [] });
    expect(renderSeriesMarkdown(series)).toContain('- **Sustained after the pilot by:** Port authority');
    expect(renderSeriesCsv(series)).toContain('Budget to scale if it succeeds');
  });
});
