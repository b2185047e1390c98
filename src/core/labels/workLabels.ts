import type { LocalizedText } from '../schema/common';
import type {
  ClinicalItemId,
  ClinicalItemStatus,
  FindingKind,
  ImageQuality,
  InformationSource,
  ReportSection,
} from '../session/stageWork';
import type { PreparationItem } from '../session/preparation';

/** The film grades Chinese departments use (甲级片 / 乙级片 / 丙级片 / 废片). */
export const IMAGE_QUALITY_LABELS = {
  gradeA: { zh: '甲级', en: 'Grade A: meets every standard' },
  gradeB: { zh: '乙级', en: 'Grade B: minor flaws, diagnosis unaffected' },
  gradeC: { zh: '丙级', en: 'Grade C: flaws that limit the diagnosis' },
  reject: { zh: '废片', en: 'Reject: not diagnostic' },
} as const satisfies Record<ImageQuality, LocalizedText>;

export const CLINICAL_ITEM_LABELS = {
  complaint: { zh: '主诉', en: 'Presenting complaint' },
  history: { zh: '病史', en: 'History' },
  labs: { zh: '实验室检查', en: 'Laboratory results' },
  priorImaging: { zh: '既往影像检查', en: 'Previous imaging' },
  examReason: { zh: '检查原因', en: 'Reason for the examination' },
  examPurpose: { zh: '检查目的', en: 'Purpose of the examination' },
} as const satisfies Record<ClinicalItemId, LocalizedText>;

export const CLINICAL_ITEM_STATUS_LABELS = {
  available: { zh: '已有', en: 'Available' },
  missing: { zh: '缺失，待补充', en: 'Missing, to be obtained' },
  obtained: { zh: '已补充', en: 'Obtained' },
} as const satisfies Record<ClinicalItemStatus, LocalizedText>;

/** Whom missing information was obtained from (guide 4.1: 联系患者或主管医师进行补充). */
export const INFORMATION_SOURCE_LABELS = {
  patient: { zh: '患者', en: 'the patient' },
  referringDoctor: { zh: '主管医师', en: 'the referring doctor' },
} as const satisfies Record<InformationSource, LocalizedText>;

export const FINDING_KIND_LABELS = {
  positive: { zh: '阳性征象', en: 'Positive sign' },
  negative: { zh: '重要阴性征象', en: 'Pertinent negative sign' },
} as const satisfies Record<FindingKind, LocalizedText>;

export const REPORT_SECTION_LABELS = {
  examination: { zh: '检查项目', en: 'Examination' },
  clinicalInformation: { zh: '临床信息', en: 'Clinical information' },
  technique: { zh: '检查技术', en: 'Technique' },
  findings: { zh: '影像所见', en: 'Findings' },
  impression: { zh: '影像诊断', en: 'Impression' },
  recommendations: { zh: '建议', en: 'Recommendations' },
} as const satisfies Record<ReportSection, LocalizedText>;

/** The resident's preparation (guide 3.3). */
export const PREPARATION_ITEM_LABELS = {
  qualityStandard: { zh: '了解报告书写质量评价标准', en: 'Knows the standard the report is assessed against' },
  writingNorms: { zh: '熟悉影像诊断报告书写规范', en: 'Knows the report-writing norms' },
  examNorms: { zh: '熟悉影像检查规范', en: 'Knows the examination norms' },
  radiationProtection: { zh: '熟悉辐射防护原则', en: 'Knows the principles of radiation protection' },
} as const satisfies Record<PreparationItem, LocalizedText>;
