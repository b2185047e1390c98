import { z } from 'zod';
import { identifier } from '../schema/common';

/** One piece of clinical information; `missing` marks it "not available — to obtain" from patient or referrer. */
export const clinicalItem = z.object({ text: z.string(), missing: z.boolean() });
export type ClinicalItem = z.infer<typeof clinicalItem>;

export const CLINICAL_ITEMS = ['complaint', 'history', 'labs', 'priorImaging', 'examReason', 'examPurpose'] as const;

/** 4.1 临床信息提取与分析 */
export const clinicalInfoWork = z.object({
  items: z.object(Object.fromEntries(CLINICAL_ITEMS.map(key => [key, clinicalItem])) as Record<(typeof CLINICAL_ITEMS)[number], typeof clinicalItem>),
  /** What goes into the report as key clinical information. */
  summary: z.string(),
});
export type ClinicalInfoWork = z.infer<typeof clinicalInfoWork>;

export const IMAGE_QUALITY = ['excellent', 'good', 'adequate', 'poor', 'nonDiagnostic'] as const;

/** 4.2 影像技术执行与分析 */
export const techniqueWork = z.object({
  preparation: z.string(),
  protocol: z.string(),
  postProcessing: z.string(),
  imageQuality: z.enum(IMAGE_QUALITY).nullable(),
  artefacts: z.string(),
  improvement: z.string(),
  /** For real-time exams: the procedure the resident performed under guidance. */
  realTimeProcedure: z.string(),
});
export type TechniqueWork = z.infer<typeof techniqueWork>;

export const finding = z.object({
  id: identifier,
  /** A positive sign, or a negative sign that matters for the differential. */
  kind: z.enum(['positive', 'negative']),
  description: z.string().trim().min(1, 'a finding needs a description'),
  location: z.string(),
  /** Annotations drawn on the images (cornerstone annotation UIDs) that show this sign. */
  annotationIds: z.array(z.string().min(1)),
  /** The underlying pathology inferred from the sign, and its mechanism. */
  pathology: z.string(),
});
export type Finding = z.infer<typeof finding>;

/** 4.3 影像征象提取与分析 */
export const findingsWork = z.object({ findings: z.array(finding) });
export type FindingsWork = z.infer<typeof findingsWork>;

/** 4.4 临床思维与影像诊断 */
export const diagnosisWork = z.object({
  /** Most likely first. */
  differentials: z.array(z.object({ diagnosis: z.string().trim().min(1, 'a differential needs a diagnosis'), reasoning: z.string() })),
  finalDiagnosis: z.string(),
  nature: z.string(),
  extentOrStage: z.string(),
  changeFromPrior: z.string(),
  cannotExclude: z.array(z.string().trim().min(1)),
});
export type DiagnosisWork = z.infer<typeof diagnosisWork>;

/** 4.5 报告书写 */
export const reportWork = z.object({
  examination: z.string(),
  technique: z.string(),
  findings: z.string(),
  impression: z.string(),
});
export type ReportWork = z.infer<typeof reportWork>;

export const stageWorkSchemas = {
  '4.1': clinicalInfoWork,
  '4.2': techniqueWork,
  '4.3': findingsWork,
  '4.4': diagnosisWork,
  '4.5': reportWork,
} as const;

export interface StageWorkByStage {
  '4.1': ClinicalInfoWork;
  '4.2': TechniqueWork;
  '4.3': FindingsWork;
  '4.4': DiagnosisWork;
  '4.5': ReportWork;
}

const blank = { text: '', missing: false };

/** The empty work a resident starts each stage from. */
export function emptyWork(): StageWorkByStage {
  return {
    '4.1': { items: Object.fromEntries(CLINICAL_ITEMS.map(key => [key, { ...blank }])) as ClinicalInfoWork['items'], summary: '' },
    '4.2': { preparation: '', protocol: '', postProcessing: '', imageQuality: null, artefacts: '', improvement: '', realTimeProcedure: '' },
    '4.3': { findings: [] },
    '4.4': { differentials: [], finalDiagnosis: '', nature: '', extentOrStage: '', changeFromPrior: '', cannotExclude: [] },
    '4.5': { examination: '', technique: '', findings: '', impression: '' },
  };
}
