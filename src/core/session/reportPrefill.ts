import type { Language } from '../i18n';
import type { ReportSection, ReportWork, StageWorkByStage } from './stageWork';
import { REPORT_SECTIONS } from './stageWork';

const WORDS = {
  'zh-CN': { sentence: '；', cannotExclude: '不除外', separator: '、', location: '：' },
  en: { sentence: '; ', cannotExclude: 'Cannot be excluded: ', separator: ', ', location: ': ' },
} as const;

const joined = (parts: string[], separator: string) => parts.map(part => part.trim()).filter(Boolean).join(separator);

/**
 * The report as the work of 4.1–4.4 already writes it (重点内容须写入影像诊断报告): the key clinical
 * information from the 4.1 summary, the technique from 4.2, every sign of 4.3 (positive ones first),
 * the final diagnosis and what cannot be excluded from 4.4. Only sections the resident has left
 * empty are filled; what they wrote is never overwritten. Recommendations and the examination's name
 * are the resident's to write (the examination may be given from the study).
 */
export function prefillReport(report: ReportWork, work: Omit<StageWorkByStage, '4.5'>, language: Language, examination = ''): ReportWork {
  const words = WORDS[language];
  const technique = work['4.2'];
  const signs = [...work['4.3'].findings].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'positive' ? -1 : 1));
  const diagnosis = work['4.4'];
  const cannotExclude = diagnosis.cannotExclude.length > 0 ? `${words.cannotExclude}${diagnosis.cannotExclude.join(words.separator)}` : '';
  const drafted: Record<ReportSection, string> = {
    examination,
    clinicalInformation: work['4.1'].summary.trim(),
    technique: joined([technique.protocol, technique.realTimeProcedure, technique.postProcessing, technique.radiation], words.sentence),
    findings: signs.map(sign => joined([sign.location, sign.description], words.location)).join('\n'),
    impression: joined([diagnosis.finalDiagnosis, cannotExclude], '\n'),
    recommendations: '',
  };
  return Object.fromEntries(REPORT_SECTIONS.map(section => [section, report[section].trim() ? report[section] : drafted[section]])) as ReportWork;
}
