import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.ts';
import { es } from '../src/i18n/es.ts';
import { fr } from '../src/i18n/fr.ts';
import { i18n } from '../src/i18n/index.ts';
import { dateLocale, formatDateTime } from '../src/i18n/format.ts';

function leaves(obj: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v as object, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const t = (lng: string, key: string, options: Record<string, unknown>) => i18n.getFixedT(lng)(key, options);

describe.each([
  ['en', en],
  ['es', es],
  ['fr', fr],
])('plurals in %s', (_lang, messages) => {
  it('give every counted message a plural form, so i18next picks the words by its plural rules', () => {
    const all = leaves(messages);
    const missing = [...all]
      .filter(([k, v]) => v.includes('{{count}}') && !/_(one|other)$/.test(k) && !all.has(`${k}_other`))
      .map(([k]) => k);
    expect(missing).toEqual([]);
  });
});

describe('plural words', () => {
  it.each([
    ['fr', 'voting.remaining', { count: 1, total: 5 }, 'Il vous reste 1 gommette sur 5.'],
    ['fr', 'voting.remaining', { count: 0, total: 5 }, 'Il vous reste 0 gommette sur 5.'],
    ['fr', 'voting.remaining', { count: 3, total: 5 }, 'Il vous reste 3 gommettes sur 5.'],
    ['es', 'voting.mine', { count: 1 }, '1 mío'],
    ['es', 'voting.mine', { count: 2 }, '2 míos'],
    ['es', 'voting.remaining', { count: 1, total: 5 }, 'Te queda 1 de 5 puntos.'],
    ['en', 'report.votes', { count: 1 }, '1 vote'],
    ['en', 'report.votes', { count: 4 }, '4 votes'],
    ['es', 'report.votes', { count: 1 }, '1 voto'],
    // CLDR's "many" form (un million) falls back to the singular unless it is given.
    ['es', 'voting.votes', { count: 1_000_000 }, '1000000 votos'],
    ['fr', 'presence.count', { count: 1_000_000 }, '1000000 personnes'],
  ])('%s %s %j → %s', (lng, key, options, expected) => {
    expect(t(lng, key, options)).toBe(expected);
  });
});

describe('dates and times in the reader’s locale', () => {
  const at = Date.UTC(2026, 5, 3, 13, 30); // 15:30 in Paris (summer time)

  it.each([
    ['en', ['en-GB', 'en'], 'en-GB'],
    ['en', ['en-US'], 'en-US'],
    ['en', ['de-DE'], 'en-GB'],
    ['fr', ['fr-CA', 'en-GB'], 'fr-CA'],
    ['es', ['en-GB'], 'es'],
  ])('app language %s with browser %j → %s', (language, preferred, expected) => {
    expect(dateLocale(language, preferred)).toBe(expected);
  });

  it.each([
    ['en', ['en-GB'], '15:30'],
    ['fr', ['fr-FR'], '15:30'],
    ['es', ['es-ES'], '15:30'],
    ['en', ['en-US'], '3:30 PM'],
  ])('%s (%j) shows a 15:30 session as %s', (language, preferred, time) => {
    expect(formatDateTime(at, language, { timeStyle: 'short' }, 'Europe/Paris', preferred).replace(/\u202f/g, ' ')).toBe(time);
  });

  it('writes the date in the language’s words', () => {
    expect(formatDateTime(at, 'fr', { dateStyle: 'long' }, 'Europe/Paris', ['fr-FR'])).toBe('3 juin 2026');
    expect(formatDateTime(at, 'es', { dateStyle: 'long' }, 'Europe/Paris', ['es-ES'])).toBe('3 de junio de 2026');
    expect(formatDateTime(at, 'en', { dateStyle: 'long' }, 'Europe/Paris', ['en-GB'])).toBe('3 June 2026');
  });
});

describe('one register per language', () => {
  it('Spanish speaks to the reader as tú throughout', () => {
    // Usted's pronouns and the imperatives the report pages used to mix in.
    const usted = /\b(usted|ustedes|Elija|Descargue|Use|Cree|empiece|abra|Puede leer|su hora|en su navegador)\b/;
    expect([...leaves(es)].filter(([, v]) => usted.test(v))).toEqual([]);
  });

  it('French speaks to the reader as vous throughout', () => {
    const tu = /(?<!\p{L})(tu|ton|ta|tes|toi)(?!\p{L})/iu;
    expect([...leaves(fr)].filter(([, v]) => tu.test(v))).toEqual([]);
  });
});
