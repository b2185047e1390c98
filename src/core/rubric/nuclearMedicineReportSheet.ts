import { GENERAL_VETOES } from './generalReportSheet';
import { BAND_MAPPING_NOTE, DEFAULT_RATING_BANDS } from './ratingBands';
import type { ReportSheet } from './rubricSchema';
import { singleItemSection } from './singleItemSection';

/**
 * The nuclear-medicine report sheet, scored by deduction from full marks. Its source gives section
 * totals only, so every section is a single item. It names no veto items of its own; the general
 * sheet's eight invalidate a nuclear-medicine report just as much, so the same ones apply.
 */
export const NUCLEAR_MEDICINE_REPORT_SHEET: ReportSheet = {
  id: 'nuclear-medicine',
  version: 2,
  name: { zh: '核医学诊断报告书写质量评分表', en: 'Nuclear medicine report quality sheet' },
  modalities: ['NM', 'PT'],
  scoring: 'deduct',
  step: 0.5,
  total: 100,
  sections: [
    singleItemSection('general-items', { zh: '一般项目', en: 'General items' }, 16),
    singleItemSection('description', { zh: '影像描述', en: 'Image description' }, 40),
    singleItemSection('conclusion', { zh: '结论或印象', en: 'Conclusion or impression' }, 18),
    singleItemSection('images', { zh: '检查图像', en: 'Examination images' }, 10),
    singleItemSection('image-quality', { zh: '影像质量', en: 'Image quality' }, 16),
  ],
  vetoes: structuredClone(GENERAL_VETOES),
  bands: structuredClone(DEFAULT_RATING_BANDS),
  source: {
    zh: `住培平台使用的核医学报告评分表（扣分制）。原表只列各部分分值、不分条目，每部分作为一个条目，从该部分满分中扣分，每部分都须填写扣分（未扣分填 0）后方为评完；各部分名称及分值取自该表的摘要，并非照录原表；否决项沿用通用表。${BAND_MAPPING_NOTE.zh}`,
    en: `The nuclear-medicine report sheet used on residency-training platforms (scored by deduction). The source lists section totals only, so each section is one item from which points are deducted; the sheet is complete once every section has its deduction entered (0 when nothing is taken off). The section names and points were taken from a digest of the sheet, not copied from the original form; the veto items are those of the general sheet. ${BAND_MAPPING_NOTE.en}`,
  },
};
