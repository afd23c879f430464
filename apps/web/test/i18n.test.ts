import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.ts';
import { es } from '../src/i18n/es.ts';
import { fr } from '../src/i18n/fr.ts';

function leaves(obj: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v as object, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort();

describe.each([
  ['es', es],
  ['fr', fr],
])('the %s translation', (_lang, resources) => {
  const ref = leaves(en);
  const mine = leaves(resources);

  it('has exactly the English keys, each with the same placeholders', () => {
    expect([...mine.keys()].sort()).toEqual([...ref.keys()].sort());
    for (const [k, v] of ref) expect(placeholders(mine.get(k)!), k).toEqual(placeholders(v));
  });

  it('is translated, not copied from English', () => {
    // Brand names, language names and words that are the same in both languages are the exceptions.
    const same = [...ref].filter(([k, v]) => mine.get(k) === v && !k.startsWith('languages.') && k !== 'app.name');
    expect(same.length).toBeLessThan(8);
  });
});
