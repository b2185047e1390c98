import { describe, expect, it } from 'vitest';
import { GENERAL_REPORT_SHEET } from '../../../../src/core/rubric/generalReportSheet';
import { NUCLEAR_MEDICINE_REPORT_SHEET } from '../../../../src/core/rubric/nuclearMedicineReportSheet';
import { reportSheet, type ReportSheet } from '../../../../src/core/rubric/rubricSchema';
import { ULTRASOUND_REPORT_SHEET } from '../../../../src/core/rubric/ultrasoundReportSheet';

const sections = (sheet: ReportSheet) => sheet.sections.map(section => [section.title.zh, section.points]);
const itemPoints = (sheet: ReportSheet, sectionId: string) => sheet.sections.find(section => section.id === sectionId)?.items.map(item => item.points);

describe('the ultrasound report sheet', () => {
  it('parses under the report sheet schema unchanged', () => {
    expect(reportSheet.parse(ULTRASOUND_REPORT_SHEET)).toEqual(ULTRASOUND_REPORT_SHEET);
  });

  it('has the published sections and their points, totalling 100', () => {
    expect(sections(ULTRASOUND_REPORT_SHEET)).toEqual([
      ['一般信息', 10],
      ['超声所见', 40],
      ['超声诊断', 30],
      ['图像质量', 20],
    ]);
    expect(ULTRASOUND_REPORT_SHEET.total).toBe(100);
  });

  it('itemises findings 15 + 15 + 5 + 5 and diagnosis 10 + 5 + 5 + 5 + 5', () => {
    expect(itemPoints(ULTRASOUND_REPORT_SHEET, 'findings')).toEqual([15, 15, 5, 5]);
    expect(itemPoints(ULTRASOUND_REPORT_SHEET, 'diagnosis')).toEqual([10, 5, 5, 5, 5]);
  });

  it('scores the sections its source does not itemise as one item each', () => {
    for (const id of ['general-information', 'image-quality']) {
      const section = ULTRASOUND_REPORT_SHEET.sections.find(entry => entry.id === id)!;
      expect(section.items).toEqual([{ id, label: section.title, points: section.points }]);
    }
  });

  it('is chosen for US, awards points and reuses the general veto items and bands', () => {
    expect(ULTRASOUND_REPORT_SHEET.modalities).toEqual(['US']);
    expect(ULTRASOUND_REPORT_SHEET.scoring).toBe('award');
    expect(ULTRASOUND_REPORT_SHEET.vetoes).toEqual(GENERAL_REPORT_SHEET.vetoes);
    expect(ULTRASOUND_REPORT_SHEET.bands).toEqual(GENERAL_REPORT_SHEET.bands);
  });
});

describe('the nuclear medicine report sheet', () => {
  it('parses under the report sheet schema unchanged', () => {
    expect(reportSheet.parse(NUCLEAR_MEDICINE_REPORT_SHEET)).toEqual(NUCLEAR_MEDICINE_REPORT_SHEET);
  });

  it('has the published sections and their points, totalling 100', () => {
    expect(sections(NUCLEAR_MEDICINE_REPORT_SHEET)).toEqual([
      ['一般项目', 16],
      ['影像描述', 40],
      ['结论或印象', 18],
      ['检查图像', 10],
      ['影像质量', 16],
    ]);
    expect(NUCLEAR_MEDICINE_REPORT_SHEET.total).toBe(100);
  });

  it('scores every section as one item, by deduction', () => {
    expect(NUCLEAR_MEDICINE_REPORT_SHEET.scoring).toBe('deduct');
    for (const section of NUCLEAR_MEDICINE_REPORT_SHEET.sections) {
      expect(section.items).toEqual([{ id: section.id, label: section.title, points: section.points }]);
    }
  });

  it('is chosen for NM and PT and reuses the general veto items and bands', () => {
    expect(NUCLEAR_MEDICINE_REPORT_SHEET.modalities).toEqual(['NM', 'PT']);
    expect(NUCLEAR_MEDICINE_REPORT_SHEET.vetoes).toEqual(GENERAL_REPORT_SHEET.vetoes);
    expect(NUCLEAR_MEDICINE_REPORT_SHEET.bands).toEqual(GENERAL_REPORT_SHEET.bands);
  });
});

describe('the variant sheets’ source notes', () => {
  it.each([
    ['ultrasound', ULTRASOUND_REPORT_SHEET],
    ['nuclear medicine', NUCLEAR_MEDICINE_REPORT_SHEET],
  ])('of the %s sheet say its wording was taken from a digest, not copied from the original form, and how the bands map', (_name, sheet) => {
    expect(sheet.source?.zh).toContain('摘要');
    expect(sheet.source?.zh).toContain('并非照录原表');
    expect(sheet.source?.en).toContain('not copied from the original form');
    expect(sheet.source?.zh).toContain('70–79 与 60–69 均为基本合格');
    expect(sheet.source?.en).toContain('both 70–79 and 60–69 Pass');
  });

  it('of the nuclear-medicine sheet say a section counts as scored once its deduction is entered, 0 included', () => {
    expect(NUCLEAR_MEDICINE_REPORT_SHEET.source?.zh).toContain('未扣分填 0');
    expect(NUCLEAR_MEDICINE_REPORT_SHEET.source?.en).toContain('0 when nothing is taken off');
  });
});
