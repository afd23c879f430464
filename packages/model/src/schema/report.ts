import * as Y from 'yjs';
import { newId } from '../ids.ts';
import { MAX_TITLE_LENGTH } from '../limits.ts';
import { plainText, setPlainText } from './board.ts';

/**
 * The report room: recommendations with their action steps.
 *
 *   recommendations: Y.Map<id, Y.Map>
 *     id, title, order, sourceClusterId?
 *     description      Y.XmlFragment (Tiptap rich text, co-written)
 *     painPointLinks   Y.Array<string>  ids of pain-point notes or clusters on the board
 *     visionLinks      Y.Array<string>  ids of vision notes or clusters
 *     actionSteps      Y.Array<Y.Map>   { id, text, owner, horizon, status, due? }
 *
 * Links and steps are Y types so two organisers adding a link or a step at once keep both.
 */

export const HORIZONS = ['short', 'medium', 'long'] as const;
export type Horizon = (typeof HORIZONS)[number];
export const STEP_STATUSES = ['proposed', 'agreed', 'inProgress', 'done'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** How exported reports (English) name horizons and statuses; the app translates its own. */
export const HORIZON_TITLES: Record<Horizon, string> = { short: '100 days', medium: '1 year', long: '3 years or more' };
export const STEP_STATUS_TITLES: Record<StepStatus, string> = {
  proposed: 'proposed',
  agreed: 'agreed',
  inProgress: 'in progress',
  done: 'done',
};

export interface ActionStepView {
  id: string;
  text: string;
  /** A person of the workshop or an organisation, by name; the follow-up link is per owner. */
  owner: string;
  horizon: Horizon;
  status: StepStatus;
  /**
   * A due date set by hand (`YYYY-MM-DD`, a day in the workshop's home zone); absent or null
   * when the due date follows from the horizon (report/followup.ts).
   */
  due?: string | null;
}

/** `YYYY-MM-DD` that names a real calendar day. */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Whether scaling the recommendation needs a sandbox or testbed. */
export const SANDBOX_NEEDS = ['needed', 'notNeeded', 'unsure'] as const;
export type SandboxNeed = (typeof SANDBOX_NEEDS)[number];
/** The length of each structured field's text (budget, who sustains it, success measures). */
export const MAX_PLAN_FIELD_LENGTH = 1_000;

/**
 * What it takes to go beyond the pilot. Each field is absent until someone fills it in, so a
 * recommendation without a plan reads (and exports) as it always did.
 */
export interface RecommendationPlan {
  /** The budget needed to scale if the pilot succeeds. */
  scaleBudget?: string;
  sandbox?: SandboxNeed;
  /** Who sustains it after the pilot. */
  sustainedBy?: string;
  /** How success will be measured. */
  successMeasures?: string;
}
export const PLAN_TEXT_FIELDS = ['scaleBudget', 'sustainedBy', 'successMeasures'] as const;
export const SANDBOX_TITLES: Record<SandboxNeed, string> = { needed: 'needed', notNeeded: 'not needed', unsure: 'not yet known' };
export const PLAN_TITLES = {
  scaleBudget: 'Budget to scale if it succeeds',
  sandbox: 'Sandbox or testbed',
  sustainedBy: 'Sustained after the pilot by',
  successMeasures: 'Success measured by',
} as const;

/** The plan's filled-in fields as English label and value, in a fixed order, for every writer. */
export function planLines(plan: RecommendationPlan | undefined): [string, string][] {
  if (!plan) return [];
  const out: [string, string][] = [];
  if (plan.scaleBudget?.trim()) out.push([PLAN_TITLES.scaleBudget, plan.scaleBudget.trim()]);
  if (plan.sandbox) out.push([PLAN_TITLES.sandbox, SANDBOX_TITLES[plan.sandbox]]);
  if (plan.sustainedBy?.trim()) out.push([PLAN_TITLES.sustainedBy, plan.sustainedBy.trim()]);
  if (plan.successMeasures?.trim()) out.push([PLAN_TITLES.successMeasures, plan.successMeasures.trim()]);
  return out;
}

export interface RecommendationView {
  id: string;
  title: string;
  description: string;
  /** Present when any of its fields is filled in. */
  plan?: RecommendationPlan;
  order: number;
  sourceClusterId: string | null;
  painPointLinks: string[];
  visionLinks: string[];
  actionSteps: ActionStepView[];
}

export type RecommendationMap = Y.Map<unknown>;
export type LinkKind = 'painPointLinks' | 'visionLinks';

export function reportRecommendations(doc: Y.Doc): Y.Map<RecommendationMap> {
  return doc.getMap('recommendations');
}

const title = (t: string) => t.slice(0, MAX_TITLE_LENGTH);
const isIn = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export interface NewRecommendation {
  title: string;
  description?: string;
  order?: number;
  sourceClusterId?: string | null;
  painPointLinks?: string[];
  visionLinks?: string[];
  id?: string;
}

/**
 * New ones go last: after the highest order, which survives deletions, unlike a count. Reads
 * the orders only: listing (every description's text) per new one made an import of 4,000
 * recommendations quadratic.
 */
function nextOrder(doc: Y.Doc): number {
  let last = -1;
  for (const r of reportRecommendations(doc).values()) {
    const order = r.get('order');
    if (typeof order === 'number' && Number.isFinite(order) && order > last) last = order;
  }
  return last + 1;
}

export function createRecommendation(doc: Y.Doc, init: NewRecommendation): string {
  const id = init.id ?? newId();
  const r = new Y.Map<unknown>();
  doc.transact(() => {
    const order = init.order ?? nextOrder(doc);
    reportRecommendations(doc).set(id, r);
    r.set('id', id);
    r.set('title', title(init.title));
    r.set('order', order);
    r.set('sourceClusterId', init.sourceClusterId ?? null);
    const description = new Y.XmlFragment();
    r.set('description', description);
    if (init.description) setPlainText(description, init.description);
    r.set('painPointLinks', Y.Array.from(init.painPointLinks ?? []));
    r.set('visionLinks', Y.Array.from(init.visionLinks ?? []));
    r.set('actionSteps', new Y.Array<Y.Map<unknown>>());
  });
  return id;
}

function child<T>(r: RecommendationMap, key: string, make: () => T, is: (v: unknown) => v is T): T {
  const v = r.get(key);
  if (is(v)) return v;
  const fresh = make();
  r.set(key, fresh);
  return fresh;
}

export function recommendationDescription(r: RecommendationMap): Y.XmlFragment {
  return child(
    r,
    'description',
    () => new Y.XmlFragment(),
    (v): v is Y.XmlFragment => v instanceof Y.XmlFragment,
  );
}
export function recommendationLinks(r: RecommendationMap, kind: LinkKind): Y.Array<string> {
  return child(
    r,
    kind,
    () => new Y.Array<string>(),
    (v): v is Y.Array<string> => v instanceof Y.Array,
  );
}
export function recommendationSteps(r: RecommendationMap): Y.Array<Y.Map<unknown>> {
  return child(
    r,
    'actionSteps',
    () => new Y.Array<Y.Map<unknown>>(),
    (v): v is Y.Array<Y.Map<unknown>> => v instanceof Y.Array,
  );
}

export function readActionStep(m: unknown): ActionStepView | null {
  if (!(m instanceof Y.Map)) return null;
  const id = m.get('id');
  if (typeof id !== 'string') return null;
  const horizon = m.get('horizon');
  const status = m.get('status');
  const due = m.get('due');
  return {
    id,
    text: str(m.get('text')),
    owner: str(m.get('owner')),
    horizon: isIn(HORIZONS, horizon) ? horizon : 'short',
    status: isIn(STEP_STATUSES, status) ? status : 'proposed',
    // Only when set, so a step without one reads (and exports) as it always did.
    ...(isIsoDate(due) ? { due } : {}),
  };
}

export function readRecommendation(r: RecommendationMap): RecommendationView | null {
  const id = r.get('id');
  if (typeof id !== 'string') return null;
  const ids = (v: unknown) => (v instanceof Y.Array ? v.toArray().filter((x): x is string => typeof x === 'string') : []);
  const description = r.get('description');
  const order = r.get('order');
  const steps = r.get('actionSteps');
  const plan = readPlan(r);
  return {
    ...(plan ? { plan } : {}),
    id,
    title: str(r.get('title')),
    description: description instanceof Y.XmlFragment ? plainText(description) : '',
    order: typeof order === 'number' && Number.isFinite(order) ? order : 0,
    sourceClusterId: typeof r.get('sourceClusterId') === 'string' ? (r.get('sourceClusterId') as string) : null,
    painPointLinks: [...new Set(ids(r.get('painPointLinks')))],
    visionLinks: [...new Set(ids(r.get('visionLinks')))],
    actionSteps:
      steps instanceof Y.Array
        ? steps
            .toArray()
            .map(readActionStep)
            .filter((s) => s !== null)
        : [],
  };
}

function readPlan(r: RecommendationMap): RecommendationPlan | null {
  const plan: RecommendationPlan = {};
  for (const k of PLAN_TEXT_FIELDS) {
    const v = r.get(k);
    if (typeof v === 'string' && v.trim()) plan[k] = v.slice(0, MAX_PLAN_FIELD_LENGTH);
  }
  const sandbox = r.get('sandbox');
  if (isIn(SANDBOX_NEEDS, sandbox)) plan.sandbox = sandbox;
  return Object.keys(plan).length ? plan : null;
}

/** Sets or clears (empty text, null sandbox) the plan's fields given. */
export function updateRecommendationPlan(
  doc: Y.Doc,
  id: string,
  patch: { [K in keyof RecommendationPlan]?: RecommendationPlan[K] | null },
): boolean {
  const r = reportRecommendations(doc).get(id);
  if (!r) return false;
  doc.transact(() => {
    for (const k of PLAN_TEXT_FIELDS) {
      const v = patch[k];
      if (v === undefined) continue;
      if (v === null || v === '') r.delete(k);
      else r.set(k, v.slice(0, MAX_PLAN_FIELD_LENGTH));
    }
    if (patch.sandbox === null) r.delete('sandbox');
    else if (isIn(SANDBOX_NEEDS, patch.sandbox)) r.set('sandbox', patch.sandbox);
  });
  return true;
}

export function listRecommendations(doc: Y.Doc): RecommendationView[] {
  return [...reportRecommendations(doc).values()]
    .map(readRecommendation)
    .filter((r) => r !== null)
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export function updateRecommendation(doc: Y.Doc, id: string, patch: { title?: string; order?: number }): boolean {
  const r = reportRecommendations(doc).get(id);
  if (!r) return false;
  doc.transact(() => {
    if (patch.title !== undefined) r.set('title', title(patch.title));
    if (patch.order !== undefined && Number.isFinite(patch.order)) r.set('order', patch.order);
  });
  return true;
}

export function deleteRecommendation(doc: Y.Doc, id: string): void {
  reportRecommendations(doc).delete(id);
}

/** Links a note or cluster once; returns false when it was already linked or the recommendation is gone. */
export function linkToRecommendation(doc: Y.Doc, id: string, kind: LinkKind, targetId: string): boolean {
  const r = reportRecommendations(doc).get(id);
  if (!r) return false;
  const links = recommendationLinks(r, kind);
  if (links.toArray().includes(targetId)) return false;
  links.push([targetId]);
  return true;
}

export function unlinkFromRecommendation(doc: Y.Doc, id: string, kind: LinkKind, targetId: string): void {
  const r = reportRecommendations(doc).get(id);
  if (!r) return;
  const links = recommendationLinks(r, kind);
  doc.transact(() => {
    for (let i = links.length - 1; i >= 0; i--) if (links.get(i) === targetId) links.delete(i, 1);
  });
}

export function addActionStep(
  doc: Y.Doc,
  recommendationId: string,
  step: Partial<Omit<ActionStepView, 'id'>> & { id?: string },
): string | null {
  const r = reportRecommendations(doc).get(recommendationId);
  if (!r) return null;
  const m = new Y.Map<unknown>();
  const id = step.id ?? newId();
  doc.transact(() => {
    recommendationSteps(r).push([m]);
    m.set('id', id);
    m.set('text', step.text ?? '');
    m.set('owner', step.owner ?? '');
    m.set('horizon', step.horizon ?? 'short');
    m.set('status', step.status ?? 'proposed');
    if (isIsoDate(step.due)) m.set('due', step.due);
  });
  return id;
}

function findStep(doc: Y.Doc, recommendationId: string, stepId: string): { steps: Y.Array<Y.Map<unknown>>; index: number } | null {
  const r = reportRecommendations(doc).get(recommendationId);
  if (!r) return null;
  const steps = recommendationSteps(r);
  const index = steps.toArray().findIndex((m) => m instanceof Y.Map && m.get('id') === stepId);
  return index < 0 ? null : { steps, index };
}

export function updateActionStep(
  doc: Y.Doc,
  recommendationId: string,
  stepId: string,
  patch: Partial<Omit<ActionStepView, 'id'>>,
): boolean {
  const found = findStep(doc, recommendationId, stepId);
  if (!found) return false;
  const m = found.steps.get(found.index);
  doc.transact(() => {
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      if (k === 'horizon' && !isIn(HORIZONS, v)) continue;
      if (k === 'status' && !isIn(STEP_STATUSES, v)) continue;
      if (k === 'due') {
        // null goes back to the horizon's date.
        if (v === null) m.delete('due');
        else if (isIsoDate(v)) m.set('due', v);
        continue;
      }
      m.set(k, v);
    }
  });
  return true;
}

export function removeActionStep(doc: Y.Doc, recommendationId: string, stepId: string): boolean {
  const found = findStep(doc, recommendationId, stepId);
  if (!found) return false;
  found.steps.delete(found.index, 1);
  return true;
}
