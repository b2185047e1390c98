import { WORKLIST_MESSAGES } from './areas/worklist';
import { MESSAGES, type Language } from './messages';
import { fillPlaceholders } from './translate';

/**
 * The strings of the records service's own pages (the worklist) on top of the panel's. Kept apart
 * from `MESSAGES` because the viewer's extension carries that table at start-up and never shows
 * these pages.
 */
const en = { ...MESSAGES.en, ...WORKLIST_MESSAGES.en };
export type PageMessageKey = keyof typeof en;

export const PAGE_MESSAGES: Record<Language, Record<PageMessageKey, string>> = { en, 'zh-CN': { ...MESSAGES['zh-CN'], ...WORKLIST_MESSAGES.zhCN } };

export type PageTranslate = (key: PageMessageKey, params?: Record<string, string | number>) => string;

export function pageTranslator(language: Language): PageTranslate {
  const table = PAGE_MESSAGES[language];
  return (key, params) => fillPlaceholders(table[key], params);
}
