import { describe, expect, it } from 'vitest';
import { GENERAL_REPORT_SHEET } from '../../../../src/core/rubric/generalReportSheet';
import { NUCLEAR_MEDICINE_REPORT_SHEET } from '../../../../src/core/rubric/nuclearMedicineReportSheet';
import type { ReportSheet } from '../../../../src/core/rubric/rubricSchema';
import { bandFor, sheetResult } from '../../../../src/core/scoring/sheetResult';
import type { SheetScores } from '../../../../src/core/session/evaluation';

const scores = (items: Record<string, number>, vetoes: string[] = [], notApplicable: string[] = []): SheetScores => ({
  items,
  notApplicable,
  itemRemarks: {},
  vetoes,
  mainProblems: '',
});
const items = (sheet: ReportSheet) => sheet.sections.flatMap(section => section.items);
const fullMarks = Object.fromEntries(items(GENERAL_REPORT_SHEET).map(item => [item.id, item.points]));

describe('sheetResult on an award sheet', () => {
  it('gives full marks 100, rated excellent, complete', () => {
    const result = sheetResult(GENERAL_REPORT_SHEET, scores(fullMarks));
    expect(result).toMatchObject({ itemTotal: 100, total: 100, max: 100, vetoed: false, complete: true, unscored: [] });
    expect(result.band?.id).toBe('excellent');
    expect(result.sections.map(section => [section.sectionId, section.score, section.max])).toEqual([
      ['general-information', 14, 14],
      ['technique', 9, 9],
      ['description', 34, 34],
      ['diagnosis', 38, 38],
      ['wording', 5, 5],
    ]);
  });

  it('totals what is scored so far, names what is not, and gives no rating until every item is scored', () => {
    const result = sheetResult(GENERAL_REPORT_SHEET, scores({ 'clinical-information': 8.5, 'pertinent-negatives': 2 }));
    expect(result).toMatchObject({ total: 10.5, complete: false, band: null, itemScores: { 'clinical-information': 8.5, 'pertinent-negatives': 2 } });
    expect(result.unscored).toHaveLength(21);
    expect(result.unscored[0]).toBe('patient-details');
    expect(result.sections.find(section => section.sectionId === 'technique')).toEqual({ sectionId: 'technique', score: 0, max: 9 });
  });

  it('scores 0 with a veto, keeps the item total for the record, and needs no more items', () => {
    const result = sheetResult(GENERAL_REPORT_SHEET, scores({ 'clinical-information': 10 }, ['patient-image-mismatch']));
    expect(result).toMatchObject({ itemTotal: 10, vetoed: true, total: 0, complete: true });
    expect(result.band?.id).toBe('unacceptable');
  });

  it('gives an item marked not applicable its full points and prints it as such', () => {
    const { 'tumour-staging': _staging, 'prior-comparison': _prior, ...rest } = fullMarks;
    const noTumourNoPrior = { ...rest, 'clinical-information': 6 };
    const result = sheetResult(GENERAL_REPORT_SHEET, scores(noTumourNoPrior, [], ['tumour-staging', 'prior-comparison']));
    expect(result).toMatchObject({ total: 96, complete: true, unscored: [] });
    expect(result.itemScores).toMatchObject({ 'tumour-staging': 4, 'prior-comparison': 4 });
    expect(result.band?.id).toBe('excellent');
  });

  it('adds half points without binary noise', () => {
    const halves = Object.fromEntries(items(GENERAL_REPORT_SHEET).map(item => [item.id, item.points - 0.5]));
    expect(sheetResult(GENERAL_REPORT_SHEET, scores(halves)).total).toBe(100 - 23 * 0.5);
  });

  it('adds tenths without binary noise', () => {
    const tenths: ReportSheet = {
      ...GENERAL_REPORT_SHEET,
      step: 0.1,
      total: 0.3,
      sections: [{ id: 's', title: { zh: '分区', en: 'Section' }, points: 0.3, items: [
        { id: 'a', label: { zh: '甲', en: 'A' }, points: 0.1 },
        { id: 'b', label: { zh: '乙', en: 'B' }, points: 0.2 },
      ] }],
      bands: [{ id: 'all', label: { zh: '全部', en: 'All' }, min: 0 }],
    };
    expect(sheetResult(tenths, scores({ a: 0.1, b: 0.2 })).total).toBe(0.3);
  });
});

describe('sheetResult on a deduct sheet', () => {
  it('gives each item its points minus the deduction', () => {
    const result = sheetResult(NUCLEAR_MEDICINE_REPORT_SHEET, scores({ 'general-items': 2, description: 6.5, conclusion: 0, images: 0, 'image-quality': 1 }));
    expect(result.itemScores).toEqual({ 'general-items': 14, description: 33.5, conclusion: 18, images: 10, 'image-quality': 15 });
    expect(result).toMatchObject({ total: 90.5, complete: true, vetoed: false });
    expect(result.band?.id).toBe('excellent');
  });

  it('is not a 100 when empty: every section needs its deduction entered, 0 included, before it is complete or rated', () => {
    const empty = sheetResult(NUCLEAR_MEDICINE_REPORT_SHEET, scores({}));
    expect(empty).toMatchObject({ total: 0, complete: false, band: null, itemScores: {} });
    expect(empty.unscored).toEqual(['general-items', 'description', 'conclusion', 'images', 'image-quality']);
    const oneSection = sheetResult(NUCLEAR_MEDICINE_REPORT_SHEET, scores({ description: 10 }));
    expect(oneSection).toMatchObject({ itemScores: { description: 30 }, total: 30, complete: false, band: null });
    const confirmed = sheetResult(NUCLEAR_MEDICINE_REPORT_SHEET, scores({ 'general-items': 0, description: 10, conclusion: 0, images: 0, 'image-quality': 0 }));
    expect(confirmed).toMatchObject({ total: 90, complete: true, unscored: [] });
    expect(confirmed.band?.id).toBe('excellent');
  });

  it('scores 0 with a veto', () => {
    expect(sheetResult(NUCLEAR_MEDICINE_REPORT_SHEET, scores({}, ['missed-major-disease']))).toMatchObject({ total: 0, complete: true });
  });
});

describe('bandFor', () => {
  it.each([
    [100, 'excellent'],
    [90, 'excellent'],
    [89.5, 'good'],
    [80, 'good'],
    [79.5, 'basically-acceptable'],
    [70, 'basically-acceptable'],
    [60, 'basically-acceptable'],
    [59.5, 'unacceptable'],
    [0, 'unacceptable'],
  ])('rates %s as %s', (total, band) => {
    expect(bandFor(GENERAL_REPORT_SHEET, total).id).toBe(band);
  });

  it('does not depend on the order the bands are listed in', () => {
    const reversed = { ...GENERAL_REPORT_SHEET, bands: [...GENERAL_REPORT_SHEET.bands].reverse() };
    expect([95, 85, 65, 30].map(total => bandFor(reversed, total).id)).toEqual(['excellent', 'good', 'basically-acceptable', 'unacceptable']);
  });
});
