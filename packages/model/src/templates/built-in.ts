import { DEFAULT_SETTINGS } from '../schema/control.ts';
import type { WorkshopTemplate } from './template.ts';
import { CROSS_BORDER_AGENDA, RETROSPECTIVE_AGENDA } from '../agenda/built-in-agenda.ts';

/** The templates every server offers; `POST /api/workshops { template: "<id>" }` picks one. */
export const BUILT_IN_TEMPLATES = {
  'cross-border': {
    format: 'crossboard-template',
    version: 1,
    name: 'Three-phase cross-border workshop',
    purpose:
      'Identify pain points, generate visions for optimal futures enabled by cross-border collaboration, and develop recommendations and action steps.',
    themes: [
      'Sustainability',
      'Mobility',
      'Social opportunity and equity',
      'Data sharing and interoperable systems',
      'Responding to cross-border threats and risks',
      'Co-creation of ground-up ideas and solutions',
      'Architecture and governance for collaboration',
      'Collaborative policy making',
    ],
    phaseMinutes: { painPoints: 30, visions: 30, recommendations: 45 },
    votesPerParticipant: 5,
    anonymous: false,
    participantsMayEditReport: false,
    phaseQuestions: {
      painPoints: 'What makes collaborating across borders and jurisdictions hard?',
      visions: 'What would an optimal future enabled by cross-border collaboration look like?',
      recommendations: 'What should we do to get there, and with which action steps?',
    },
    agenda: CROSS_BORDER_AGENDA,
  },
  retrospective: {
    format: 'crossboard-template',
    version: 1,
    name: 'Retrospective',
    // The three phases read as: what held us back, what we want instead, what we will do.
    purpose: 'Look back together: what held us back, what good would look like next time, and what we will change.',
    themes: ['Process', 'Tools', 'People and communication'],
    phaseMinutes: { painPoints: 15, visions: 15, recommendations: 20 },
    votesPerParticipant: 3,
    // People say more about what went wrong when their name is not on it.
    anonymous: true,
    participantsMayEditReport: true,
    phaseQuestions: {
      painPoints: 'What held us back?',
      visions: 'What would good look like next time?',
      recommendations: 'What will we change, and who will do it?',
    },
    agenda: RETROSPECTIVE_AGENDA,
  },
  blank: {
    format: 'crossboard-template',
    version: 1,
    name: 'Blank',
    purpose: '',
    themes: [],
    phaseMinutes: { ...DEFAULT_SETTINGS.phaseMinutes },
    votesPerParticipant: DEFAULT_SETTINGS.votesPerParticipant,
    anonymous: false,
    participantsMayEditReport: false,
  },
} as const satisfies Record<string, WorkshopTemplate>;

export type BuiltInTemplateId = keyof typeof BUILT_IN_TEMPLATES;
export const BUILT_IN_TEMPLATE_IDS = Object.keys(BUILT_IN_TEMPLATES) as BuiltInTemplateId[];

export function isBuiltInTemplateId(v: unknown): v is BuiltInTemplateId {
  return typeof v === 'string' && Object.hasOwn(BUILT_IN_TEMPLATES, v);
}
