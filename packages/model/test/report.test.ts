import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addActionStep,
  createRecommendation,
  deleteRecommendation,
  linkToRecommendation,
  listRecommendations,
  readRecommendation,
  recommendationDescription,
  removeActionStep,
  reportRecommendations,
  unlinkFromRecommendation,
  updateActionStep,
  updateRecommendation,
} from '../src/schema/report.ts';
import { MAX_TITLE_LENGTH } from '../src/limits.ts';
import { plainText } from '../src/schema/board.ts';
import { syncDocs } from './sync-helpers.ts';

describe('report schema', () => {
  it('creates a recommendation that reads back whole', () => {
    const doc = new Y.Doc();
    const id = createRecommendation(doc, {
      title: 'Budget pilots assuming success',
      description: 'Reserve scale-up funds\nfrom day one',
      painPointLinks: ['n-budget'],
      visionLinks: ['c-speed'],
      sourceClusterId: 'c-budget',
    });
    const step = addActionStep(doc, id, { text: 'Add a scale-up line', owner: 'GMCA', horizon: 'medium' });
    expect(listRecommendations(doc)).toEqual([
      {
        id,
        title: 'Budget pilots assuming success',
        description: 'Reserve scale-up funds\nfrom day one',
        order: 0,
        sourceClusterId: 'c-budget',
        painPointLinks: ['n-budget'],
        visionLinks: ['c-speed'],
        actionSteps: [{ id: step, text: 'Add a scale-up line', owner: 'GMCA', horizon: 'medium', status: 'proposed' }],
      },
    ]);
  });

  it('orders, renames (within the title limit) and deletes', () => {
    const doc = new Y.Doc();
    const a = createRecommendation(doc, { title: 'A' });
    const b = createRecommendation(doc, { title: 'B' });
    updateRecommendation(doc, a, { order: 5, title: 'x'.repeat(MAX_TITLE_LENGTH + 1) });
    expect(listRecommendations(doc).map((r) => r.id)).toEqual([b, a]);
    expect(listRecommendations(doc)[1]!.title).toHaveLength(MAX_TITLE_LENGTH);
    expect(updateRecommendation(doc, 'gone', { title: 'x' })).toBe(false);
    deleteRecommendation(doc, b);
    expect(listRecommendations(doc).map((r) => r.id)).toEqual([a]);
  });

  it.each([
    [
      'link twice keeps one',
      [
        ['+', 'n1'],
        ['+', 'n1'],
      ],
      ['n1'],
    ],
    [
      'unlink',
      [
        ['+', 'n1'],
        ['+', 'n2'],
        ['-', 'n1'],
      ],
      ['n2'],
    ],
    ['unlink what is not linked', [['-', 'n1']], []],
  ] as const)('links: %s', (_name, ops, expected) => {
    const doc = new Y.Doc();
    const id = createRecommendation(doc, { title: 'R' });
    for (const [op, target] of ops) {
      if (op === '+') linkToRecommendation(doc, id, 'painPointLinks', target);
      else unlinkFromRecommendation(doc, id, 'painPointLinks', target);
    }
    expect(readRecommendation(reportRecommendations(doc).get(id)!)!.painPointLinks).toEqual(expected);
  });

  it('edits and removes action steps, ignoring values outside the allowed sets', () => {
    const doc = new Y.Doc();
    const id = createRecommendation(doc, { title: 'R' });
    const s1 = addActionStep(doc, id, { text: 'one' })!;
    const s2 = addActionStep(doc, id, { text: 'two' })!;
    expect(updateActionStep(doc, id, s1, { status: 'done', owner: 'OPSI', horizon: 'forever' as never })).toBe(true);
    expect(removeActionStep(doc, id, s2)).toBe(true);
    expect(removeActionStep(doc, id, s2)).toBe(false);
    expect(addActionStep(doc, 'gone', {})).toBeNull();
    expect(listRecommendations(doc)[0]!.actionSteps).toEqual([{ id: s1, text: 'one', owner: 'OPSI', horizon: 'short', status: 'done' }]);
  });

  it('keeps both organisers’ concurrent steps, links and description edits', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = createRecommendation(a, { title: 'R', description: 'Shared' });
    syncDocs(a, b);
    addActionStep(a, id, { text: 'from A' });
    addActionStep(b, id, { text: 'from B' });
    linkToRecommendation(a, id, 'visionLinks', 'v1');
    linkToRecommendation(b, id, 'visionLinks', 'v2');
    const pa = recommendationDescription(reportRecommendations(a).get(id)!).get(0) as Y.XmlElement;
    (pa.get(0) as Y.XmlText).insert(0, 'A: ');
    const pb = recommendationDescription(reportRecommendations(b).get(id)!).get(0) as Y.XmlElement;
    (pb.get(0) as Y.XmlText).insert(6, ' sandboxes');
    syncDocs(a, b);
    const ra = listRecommendations(a)[0]!;
    expect(ra).toEqual(listRecommendations(b)[0]);
    expect(ra.actionSteps.map((s) => s.text).sort()).toEqual(['from A', 'from B']);
    expect(ra.visionLinks.sort()).toEqual(['v1', 'v2']);
    expect(plainText(recommendationDescription(reportRecommendations(b).get(id)!))).toBe('A: Shared sandboxes');
  });
});
