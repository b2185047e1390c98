import type { RatingBand } from './rubricSchema';

/**
 * The overall rating (报告整体评价) the published sheets print: 优秀 / 良好 / 基本合格 / 不合格.
 *
 * Departments that use the sheet map totals to five ranges, ≥90 / 80–89 / 70–79 / 60–69 / <60,
 * but the sheet has only four names. ≥90 and 80–89 keep their own names; 70–79 and 60–69 both sit
 * between "good" and the pass mark of 60 used throughout Chinese assessment, so both become
 * 基本合格; below 60 is 不合格. A department that wants a fifth band adds it to its own sheet.
 *
 * The Chinese names are the sheet's; the English ones say what an English-speaking reader of a
 * score sheet expects (a department that keeps 基本合格 apart from 合格 renames its own bands).
 * Each default sheet's source note states this mapping, so a tutor reading the sheet sees it.
 *
 * Sheets take a copy, never this array itself: a copy of a rubric set (structuredClone keeps shared
 * objects shared) must let a department change one sheet's bands without changing the others'.
 */
export const DEFAULT_RATING_BANDS: RatingBand[] = [
  { id: 'excellent', label: { zh: '优秀', en: 'Excellent' }, min: 90 },
  { id: 'good', label: { zh: '良好', en: 'Good' }, min: 80 },
  { id: 'basically-acceptable', label: { zh: '基本合格', en: 'Pass' }, min: 60 },
  { id: 'unacceptable', label: { zh: '不合格', en: 'Fail' }, min: 0 },
];

/** The mapping above in the words of a sheet's source note. */
export const BAND_MAPPING_NOTE = {
  zh: '在用的评分表把总分分为 ≥90、80–89、70–79、60–69、<60 五档，而表上只有四个评价：≥90 为优秀，80–89 为良好，70–79 与 60–69 均为基本合格，<60 为不合格。',
  en: 'Departments that use the sheet split totals into five ranges (≥90, 80–89, 70–79, 60–69, <60), but the sheet names four ratings: ≥90 Excellent (优秀), 80–89 Good (良好), both 70–79 and 60–69 Pass (基本合格), below 60 Fail (不合格).',
};
