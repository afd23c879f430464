import type { AgendaItem } from './agenda.ts';

/**
 * The cross-border workshop's 150 minutes: check-in, the three phases with a break after
 * the visions, a plenary on what was voted up, and a wrap-up that says what happens next.
 */
export const CROSS_BORDER_AGENDA: readonly AgendaItem[] = [
  { kind: 'welcome', minutes: 15 },
  { kind: 'phase', phase: 'painPoints', minutes: 30 },
  { kind: 'phase', phase: 'visions', minutes: 30 },
  { kind: 'break', minutes: 10 },
  { kind: 'phase', phase: 'recommendations', minutes: 45 },
  { kind: 'plenary', minutes: 10 },
  { kind: 'wrapUp', minutes: 10 },
];

export const RETROSPECTIVE_AGENDA: readonly AgendaItem[] = [
  { kind: 'welcome', minutes: 5 },
  { kind: 'phase', phase: 'painPoints', minutes: 15 },
  { kind: 'phase', phase: 'visions', minutes: 15 },
  { kind: 'phase', phase: 'recommendations', minutes: 20 },
  { kind: 'wrapUp', minutes: 5 },
];
