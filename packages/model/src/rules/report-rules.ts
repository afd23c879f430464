import { isSafeId } from '../ids.ts';
import {
  MAX_LINKS_PER_RECOMMENDATION,
  MAX_RECOMMENDATION_MARKUP_LENGTH,
  MAX_RECOMMENDATION_TEXT_LENGTH,
  MAX_STEP_OWNER_LENGTH,
  MAX_STEP_TEXT_LENGTH,
  MAX_STEPS_PER_RECOMMENDATION,
  MAX_TITLE_LENGTH,
} from '../limits.ts';
import { HORIZONS, isIsoDate, MAX_PLAN_FIELD_LENGTH, SANDBOX_NEEDS, STEP_STATUSES } from '../schema/report.ts';
import { type FieldSpec, type Fields, isRichText } from '../schema/room-schema.ts';
import type { Rule } from './changes.ts';
import { knownRoots, shapeRule } from './schema-rules.ts';

/**
 * The report room's schema (schema/report.ts): recommendations under their own safe id with
 * known fields of the right type and size, their link lists and action steps capped. The
 * server reads a recommendation as the board's rules read a note (the shape rule below), and
 * checks the lists inside it with `listFixes` and `stepFixes`.
 */

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNested = (v: unknown) => typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'nested';
const oneOf = (list: readonly string[]) => (v: unknown) => typeof v === 'string' && list.includes(v);
const clipped = (max: number): FieldSpec => ({
  valid: (v) => typeof v === 'string' && v.length <= max,
  repair: (v) => (typeof v === 'string' ? v.slice(0, max) : undefined),
  fallback: '',
});

/** The three lists of a recommendation: Yjs arrays, their items checked by `listFixes`. */
export const REPORT_LISTS = ['painPointLinks', 'visionLinks', 'actionSteps'] as const;
export type ReportList = (typeof REPORT_LISTS)[number];

export const RECOMMENDATION_FIELDS: ReadonlyMap<string, FieldSpec> = new Map<string, FieldSpec>([
  ['id', { valid: isSafeId }],
  ['title', clipped(MAX_TITLE_LENGTH)],
  ['order', { valid: finite, fallback: 0 }],
  ['sourceClusterId', { valid: (v) => v === null || isSafeId(v), fallback: null }],
  [
    'description',
    {
      valid: (v) => isRichText(v) && v.text.length <= MAX_RECOMMENDATION_TEXT_LENGTH && v.markupLength <= MAX_RECOMMENDATION_MARKUP_LENGTH,
    },
  ],
  ...REPORT_LISTS.map((name): [string, FieldSpec] => [name, { valid: isNested }]),
  ['scaleBudget', clipped(MAX_PLAN_FIELD_LENGTH)],
  ['sustainedBy', clipped(MAX_PLAN_FIELD_LENGTH)],
  ['successMeasures', clipped(MAX_PLAN_FIELD_LENGTH)],
  ['sandbox', { valid: oneOf(SANDBOX_NEEDS) }],
]);

/** The report room's rules, for every writer (facilitators included): its roots, then each recommendation's shape. */
export const REPORT_RULES: readonly Rule[] = [knownRoots, shapeRule('notes', () => RECOMMENDATION_FIELDS, 'recommendation', ['id'])];

export const STEP_FIELDS: ReadonlyMap<string, FieldSpec> = new Map<string, FieldSpec>([
  ['id', { valid: isSafeId }],
  ['text', clipped(MAX_STEP_TEXT_LENGTH)],
  ['owner', clipped(MAX_STEP_OWNER_LENGTH)],
  ['horizon', { valid: oneOf(HORIZONS), fallback: 'short' }],
  ['status', { valid: oneOf(STEP_STATUSES), fallback: 'proposed' }],
  ['due', { valid: (v) => v === null || isIsoDate(v) }],
]);

/**
 * Which items of a list go (their indexes, ascending): a link that is not a safe id, a step
 * that is not a map (null here) or has no safe id, and everything past the list's cap.
 */
export function listFixes(list: ReportList, items: readonly unknown[]): number[] {
  const max = list === 'actionSteps' ? MAX_STEPS_PER_RECOMMENDATION : MAX_LINKS_PER_RECOMMENDATION;
  const ok = (item: unknown) => (list === 'actionSteps' ? item instanceof Map && isSafeId(item.get('id')) : isSafeId(item));
  const out: number[] = [];
  let kept = 0;
  items.forEach((item, i) => {
    if (ok(item) && kept < max) kept++;
    else out.push(i);
  });
  return out;
}

export type StepFix = { kind: 'set'; field: string; value: unknown } | { kind: 'delete'; field: string };

/** A kept step made well-formed: unknown fields deleted, text clipped, a bad horizon or status reset. */
export function stepFixes(step: Fields): StepFix[] {
  const out: StepFix[] = [];
  for (const [field, value] of step) {
    const spec = STEP_FIELDS.get(field);
    if (!spec) out.push({ kind: 'delete', field });
    else if (!spec.valid(value)) {
      const repaired = spec.repair?.(value);
      if (repaired !== undefined && spec.valid(repaired)) out.push({ kind: 'set', field, value: repaired });
      else if ('fallback' in spec) out.push({ kind: 'set', field, value: spec.fallback });
      else out.push({ kind: 'delete', field });
    }
  }
  return out;
}
