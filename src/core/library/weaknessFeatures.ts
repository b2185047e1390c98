import type { RubricPart } from './residentWeaknesses';

/** What a case can give a resident to practise beyond its year and category (see `caseFeatures`). */
export type PractisedFeature = 'negativeSigns' | 'staging' | 'priors' | 'realTime';

export interface WeaknessFeature {
  part: RubricPart;
  /** Item or criterion id, as the department's default rubrics name it. */
  id: string;
  feature: PractisedFeature;
}

/**
 * Which case feature practises which sheet item or stage criterion. Ids are those of the default
 * rubrics (`generalReportSheet.ts`, `ultrasoundReportSheet.ts`, `defaultStageForm.ts`), which a
 * department's edited rubrics keep; an item or criterion not listed here is no reason to prefer one
 * case over another, since every case practises it alike.
 *
 * | weakness                                              | a case that practises it              |
 * |-------------------------------------------------------|---------------------------------------|
 * | sheet `pertinent-negatives` 重要阴性征象描述 (general, US) | reference has negative signs          |
 * | 4.3 `pertinent-negatives` 重要阴性征象                    | reference has negative signs          |
 * | sheet `tumour-staging` 肿瘤分期正确                      | states a stage (`stagingMention`)     |
 * | 4.4 `extent-or-stage` 病变程度（如肿瘤分期）              | states a stage                        |
 * | sheet `prior-comparison` 与以前检查比较 (general, US)     | has a prior study to compare with     |
 * | 4.4 `change-from-prior` 与以前影像检查对照                | has a prior study to compare with     |
 * | 4.2 real-time `standard-protocol` 按规范方案完成操作        | is a real-time case                   |
 */
export const WEAKNESS_FEATURES: readonly WeaknessFeature[] = [
  { part: 'sheet', id: 'pertinent-negatives', feature: 'negativeSigns' },
  { part: '4.3', id: 'pertinent-negatives', feature: 'negativeSigns' },
  { part: 'sheet', id: 'tumour-staging', feature: 'staging' },
  { part: '4.4', id: 'extent-or-stage', feature: 'staging' },
  { part: 'sheet', id: 'prior-comparison', feature: 'priors' },
  { part: '4.4', id: 'change-from-prior', feature: 'priors' },
  { part: '4.2', id: 'standard-protocol', feature: 'realTime' },
];
