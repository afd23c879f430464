import { expect } from 'vitest';

/** Every string of a message bundle, keyed by its dotted path. */
export function leaves(obj: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v as object, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

/** The `{{name}}` placeholders of one string, sorted. */
export const placeholders = (s: string): string[] => (s.match(/{{\w+}}/g) ?? []).sort();

/**
 * Expects `translated` to have exactly the keys of `english`, each with the same placeholders,
 * and returns both bundles flattened (`ref` the English one) for the suite's own checks.
 */
export function expectSameKeysAndPlaceholders(
  english: object,
  translated: object,
): { ref: Map<string, string>; mine: Map<string, string> } {
  const ref = leaves(english);
  const mine = leaves(translated);
  expect([...mine.keys()].sort()).toEqual([...ref.keys()].sort());
  for (const [k, v] of ref) expect(placeholders(mine.get(k)!), k).toEqual(placeholders(v));
  return { ref, mine };
}
