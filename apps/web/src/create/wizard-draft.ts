import {
  BUILT_IN_TEMPLATES,
  instantToZonedLocal,
  zonedLocalToInstant,
  type AgendaItem,
  type BuiltInTemplateId,
  type Phase,
  type PhaseQuestions,
  type WorkshopTemplate,
} from '@crossboard/model';
import type { CreateWorkshopBody } from '../api/client.ts';

/** A session as the facilitator types it: a date and wall-clock times in the home zone. */
export interface SessionRow {
  date: string;
  start: string;
  end: string;
  /** This session's own agenda; absent, it follows the draft's `agenda` (session 1's). */
  agenda?: AgendaItem[];
}

export type StartFrom =
  | { kind: 'template'; id: BuiltInTemplateId }
  | { kind: 'saved'; template: WorkshopTemplate; fileName: string }
  | { kind: 'import'; exported: unknown; fileName: string };

export interface WizardDraft {
  from: StartFrom;
  title: string;
  purpose: string;
  themes: string;
  questions: PhaseQuestions;
  name: string;
  organisation: string;
  homeTimeZone: string;
  sessions: SessionRow[];
  agenda: AgendaItem[];
  phaseMinutes: Record<Phase, number>;
  votes: number;
  drafting: boolean;
  anonymous: boolean;
}

/** What a template brings to the wizard's fields; the facilitator may change any of them. */
export function fromTemplate(draft: WizardDraft, template: WorkshopTemplate): WizardDraft {
  return {
    ...draft,
    purpose: template.purpose,
    themes: template.themes.join('\n'),
    questions: { painPoints: '', visions: '', recommendations: '', ...template.phaseQuestions },
    agenda: template.agenda ? template.agenda.map((i) => ({ ...i })) : [],
    phaseMinutes: { ...template.phaseMinutes },
    votes: template.votesPerParticipant,
    anonymous: template.anonymous,
    ...(template.homeTimeZone ? { homeTimeZone: template.homeTimeZone } : {}),
  };
}

export function initialDraft(homeTimeZone: string): WizardDraft {
  const blank: WizardDraft = {
    from: { kind: 'template', id: 'cross-border' },
    title: '',
    purpose: '',
    themes: '',
    questions: { painPoints: '', visions: '', recommendations: '' },
    name: '',
    organisation: '',
    homeTimeZone,
    sessions: [],
    agenda: [],
    phaseMinutes: { painPoints: 30, visions: 30, recommendations: 45 },
    votes: 5,
    drafting: false,
    anonymous: false,
  };
  return fromTemplate(blank, BUILT_IN_TEMPLATES['cross-border']);
}

/** A row's instants, or null while it is incomplete or ends before it starts. */
export function sessionInstants(row: SessionRow, zone: string): { start: number; end: number } | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(row.date) || !/^\d{2}:\d{2}$/.test(row.start) || !/^\d{2}:\d{2}$/.test(row.end)) return null;
  try {
    const start = zonedLocalToInstant(`${row.date}T${row.start}`, zone);
    const end = zonedLocalToInstant(`${row.date}T${row.end}`, zone);
    return end > start ? { start, end } : null;
  } catch {
    return null;
  }
}

/** The reverse, for the console's Settings panel: stored instants as rows in the home zone. */
export function sessionRow(session: { start: number; end: number }, zone: string): SessionRow {
  const start = instantToZonedLocal(session.start, zone);
  const end = instantToZonedLocal(session.end, zone);
  return { date: start.slice(0, 10), start: start.slice(11, 16), end: end.slice(11, 16) };
}

const HOUR = 3_600_000;
/** Whether any part of a session falls between 22:00 and 07:00 in `zone`. */
export function touchesNight(session: { start: number; end: number }, zone: string): boolean {
  const hourAt = (t: number) => Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: zone }).format(t));
  // Quarter-hour steps catch a session that starts at 06:45 or ends at 22:15.
  for (let t = session.start; t < session.end; t += HOUR / 4) {
    const h = hourAt(t);
    if (h >= 22 || h < 7) return true;
  }
  return false;
}

/** A spread of zones an international group often joins from; the home zone is left out. */
export const PREVIEW_ZONES = [
  'America/New_York',
  'Europe/London',
  'Europe/Paris',
  'Asia/Dubai',
  'Asia/Singapore',
  'Australia/Brisbane',
  'Pacific/Auckland',
];

export function themesOf(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function createBody(
  draft: WizardDraft,
  sessionLabel: (n: number) => string,
  language?: CreateWorkshopBody['facilitatorLanguage'],
): CreateWorkshopBody {
  const template = draft.from.kind === 'template' ? draft.from.id : draft.from.kind === 'saved' ? draft.from.template : undefined;
  return {
    title: draft.title.trim(),
    purpose: draft.purpose.trim(),
    themes: themesOf(draft.themes),
    homeTimeZone: draft.homeTimeZone,
    ...(draft.name.trim() ? { facilitatorName: draft.name.trim() } : {}),
    ...(draft.organisation.trim() ? { facilitatorOrganisation: draft.organisation.trim() } : {}),
    ...(language ? { facilitatorLanguage: language } : {}),
    sessions: draft.sessions.map((s, i) => ({ label: sessionLabel(i + 1), start: `${s.date}T${s.start}`, end: `${s.date}T${s.end}` })),
    phaseMinutes: draft.phaseMinutes,
    votesPerParticipant: draft.votes,
    phaseQuestions: { ...draft.questions },
    agenda: draft.agenda,
    // Session 1's agenda is the shared one; later sessions send theirs only if they have one.
    ...(draft.sessions.some((s, i) => i > 0 && s.agenda)
      ? { sessionAgendas: draft.sessions.map((s, i) => (i > 0 && s.agenda ? s.agenda : null)) }
      : {}),
    drafting: draft.drafting,
    anonymous: draft.anonymous,
    ...(template ? { template } : {}),
  };
}
