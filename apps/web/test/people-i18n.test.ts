import { describe, expect, it } from 'vitest';
import * as directory from '../src/i18n/people-messages.ts';
import * as registration from '../src/registration/messages.ts';
import { i18n } from '../src/i18n/index.ts';

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
  ['directory', directory],
  ['registration', registration],
])('the %s strings', (_name, bundle) => {
  it.each(['es', 'fr'] as const)('in %s have exactly the English keys and placeholders, translated', (lang) => {
    const ref = leaves(bundle.en);
    const mine = leaves(bundle[lang]);
    expect([...mine.keys()].sort()).toEqual([...ref.keys()].sort());
    for (const [k, v] of ref) expect(placeholders(mine.get(k)!), k).toEqual(placeholders(v));
    expect([...ref].filter(([k, v]) => mine.get(k) === v).length).toBeLessThan(4);
  });
});

describe('registered with i18next', () => {
  it('answers in each language, with Spanish and French plural forms', () => {
    expect(i18n.getFixedT('fr')('people.directory.count', { count: 2 })).toBe('2 personnes dans l’annuaire');
    expect(i18n.getFixedT('es')('registration.admin.total', { count: 1 })).toBe('1 inscripción');
    expect(i18n.getFixedT('en')('people.consent.listed')).toBe('List me in the directory');
  });
});
