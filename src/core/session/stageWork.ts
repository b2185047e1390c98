import { z } from 'zod';
import { identifier } from '../schema/common';

export const CLINICAL_ITEMS = ['complaint', 'history', 'labs', 'priorImaging', 'examReason', 'examPurpose'] as const;
export type ClinicalItemId = (typeof CLINICAL_ITEMS)[number];

export const CLINICAL_ITEM_STATUSES = ['available', 'missing', 'obtained'] as const;
export type ClinicalItemStatus = (typeof CLINICAL_ITEM_STATUSES)[number];

/** Guide 4.1: 信息不全者须联系患者或主管医师进行补充. */
export const INFORMATION_SOURCES = ['patient', 'referringDoctor'] as const;
export type InformationSource = (typeof INFORMATION_SOURCES)[number];

/**
 * One piece of clinical information: at hand, missing (the resident must obtain it), or obtained
 * afterwards, from the patient or the referring doctor; then `text` says what was learned.
 */
export const clinicalItem = z.discriminatedUnion(
  'status',
  [
    z.object({ status: z.literal('available'), text: z.string() }),
    z.object({ status: z.literal('missing'), text: z.string() }),
    z.object({
      status: z.literal('obtained'),
      text: z.string().trim().min(1, 'say what was obtained'),
      from: z.enum(INFORMATION_SOURCES, { error: 'obtained from the patient or the referring doctor' }),
    }),
  ],
  { error: 'status must be available, missing or obtained' },
);
export type ClinicalItem = z.infer<typeof clinicalItem>;

/** 4.1 临床信息提取与分析 */
export const clinicalInfoWork = z.object({
  items: z.object(Object.fromEntries(CLINICAL_ITEMS.map(key => [key, clinicalItem])) as Record<ClinicalItemId, typeof clinicalItem>),
  /** What goes into the report as key clinical information (重点内容须写入影像诊断报告). */
  summary: z.string(),
});
export type ClinicalInfoWork = z.infer<typeof clinicalInfoWork>;

/** 甲级片 / 乙级片 / 丙级片 / 废片. */
export const IMAGE_QUALITY = ['gradeA', 'gradeB', 'gradeC', 'reject'] as const;
export type ImageQuality = (typeof IMAGE_QUALITY)[number];

/** 4.2 影像技术执行与分析 */
export const techniqueWork = z.object({
  preparation: z.string(),
  /** Scan technique: protocol and parameters. */
  protocol: z.string(),
  /** Radiation dose and protection, part of the scan technique (guide 3.3: 辐射防护原则). */
  radiation: z.string(),
  postProcessing: z.string(),
  /** 影像护理操作: contrast injection, monitoring, positioning aids. */
  nursing: z.string(),
  imageQuality: z.enum(IMAGE_QUALITY).nullable(),
  artefacts: z.string(),
  improvement: z.string(),
  /** For real-time exams: the procedure the resident performed under guidance. */
  realTimeProcedure: z.string(),
});
export type TechniqueWork = z.infer<typeof techniqueWork>;

export const FINDING_KINDS = ['positive', 'negative'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const finding = z.object({
  id: identifier,
  /** A positive sign, or a negative sign that matters for the differential. */
  kind: z.enum(FINDING_KINDS),
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

/** 4.4 依据临床分析思维，做出影像诊断 */
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

/** The report's sections in the order it is written; each is a part the report sheet scores. */
export const REPORT_SECTIONS = ['examination', 'clinicalInformation', 'technique', 'findings', 'impression', 'recommendations'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** 4.5 报告书写 */
export const reportWork = z.object(Object.fromEntries(REPORT_SECTIONS.map(section => [section, z.string()])) as Record<ReportSection, z.ZodString>);
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

export function emptyReport(): ReportWork {
  return Object.fromEntries(REPORT_SECTIONS.map(section => [section, ''])) as ReportWork;
}

/** The empty work a resident starts each stage from. */
export function emptyWork(): StageWorkByStage {
  return {
    '4.1': {
      items: Object.fromEntries(CLINICAL_ITEMS.map(key => [key, { status: 'available', text: '' }])) as ClinicalInfoWork['items'],
      summary: '',
    },
    '4.2': {
      preparation: '',
      protocol: '',
      radiation: '',
      postProcessing: '',
      nursing: '',
      imageQuality: null,
      artefacts: '',
      improvement: '',
      realTimeProcedure: '',
    },
    '4.3': { findings: [] },
    '4.4': { differentials: [], finalDiagnosis: '', nature: '', extentOrStage: '', changeFromPrior: '', cannotExclude: [] },
    '4.5': emptyReport(),
  };
}
