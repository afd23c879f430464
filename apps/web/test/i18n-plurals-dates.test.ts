import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.ts';
import { es } from '../src/i18n/es.ts';
import { fr } from '../src/i18n/fr.ts';
import { i18n } from '../src/i18n/index.ts';
import { dateLocale, formatDateTime } from '../src/i18n/format.ts';
import { messageFiles, messagesIn } from './i18n-messages.ts';

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
  const spanish = messagesIn('es');
  const french = messagesIn('fr');

  it('reads every message file, not only the main ones', () => {
    // Each file that adds strings at runtime is among the imported files.
    const sources = import.meta.glob<string>('../src/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true });
    const adding = Object.keys(sources).filter(
      (f) => /\baddMessages\(\s*'|addResourceBundle\(/.test(sources[f]!) && !f.endsWith('/i18n/index.ts'),
    );
    for (const f of adding) expect(messageFiles, f).toContain(f.replace(/^\.\.\//, ''));
    expect(messageFiles.length).toBeGreaterThanOrEqual(11);
    expect(spanish.size).toBeGreaterThan(leaves(es).size);
  });

  it('Spanish speaks to the reader as tú throughout', () => {
    // Usted and its forms; "su"/"sus" alone also point at third persons ("sus notas"), so only the
    // possessions that can only be the reader's, and imperatives where a clause starts (the
    // subjunctive look-alikes follow "que").
    const usted = [
      /(?<!\p{L})ustede?s?(?!\p{L})/iu,
      /(?:^|[.:;¿¡]\s*)(elija|escriba|indique|introduzca|seleccione|guarde|actualice|añada|cambie|pida|descargue|use|cree|empiece|abra|sea|puede leer)(?!\p{L})/iu,
      /(?<!\p{L})(únase|inscríbase|inclúyase|añádalos|cópielo|envíelo|revóquelo|encontrarle|ofrecerle|le trae|le ve|le menciona)(?!\p{L})/iu,
      /(?<!\p{L})sus? (respuesta|tarjeta|inscripción|plaza|perfil|navegador|cursor|enlace personal|pregunta a)(?!\p{L})/iu,
      /\(su hora\)|en su hora(?!\p{L})|en su navegador/iu,
    ];
    expect([...spanish].filter(([, v]) => usted.some((re) => re.test(v)))).toEqual([]);
  });

  it('French speaks to the reader as vous throughout', () => {
    const tu = /(?<!\p{L})(tu|ton|ta|tes|toi)(?!\p{L})/iu;
    expect([...french].filter(([, v]) => tu.test(v))).toEqual([]);
  });
});
