import type { LocalizedText } from '../schema/common';
import type { ReportSheet } from '../rubric/rubricSchema';

/** How a report sheet is filled in. */
export const SHEET_SCORING_LABELS = {
  award: { zh: '得分制', en: 'Points awarded' },
  deduct: { zh: '扣分制', en: 'Points deducted' },
} as const satisfies Record<ReportSheet['scoring'], LocalizedText>;
