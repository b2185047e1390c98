import { describe, expect, it } from 'vitest';
import { GENERAL_REPORT_SHEET, GENERAL_VETOES } from '../../../../src/core/rubric/generalReportSheet';
import { reportSheet } from '../../../../src/core/rubric/rubricSchema';

/** The published general sheet, copied from the score sheet itself rather than from the data under test. */
const PUBLISHED: Array<{ section: string; points: number; items: Array<[string, number]> }> = [
  {
    section: '一般信息及报告及时性',
    points: 14,
    items: [
      ['患者信息（姓名、年龄、性别、科别）', 2],
      ['住院/门诊号、检查号、就诊卡号、影像号正确', 1],
      ['检查时间正确，按规定时间完成报告', 1],
      ['临床主要信息及检查目的', 10],
    ],
  },
  {
    section: '检查技术',
    points: 9,
    items: [
      ['检查部位准确', 3],
      ['检查类型准确', 3],
      ['检查技术填写规范', 3],
    ],
  },
  {
    section: '影像描述',
    points: 34,
    items: [
      ['描述全面，条理清楚', 10],
      ['描述疾病或器官顺序适当', 4],
      ['病灶部位及累及范围描述准确', 4],
      ['病灶数目、大小准确测量并规范描述', 4],
      ['病灶形态、边界及特殊征象描述准确', 4],
      ['病灶密度/信号/回声/摄取/强化程度准确分度', 4],
      ['重要阴性征象描述', 4],
    ],
  },
  {
    section: '影像诊断',
    points: 38,
    items: [
      ['回答临床问题', 10],
      ['定位诊断准确', 4],
      ['典型病变明确诊断', 4],
      ['不典型病变给出的可能诊断符合规范', 4],
      ['肿瘤分期正确', 4],
      ['疾病诊断遵循规范或指南', 4],
      ['给临床的建议明确', 4],
      ['与以前检查比较符合规范、准确', 4],
    ],
  },
  {
    section: '文字描述',
    points: 5,
    items: [['无错别字，数据单位及标点符号使用正确', 5]],
  },
];

const PUBLISHED_VETOES = [
  '患者与图像不对应',
  '病变定位严重错误',
  '器官描述与性别不符',
  '报告未包括本次影像检查的所有部位',
  '漏诊重要疾病',
  '典型病变诊断错误',
  '已经切除的器官按器官存在描述',
  '与以往的检查报告比较，出现严重错误',
];

describe('the general report sheet', () => {
  it('parses under the report sheet schema unchanged', () => {
    expect(reportSheet.parse(GENERAL_REPORT_SHEET)).toEqual(GENERAL_REPORT_SHEET);
  });

  it('has the published sections, each with its points', () => {
    expect(GENERAL_REPORT_SHEET.sections.map(section => [section.title.zh, section.points])).toEqual(
      PUBLISHED.map(section => [section.section, section.points]),
    );
  });

  it('has the 23 published items in order, with their exact wording and points', () => {
    const items = GENERAL_REPORT_SHEET.sections.map(section => section.items.map(item => [item.label.zh, item.points]));
    expect(items).toEqual(PUBLISHED.map(section => section.items));
    expect(items.flat()).toHaveLength(23);
  });

  it('adds its items up to each section and its sections up to 100', () => {
    for (const section of GENERAL_REPORT_SHEET.sections) {
      expect(section.items.reduce((total, item) => total + item.points, 0), section.title.zh).toBe(section.points);
    }
    expect(GENERAL_REPORT_SHEET.total).toBe(100);
    expect(GENERAL_REPORT_SHEET.sections.reduce((total, section) => total + section.points, 0)).toBe(100);
  });

  it('has the 8 published veto items with their exact wording', () => {
    expect(GENERAL_REPORT_SHEET.vetoes.map(veto => veto.label.zh)).toEqual(PUBLISHED_VETOES);
    expect(GENERAL_VETOES).toBe(GENERAL_REPORT_SHEET.vetoes);
  });

  it('awards points in half-point steps and names its source', () => {
    expect(GENERAL_REPORT_SHEET.scoring).toBe('award');
    expect(GENERAL_REPORT_SHEET.step).toBe(0.5);
    expect(GENERAL_REPORT_SHEET.source?.zh).toContain('住院医师规范化培训影像诊断报告书写质量评价表（通用表）');
  });

  it('is the default sheet for the projection, cross-sectional and angiographic modalities', () => {
    expect([...GENERAL_REPORT_SHEET.modalities].sort()).toEqual(['CR', 'CT', 'DX', 'MG', 'MR', 'RF', 'XA']);
  });

  it('rates totals in the four published bands', () => {
    expect(GENERAL_REPORT_SHEET.bands.map(band => [band.label.zh, band.label.en, band.min])).toEqual([
      ['优秀', 'Excellent', 90],
      ['良好', 'Good', 80],
      ['基本合格', 'Pass', 60],
      ['不合格', 'Fail', 0],
    ]);
  });

  it('states in its source note how the five ranges seen in use map onto the four ratings', () => {
    expect(GENERAL_REPORT_SHEET.source?.zh).toContain('70–79 与 60–69 均为基本合格');
    expect(GENERAL_REPORT_SHEET.source?.en).toContain('both 70–79 and 60–69 Pass');
  });

  it('lets tumour staging and the comparison with previous examinations be marked not applicable, nothing else', () => {
    const optional = GENERAL_REPORT_SHEET.sections.flatMap(section => section.items).filter(item => item.mayNotApply).map(item => item.id);
    expect(optional).toEqual(['tumour-staging', 'prior-comparison']);
  });
});
