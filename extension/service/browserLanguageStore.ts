import type { Language } from '../../src/core/i18n';
import type { LanguageStore } from './TeachingService';

const KEY = 'ohif-teaching.language';

/** Remembers a user's language choice in this browser; storage may be unavailable (private mode). */
export const browserLanguageStore: LanguageStore = {
  load() {
    try {
      return window.localStorage.getItem(KEY);
    } catch {
      return null;
    }
  },
  save(language: Language) {
    try {
      window.localStorage.setItem(KEY, language);
    } catch {
      // Not remembered across reloads, but the choice still applies now.
    }
  },
};
