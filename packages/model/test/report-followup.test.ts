import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addToDate,
  dueDateFromHorizon,
  followupChartSvg,
  followupIcs,
  followupSteps,
  followupSummary,
  localDateOf,
  stepDueDate,
  type FollowupStep,
} from '../src/report/followup.ts';
import { zonedLocalToInstant } from '../src/time/zoned-time.ts';
import { addActionStep, createRecommendation, listRecommendations, updateActionStep } from '../src/schema/report.ts';

const PARIS = 'Europe/Paris';
const paris = (local: string) => zonedLocalToInstant(local, PARIS);

describe('due dates from horizons', () => {
  it('counts 100 days from the last session in the home zone across the March clock change', () => {
    // 23:30 on Saturday 29 March 2025 in Paris is 22:30 UTC; clocks go forward that night.
    const end = paris('2025-03-29T23:30');
    expect(dueDateFromHorizon('short', end, PARIS)).toBe('2025-07-07');
    // Counting 100 × 24 h from the instant would land at 00:30 on 8 July in Paris.
    expect(localDateOf(end + 100 * 86_400_000, PARIS)).toBe('2025-07-08');
    expect(dueDateFromHorizon('medium', end, PARIS)).toBe('2026-03-29');
    expect(dueDateFromHorizon('long', end, PARIS)).toBe('2028-03-29');
  });

  it('uses the Paris day, not the UTC day, for a session ending after midnight in late October', () => {
    // 00:30 on Saturday 25 October 2025 in Paris is 22:30 UTC on the 24th; clocks go back on the 26th.
    const end = paris('2025-10-25T00:30');
    expect(new Date(end).toISOString().slice(0, 10)).toBe('2025-10-24');
    expect(dueDateFromHorizon('short', end, PARIS)).toBe('2026-02-02');
    expect(dueDateFromHorizon('medium', end, PARIS)).toBe('2026-10-25');
    expect(dueDateFromHorizon('long', end, PARIS)).toBe('2028-10-25');
  });

  it('keeps the wall-clock day when the session ends just before the October change', () => {
    const end = paris('2025-10-26T02:30'); // the repeated hour: the first 02:30 is chosen
    expect(dueDateFromHorizon('short', end, PARIS)).toBe('2026-02-03');
  });

  it('takes a date set by hand over the horizon, and the last of several sessions', () => {
    const workshop = {
      homeTimeZone: PARIS,
      sessions: [
        { label: 'Day 2', start: paris('2025-03-28T09:00'), end: paris('2025-03-28T12:00') },
        { label: 'Day 1', start: paris('2025-03-20T09:00'), end: paris('2025-03-20T12:00') },
      ],
    };
    expect(stepDueDate({ horizon: 'short' }, workshop)).toEqual({ date: '2025-07-06', source: 'horizon' });
    expect(stepDueDate({ horizon: 'short', due: '2025-05-01' }, workshop)).toEqual({ date: '2025-05-01', source: 'manual' });
    expect(stepDueDate({ horizon: 'short' }, { homeTimeZone: PARIS, sessions: [] })).toBeNull();
  });

  it('moves 29 February a year on to 28 February', () => {
    expect(addToDate('2028-02-29', { years: 1 })).toBe('2029-02-28');
  });

  it('stores a due date set by hand in the report room and clears it back to the horizon', () => {
    const doc = new Y.Doc();
    const r = createRecommendation(doc, { title: 'Pilot' });
    const s = addActionStep(doc, r, { text: 'Fund it', owner: 'City', horizon: 'medium' })!;
    updateActionStep(doc, r, s, { due: '2025-13-01' });
    expect(listRecommendations(doc)[0]!.actionSteps[0]!.due).toBeUndefined();
    updateActionStep(doc, r, s, { due: '2026-01-15' });
    expect(listRecommendations(doc)[0]!.actionSteps[0]!.due).toBe('2026-01-15');
    updateActionStep(doc, r, s, { due: null });
    expect(listRecommendations(doc)[0]!.actionSteps[0]!.due).toBeUndefined();
  });
});

const step = (over: Partial<FollowupStep>): FollowupStep => ({
  workshopId: 'w1',
  workshopTitle: 'W',
  recommendationId: 'r1',
  recommendationTitle: 'Pilot a shared desk',
  id: 's1',
  text: 'Draft the agreement',
  owner: 'City council',
  horizon: 'short',
  status: 'proposed',
  due: '2025-07-07',
  dueSource: 'horizon',
  ...over,
});

describe('progress', () => {
  const steps = [
    step({ id: 'a', due: '2025-06-01', status: 'agreed' }),
    step({ id: 'b', due: '2025-06-01', status: 'done' }),
    step({ id: 'c', due: '2025-08-01', status: 'inProgress' }),
    step({ id: 'd', due: '2025-08-01' }),
    step({ id: 'e', due: null }),
  ];

  it('counts steps by status, the overdue ones that are not done, and the next due date', () => {
    const s = followupSummary(steps, '2025-07-01');
    expect(s.byStatus).toEqual({ proposed: 2, agreed: 1, inProgress: 1, done: 1 });
    expect(s.overdue).toBe(1);
    expect(s.nextDue).toEqual({ date: '2025-08-01', steps: 2 });
    // Due today is not overdue yet.
    expect(followupSummary(steps, '2025-06-01').overdue).toBe(0);
  });

  it('draws a chart whose description reads out every number', () => {
    const svg = followupChartSvg(followupSummary(steps, '2025-07-01'));
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<desc id="followup-chart-desc">proposed: 2; agreed: 1; in progress: 1; done: 1; overdue: 1</desc>');
  });

  it('lists the steps of recommendations with their due dates', () => {
    const doc = new Y.Doc();
    const r = createRecommendation(doc, { title: 'Pilot' });
    addActionStep(doc, r, { text: 'Fund it', owner: 'City', horizon: 'short' });
    const list = followupSteps(
      {
        id: 'w1',
        title: 'W',
        homeTimeZone: PARIS,
        sessions: [{ label: 'S', start: paris('2025-03-29T20:00'), end: paris('2025-03-29T23:30') }],
      },
      listRecommendations(doc),
    );
    expect(list.map((s) => [s.text, s.due, s.dueSource])).toEqual([['Fund it', '2025-07-07', 'horizon']]);
  });
});

describe('an owner’s calendar', () => {
  it('has an all-day event with a reminder on each due date, and none for done steps', () => {
    const ics = followupIcs([step({ id: 'a' }), step({ id: 'b', status: 'done' }), step({ id: 'c', due: null })], {
      title: 'W — City council',
      uidPrefix: 'owner1',
      now: Date.UTC(2025, 3, 1),
    });
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain('DTSTART;VALUE=DATE:20250707\r\n');
    expect(ics).toContain('DTEND;VALUE=DATE:20250708\r\n');
    expect(ics).toMatch(
      /BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Due: Draft the agreement\r\nTRIGGER;RELATED=START:PT9H\r\nEND:VALARM/,
    );
  });
});
