import { GENERAL_VETOES } from './generalReportSheet';
import { BAND_MAPPING_NOTE, DEFAULT_RATING_BANDS } from './ratingBands';
import type { ReportSheet } from './rubricSchema';
import { singleItemSection } from './singleItemSection';

/**
 * The ultrasound report-writing teaching sheet. Its source itemises 超声所见 and 超声诊断 only, so
 * 一般信息 and 图像质量 are single-item sections. It names no veto items of its own; the general
 * sheet's eight (wrong patient, wrong site, missed disease…) invalidate an ultrasound report just
 * as much, so the same ones apply.
 */
export const ULTRASOUND_REPORT_SHEET: ReportSheet = {
  id: 'ultrasound',
  version: 2,
  name: { zh: '超声报告书写教学评分表', en: 'Ultrasound report-writing teaching sheet' },
  modalities: ['US'],
  scoring: 'award',
  step: 0.5,
  total: 100,
  sections: [
    singleItemSection('general-information', { zh: '一般信息', en: 'General information' }, 10),
    {
      id: 'findings',
      title: { zh: '超声所见', en: 'Ultrasound findings' },
      points: 40,
      items: [
        { id: 'wording-and-logic', label: { zh: '用语规范，逻辑清晰', en: 'Standard terminology and clear logic' }, points: 15 },
        {
          id: 'location-signs-completeness',
          label: {
            zh: '病变部位、声像图特征描述准确、完整，顺序合理',
            en: 'Location and sonographic features described accurately and completely, in a sensible order',
          },
          points: 15,
        },
        { id: 'pertinent-negatives', label: { zh: '重要阴性征象描述', en: 'Pertinent negative findings described' }, points: 5 },
        { id: 'special-situations', label: { zh: '特殊情况的描述与说明', en: 'Special situations described and explained' }, points: 5 },
      ],
    },
    {
      id: 'diagnosis',
      title: { zh: '超声诊断', en: 'Ultrasound diagnosis' },
      points: 30,
      items: [
        {
          id: 'clear-diagnosis',
          label: {
            zh: '诊断明确；不能确诊时按可能性大小依次列出诊断',
            en: 'Clear diagnosis; when uncertain, possible diagnoses listed in order of likelihood',
          },
          points: 10,
        },
        { id: 'differential', label: { zh: '鉴别诊断', en: 'Differential diagnosis' }, points: 5 },
        { id: 'clinical-correlation', label: { zh: '结合临床及实验室检查', en: 'Correlation with clinical and laboratory findings' }, points: 5 },
        { id: 'prior-comparison', label: { zh: '与既往检查比较', en: 'Comparison with previous examinations' }, points: 5, mayNotApply: true },
        { id: 'follow-up-advice', label: { zh: '随访或进一步检查建议', en: 'Advice on follow-up or further examination' }, points: 5 },
      ],
    },
    singleItemSection('image-quality', { zh: '图像质量', en: 'Image quality' }, 20),
  ],
  vetoes: structuredClone(GENERAL_VETOES),
  bands: structuredClone(DEFAULT_RATING_BANDS),
  source: {
    zh: `住培平台使用的超声报告书写教学评分表。各部分名称及分值取自该表的摘要；“超声所见”“超声诊断”各条目的中文措辞是依据英文摘要重新拟写的，并非照录原表。原表对“一般信息”“图像质量”不分条目，各作为一个条目按该部分满分计分；否决项沿用通用表。${BAND_MAPPING_NOTE.zh}`,
    en: `The ultrasound report-writing teaching sheet used on residency-training platforms. Its sections and points are taken from a digest of the sheet; the Chinese wording of the items under “Ultrasound findings” and “Ultrasound diagnosis” was reconstructed from an English digest, not copied from the original form. The source does not itemise “General information” or “Image quality”, so each is one item worth the whole section; the veto items are those of the general sheet. ${BAND_MAPPING_NOTE.en}`,
  },
};
