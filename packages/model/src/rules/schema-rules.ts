import { isSafeId } from '../ids.ts';
import { CLUSTER_FIELDS, DRAFT_NOTE_FIELDS, NOTE_FIELDS, REQUIRED_FIELDS, isKnownRoot, type FieldSpec } from '../schema/room-schema.ts';
import { isNewEntry, writtenFields, type Collection, type Correction, type EntryChange, type Rule, type RuleDeps } from './changes.ts';

/** Only the room's own top-level names: anything else would be stored and sent to every joiner. */
export const knownRoots: Rule = (changes, deps) =>
  changes.roots.filter((name) => !isKnownRoot(deps.room, name)).map((name) => ({ rule: 'unknown-root', kind: 'dropRoot', name }));

/**
 * Each entry a note (or cluster) under its own id: a safe id equal to its key, a phase, and
 * known fields of the right type and size. A new entry that is not one is taken back; a
 * field written wrong is repaired (clamped, clipped), put back, or given its default.
 */
export function shapeRule(
  target: Collection,
  fieldsOf: (deps: RuleDeps) => ReadonlyMap<string, FieldSpec>,
  what: string = target === 'notes' ? 'note' : 'cluster',
  required: readonly string[] = REQUIRED_FIELDS,
): Rule {
  return (changes, deps) => {
    const specs = fieldsOf(deps);
    const out: Correction[] = [];
    const at = { target, rule: `${what}-schema` } as const;
    for (const c of changes[target]) {
      if (c.after === null) continue;
      const fresh = isNewEntry(c);
      if (fresh && !isWholeEntry(c, specs, required)) {
        out.push({ ...at, rule: `not-a-${what}`, kind: 'restore', key: c.key });
        continue;
      }
      for (const field of writtenFields(c)) {
        const fix = fieldFix(c, field, specs.get(field), fresh);
        if (fix) out.push({ ...at, key: c.key, ...fix } as Correction);
      }
    }
    return out;
  };
}

function isWholeEntry(c: EntryChange, specs: ReadonlyMap<string, FieldSpec>, required: readonly string[]): boolean {
  const after = c.after!;
  return isSafeId(c.key) && after.get('id') === c.key && required.every((f) => specs.get(f)!.valid(after.get(f)));
}

type FieldFix =
  | { kind: 'restoreField' | 'deleteField'; field: string }
  | { kind: 'setField'; field: string; value: unknown }
  | { kind: 'setText'; text: string };

function fieldFix(c: EntryChange, field: string, spec: FieldSpec | undefined, fresh: boolean): FieldFix | null {
  const after = c.after!;
  const hadValid = !fresh && c.before !== null && c.before.has(field) && (spec?.valid(c.before.get(field)) ?? false);
  if (!spec) return fresh || !c.before?.has(field) ? { kind: 'deleteField', field } : { kind: 'restoreField', field };
  if (!after.has(field)) return hadValid ? { kind: 'restoreField', field } : null;
  const value = after.get(field);
  // An id is its key: another note's id here would take that note's votes and credit.
  if (field === 'id' && value !== c.key) return { kind: 'restoreField', field };
  if (spec.valid(value)) return null;
  const repaired = spec.repair?.(value);
  if (repaired !== undefined && spec.valid(repaired)) return { kind: 'setField', field, value: repaired };
  if (hadValid) return { kind: 'restoreField', field };
  if ('fallback' in spec) return { kind: 'setField', field, value: spec.fallback };
  if (field === 'content') return { kind: 'setText', text: '' };
  return { kind: 'restoreField', field };
}

export const noteShape = shapeRule('notes', (deps) => (deps.room === 'drafts' ? DRAFT_NOTE_FIELDS : NOTE_FIELDS));
export const clusterShape = shapeRule('clusters', () => CLUSTER_FIELDS);
