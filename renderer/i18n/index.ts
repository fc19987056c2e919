// The renderer's translations (i18next): English is complete, French grows with the screens. The person's
// language choice is kept in localStorage, so the sign-in page opens in the language they used last.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import fr from './fr.json';
import customersEn from './customers.en.json';
import customersFr from './customers.fr.json';
import syncEn from './sync.en.json';
import syncFr from './sync.fr.json';
import loansEn from './loans.en.json';
import loansFr from './loans.fr.json';
import counterEn from './counter.en.json';
import counterFr from './counter.fr.json';
import reportsEn from './reports.en.json';
import reportsFr from './reports.fr.json';
import booksEn from './books.en.json';
import booksFr from './books.fr.json';

export const languages = [
  { value: 'en', label: 'English' },
  { value: 'fr', label: 'Français' },
] as const;
export type Language = (typeof languages)[number]['value'];

const storageKey = 'lms.language';

function storedLanguage(): Language {
  const stored = localStorage.getItem(storageKey);
  return stored === 'fr' ? 'fr' : 'en';
}

export function setLanguage(language: Language): void {
  localStorage.setItem(storageKey, language);
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

void i18n.use(initReactI18next).init({
  resources: {
    // Each screen's own strings are merged in; `nav` is shared, so it is merged one level down.
    en: {
      translation: {
        ...en,
        ...customersEn,
        ...loansEn,
        ...counterEn,
        ...reportsEn,
        ...booksEn,
        nav: {
          ...en.nav,
          ...customersEn.nav,
          ...syncEn.nav,
          ...loansEn.nav,
          ...counterEn.nav,
          ...reportsEn.nav,
          ...booksEn.nav,
        },
        sync: { ...en.sync, ...syncEn.sync, state: { ...en.sync.state, ...syncEn.sync.state } },
      },
    },
    fr: {
      translation: {
        ...fr,
        ...customersFr,
        ...loansFr,
        ...counterFr,
        ...reportsFr,
        ...booksFr,
        nav: {
          ...fr.nav,
          ...customersFr.nav,
          ...syncFr.nav,
          ...loansFr.nav,
          ...counterFr.nav,
          ...reportsFr.nav,
          ...booksFr.nav,
        },
        sync: { ...fr.sync, ...syncFr.sync, state: { ...fr.sync.state, ...syncFr.sync.state } },
      },
    },
  },
  lng: storedLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes what it renders
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
