import { describe, expect, it } from 'vitest';
import * as directory from '../src/i18n/people-messages.ts';
import * as registration from '../src/registration/messages.ts';
import { i18n } from '../src/i18n/index.ts';
import { expectSameKeysAndPlaceholders } from './i18n-leaves.ts';

describe.each([
  ['directory', directory],
  ['registration', registration],
])('the %s strings', (_name, bundle) => {
  it.each(['es', 'fr'] as const)('in %s have exactly the English keys and placeholders, translated', (lang) => {
    const { ref, mine } = expectSameKeysAndPlaceholders(bundle.en, bundle[lang]);
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
