import type { StageId } from '../rubric/rubricSchema';
import type { LocalizedText } from '../schema/common';

/** Where a stage stands, as the stepper, the print and the refusals name it. */
export const STAGE_PROGRESS = ['draft', 'returned', 'submitted', 'inProgress', 'evaluated'] as const;
export type StageProgress = (typeof STAGE_PROGRESS)[number];

export const STAGE_PROGRESS_LABELS = {
  draft: { zh: '草稿', en: 'Draft' },
  returned: { zh: '已退回修改', en: 'Returned for revision' },
  submitted: { zh: '已提交，待评分', en: 'Submitted, awaiting scoring' },
  inProgress: { zh: '评分未完成', en: 'Scoring in progress' },
  evaluated: { zh: '已评分', en: 'Scored' },
} as const satisfies Record<StageProgress, LocalizedText>;

/**
 * The stages' names where a whole title does not fit (a stepper, a CSV heading). Rubric sets of
 * schema version 1 had no short titles; they get these.
 */
export const STAGE_SHORT_TITLES = {
  '4.1': { zh: '临床信息', en: 'Clinical information' },
  '4.2': { zh: '影像技术', en: 'Imaging technique' },
  '4.3': { zh: '影像征象', en: 'Imaging signs' },
  '4.4': { zh: '影像诊断', en: 'Diagnosis' },
  '4.5': { zh: '报告书写', en: 'Report' },
} as const satisfies Record<StageId, LocalizedText>;
