import type { Language } from '../../core/i18n';
import type { PageTranslate } from '../../core/i18n/pageMessages';
import { inLanguage } from '../../core/export/localized';
import { chinaDateTime } from '../../core/progress/chinaCalendar';
import type { LocalizedText } from '../../core/schema/common';
import type { WorklistQuery } from '../api/worklist';
import type { Principal } from '../auth/principal';
import { WORKLIST_PATH } from '../routes/landingPage';
import type { WorklistData } from './worklistData';

/** What every section of the page is rendered from. */
export interface PageContext {
  language: Language;
  t: PageTranslate;
  query: WorklistQuery;
  principal: Principal;
  data: WorklistData;
  viewerPath: string | undefined;
}

export const personName = (context: PageContext, id: string) => context.data.people.get(id)?.name ?? id;

export const caseTitle = (context: PageContext, id: string) => context.data.cases.get(id)?.title ?? id;

export const localized = (context: PageContext, text: LocalizedText) => inLanguage(text, context.language);

/** Times as the department reads them, in Beijing, as on the paper forms. */
export const dateTime = (timestamp: string | null) => (timestamp ? chinaDateTime(timestamp) : '');

/**
 * This page again with some of its parameters changed (undefined removes one), keeping the rest: a
 * "more" link keeps the filters, a filter keeps the language. The note of a session just scheduled
 * is not carried on.
 */
export function pageLink(context: PageContext, changes: Partial<Record<keyof WorklistQuery, string | number | undefined>>, anchor?: string): string {
  const values: Record<string, unknown> = { ...context.query, lang: context.language, scheduled: undefined, ...changes };
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') search.set(key, String(value));
  return `${WORKLIST_PATH}?${search.toString()}${anchor ? `#${anchor}` : ''}`;
}
