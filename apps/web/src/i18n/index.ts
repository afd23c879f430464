import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { setupEn, setupEs, setupFr } from './setup-messages.ts';
import { groupsEn, groupsEs, groupsFr } from './groups-messages.ts';
import { navEn, navEs, navFr } from './nav-messages.ts';
import { themeSuggestionsEn, themeSuggestionsEs, themeSuggestionsFr } from './theme-suggestion-messages.ts';

export const LANGUAGES = ['en', 'es', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

/** The browser's preferred language if we have it, else English. */
export function browserLanguage(): Language {
  const tag = typeof navigator === 'undefined' ? 'en' : navigator.language.slice(0, 2);
  return isLanguage(tag) ? tag : 'en';
}

/**
 * Spanish and French have a "many" plural form (un millón de votos, un million de voix) that
 * reads like "other"; without a `_many` key i18next falls back to the singular, so every
 * `_other` key stands in for it.
 */
export function withManyForms<T extends object>(messages: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(messages)) {
    out[key] = typeof value === 'object' && value !== null ? withManyForms(value) : value;
  }
  for (const [key, value] of Object.entries(messages)) {
    const base = key.endsWith('_other') ? key.slice(0, -'_other'.length) : null;
    if (base !== null && !Object.hasOwn(messages, `${base}_many`)) out[`${base}_many`] = value;
  }
  return out as T;
}

export const i18n = i18next.createInstance();
// i18next deep-merges later bundles into the object it was given: a copy keeps en.ts's own
// object to its own keys (es and fr are copies already, made by withManyForms).
void i18n.use(initReactI18next).init({
  resources: { en: { translation: structuredClone(en) }, es: { translation: withManyForms(es) }, fr: { translation: withManyForms(fr) } },
  lng: browserLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  initAsync: false,
});
// Deep-merged into the same namespace: `setup.*`, `access.*`, `agenda.*` sit beside en.ts's keys.
i18n.addResourceBundle('en', 'translation', setupEn, true, false);
i18n.addResourceBundle('es', 'translation', withManyForms(setupEs), true, false);
i18n.addResourceBundle('fr', 'translation', withManyForms(setupFr), true, false);
i18n.addResourceBundle('en', 'translation', groupsEn, true, false);
i18n.addResourceBundle('es', 'translation', withManyForms(groupsEs), true, false);
i18n.addResourceBundle('fr', 'translation', withManyForms(groupsFr), true, false);
i18n.addResourceBundle('en', 'translation', navEn, true, false);
i18n.addResourceBundle('es', 'translation', navEs, true, false);
i18n.addResourceBundle('fr', 'translation', navFr, true, false);
i18n.addResourceBundle('en', 'translation', themeSuggestionsEn, true, false);
i18n.addResourceBundle('es', 'translation', withManyForms(themeSuggestionsEs), true, false);
i18n.addResourceBundle('fr', 'translation', withManyForms(themeSuggestionsFr), true, false);

export function setLanguage(lang: string): void {
  const l = isLanguage(lang) ? lang : 'en';
  if (i18n.language !== l) void i18n.changeLanguage(l);
  if (typeof document !== 'undefined') document.documentElement.lang = l;
}
