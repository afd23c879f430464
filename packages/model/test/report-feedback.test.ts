import { describe, expect, it } from 'vitest';
import {
  aggregateSurvey,
  combineFeedback,
  feedbackChartSvg,
  feedbackCsvCells,
  feedbackMarkdown,
  feedbackRows,
  MAX_FEEDBACK_COMMENT_LENGTH,
  type SurveyAnswer,
} from '../src/report/feedback.ts';

const answer = (over: Partial<SurveyAnswer>): SurveyAnswer => ({ useful: null, comeAgain: null, metSomeone: null, change: '', ...over });

describe('survey aggregation', () => {
  it('counts every answer per question, skipping questions left blank', () => {
    const r = aggregateSurvey([
      answer({ useful: 5, comeAgain: 'yes', metSomeone: 'yes', change: '  More time for visions  ' }),
      answer({ useful: 4, comeAgain: 'maybe', metSomeone: 'no' }),
      answer({ useful: 4, comeAgain: 'yes' }),
      answer({ change: 'Fewer slides' }),
    ]);
    expect(r.answers).toBe(4);
    expect(r.useful).toEqual({ 1: 0, 2: 0, 3: 0, 4: 2, 5: 1 });
    expect(r.usefulMean).toBe(4.3);
    expect(r.comeAgain).toEqual({ yes: 2, maybe: 1, no: 0 });
    expect(r.metSomeone).toEqual({ yes: 1, no: 1 });
    expect(r.comments).toEqual(['More time for visions', 'Fewer slides']);
  });

  it('has no mean when nobody scored, and cuts a comment at the cap', () => {
    const r = aggregateSurvey([answer({ change: 'x'.repeat(MAX_FEEDBACK_COMMENT_LENGTH + 5) })]);
    expect(r.usefulMean).toBeNull();
    expect(r.comments[0]).toHaveLength(MAX_FEEDBACK_COMMENT_LENGTH);
  });

  it('combines workshops: counts add up and the mean is weighted by answers', () => {
    const a = aggregateSurvey([answer({ useful: 5 }), answer({ useful: 5 }), answer({ useful: 5 })]);
    const b = aggregateSurvey([answer({ useful: 1, comeAgain: 'no', change: 'Too long' })]);
    const both = combineFeedback([a, b]);
    expect(both.answers).toBe(4);
    expect(both.useful).toEqual({ 1: 1, 2: 0, 3: 0, 4: 0, 5: 3 });
    expect(both.usefulMean).toBe(4);
    expect(both.comeAgain.no).toBe(1);
    expect(both.comments).toEqual(['Too long']);
  });

  it('reads out every number in the chart and in the table rows', () => {
    const r = aggregateSurvey([answer({ useful: 3, metSomeone: 'yes' })]);
    expect(feedbackChartSvg(r)).toContain('<desc id="feedback-chart-desc">1: 0; 2: 0; 3: 1; 4: 0; 5: 0; mean 3</desc>');
    expect(feedbackRows(r)).toContainEqual(['Did you meet someone useful?', 'yes', 1]);
  });

  it('writes Markdown whose comments cannot start blocks of their own, and CSV cells per count and comment', () => {
    const r = aggregateSurvey([answer({ useful: 2, change: '# Not a heading <b>' }), answer({ comeAgain: 'no' })]);
    const md = feedbackMarkdown(r).join('\n\n');
    expect(md).toContain('2 answers; mean usefulness 2 of 5.');
    expect(md).toContain('| Would you come again? | no | 1 |');
    expect(md).toContain('- \\# Not a heading \\<b>');
    expect(feedbackCsvCells(r)).toContainEqual({ question: 'What should change', answer: '# Not a heading <b>', count: '' });
  });
});
