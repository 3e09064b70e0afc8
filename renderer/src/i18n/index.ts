import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zh } from './zh';
import { partnershipMessages } from './features/partnership';
import { meetingsMessages } from './features/meetings';
import { tasksMessages } from './features/tasks';
import { syncMessages } from './features/sync';
import { reportsMessages } from './features/reports';
import { timelineMessages } from './features/timeline';
import { mapMessages } from './features/map';
import { searchMessages } from './features/search';
import { backupsMessages } from './features/backups';
import { importMessages } from './features/import';

export type Language = 'zh' | 'en';
const STORAGE_KEY = 'pt.language';

export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'zh' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  void i18n.changeLanguage(language);
}

/** One translation tree per language: the shell's messages plus one namespace key per feature. */
const resources = {
  en: {
    translation: {
      ...en,
      partnership: partnershipMessages.en,
      meetings: meetingsMessages.en,
      tasks: tasksMessages.en,
      sync: syncMessages.en,
      reports: reportsMessages.en,
      timeline: timelineMessages.en,
      map: mapMessages.en,
      search: searchMessages.en,
      backups: backupsMessages.en,
      import: importMessages.en,
    },
  },
  zh: {
    translation: {
      ...zh,
      partnership: partnershipMessages.zh,
      meetings: meetingsMessages.zh,
      tasks: tasksMessages.zh,
      sync: syncMessages.zh,
      reports: reportsMessages.zh,
      timeline: timelineMessages.zh,
      map: mapMessages.zh,
      search: searchMessages.zh,
      backups: backupsMessages.zh,
      import: importMessages.zh,
    },
  },
};

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language === 'zh' ? 'zh-CN' : 'en';

export { i18n };

/** Pick the message of a translated error in the UI language. */
export function localized(text: { zh: string; en: string }): string {
  return i18n.language === 'zh' ? text.zh : text.en;
}

/** The UI language's locale for Intl formatting. */
export function uiLocale(): string {
  return i18n.language === 'zh' ? 'zh-CN' : 'en-GB';
}
