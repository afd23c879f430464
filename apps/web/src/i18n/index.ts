import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';

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

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, es: { translation: es }, fr: { translation: fr } },
  lng: browserLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  initAsync: false,
});

export function setLanguage(lang: string): void {
  const l = isLanguage(lang) ? lang : 'en';
  if (i18n.language !== l) void i18n.changeLanguage(l);
  if (typeof document !== 'undefined') document.documentElement.lang = l;
}
