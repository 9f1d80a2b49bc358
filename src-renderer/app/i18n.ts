// i18n: bokmål by default, English on request; the choice is remembered on this desk.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import nb from '../locales/nb.json';
import en from '../locales/en.json';

export const LANGUAGES = ['nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const KEY = 'ror-desk-language';

function storedLanguage(): Language {
  const v = localStorage.getItem(KEY);
  return v === 'en' ? 'en' : 'nb';
}

void i18n.use(initReactI18next).init({
  resources: { nb: { translation: nb }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'nb',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = storedLanguage();

export function setLanguage(lang: Language): void {
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export default i18n;
