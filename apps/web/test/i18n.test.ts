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

/** Words French writes exactly as English does; any other string equal to English was copied. */
const SAME_IN_FRENCH = new Set([
  'join.organisation',
  'console.invite.organisation',
  'workshop.phasesLabel',
  'board.notesCount',
  'board.notesCount_other',
  'note.roleDescription',
  'note.colours.orange',
  'series.participants',
  'series.organisations',
  'series.participation',
]);

describe.each([
  ['es', es, new Set(['app.label'])],
  ['fr', fr, SAME_IN_FRENCH],
])('the %s translation', (_lang, resources, sameByDesign) => {
  const ref = leaves(en);
  const mine = leaves(resources);

  it('has exactly the English keys, each with the same placeholders', () => {
    expect([...mine.keys()].sort()).toEqual([...ref.keys()].sort());
    for (const [k, v] of ref) expect(placeholders(mine.get(k)!), k).toEqual(placeholders(v));
  });

  it('is translated, not copied from English', () => {
    // Brand names, language names and words that are the same in both languages are the exceptions.
    const same = [...ref].filter(([k, v]) => mine.get(k) === v && !k.startsWith('languages.') && k !== 'app.name' && !sameByDesign.has(k));
    expect(same.map(([k]) => k)).toEqual([]);
  });
});
