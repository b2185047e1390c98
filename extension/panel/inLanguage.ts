import type { Language } from '../../src/core/i18n';
import type { LocalizedText } from '../../src/core/schema/common';

/** The server's and the core's bilingual texts, in the panel's language. */
export const inLanguage = (text: LocalizedText, language: Language): string => (language === 'en' ? text.en : text.zh);
