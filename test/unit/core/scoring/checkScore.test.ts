import { describe, expect, it } from 'vitest';
import { GENERAL_REPORT_SHEET } from '../../../../src/core/rubric/generalReportSheet';
import { NUCLEAR_MEDICINE_REPORT_SHEET } from '../../../../src/core/rubric/nuclearMedicineReportSheet';
import type { Criterion } from '../../../../src/core/rubric/rubricSchema';
import { checkCriterionScore, checkSheetScores } from '../../../../src/core/scoring/checkScore';
import type { SheetScores } from '../../../../src/core/session/evaluation';

const byPoints: Criterion = { kind: 'points', id: 'signs', label: { zh: '发现阳性征象', en: 'Finds the positive signs' }, max: 5 };
const byLevels: Criterion = {
  kind: 'levels',
  id: 'reasoning',
  label: { zh: '鉴别诊断思路', en: 'Differential reasoning' },
  levels: [
    { id: 'weak', label: { zh: '欠缺', en: 'Weak' }, points: 0 },
    { id: 'sound', label: { zh: '合理', en: 'Sound' }, points: 3 },
    { id: 'thorough', label: { zh: '全面', en: 'Thorough' }, points: 5 },
  ],
};

const scores = (items: Record<string, number>, vetoes: string[] = [], itemRemarks: Record<string, string> = {}): SheetScores => ({
  items,
  notApplicable: [],
  itemRemarks,
  vetoes,
  mainProblems: '',
});

describe('checkCriterionScore', () => {
  it.each([0, 0.5, 2.5, 5])('accepts %s of 5 points in half-point steps', value => {
    expect(checkCriterionScore(byPoints, value, 0.5)).toBeUndefined();
  });

  it('refuses a score above the maximum, in both languages', () => {
    expect(checkCriterionScore(byPoints, 5.5, 0.5)).toEqual({
      code: 'score.outOfRange',
      message: {
        zh: '“发现阳性征象”的分数须在 0 到 5 之间，实际为 5.5',
        en: 'The score of "Finds the positive signs" must lie between 0 and 5; it is 5.5',
      },
    });
  });

  it('refuses a negative score, an off-step score and what is not a number', () => {
    expect(checkCriterionScore(byPoints, -0.5, 0.5)?.code).toBe('score.outOfRange');
    expect(checkCriterionScore(byPoints, 2.3, 0.5)?.code).toBe('score.offStep');
    expect(checkCriterionScore(byPoints, Number.NaN, 0.5)?.code).toBe('score.notNumber');
    expect(checkCriterionScore(byPoints, 'thorough', 0.5)?.code).toBe('score.notNumber');
  });

  it('accepts steps that are not exact in binary', () => {
    expect(checkCriterionScore({ ...byPoints, max: 1 }, 0.1 + 0.2, 0.1)).toBeUndefined();
  });

  it('accepts one of the levels of a criterion scored by levels', () => {
    for (const level of byLevels.kind === 'levels' ? byLevels.levels : []) expect(checkCriterionScore(byLevels, level.id, 0.5)).toBeUndefined();
  });

  it('refuses an unknown level, or points, naming the levels to choose from in the reader’s language only', () => {
    const refused = checkCriterionScore(byLevels, 'excellent', 0.5);
    expect(refused?.code).toBe('score.unknownLevel');
    expect(refused?.message).toEqual({
      zh: '“鉴别诊断思路”须从以下等级中选择：欠缺、合理、全面',
      en: '"Differential reasoning" takes one of its levels: Weak, Sound, Thorough',
    });
    expect(checkCriterionScore(byLevels, 5, 0.5)?.code).toBe('score.unknownLevel');
  });
});

describe('checkSheetScores', () => {
  const allItems = GENERAL_REPORT_SHEET.sections.flatMap(section => section.items);
  const full = Object.fromEntries(allItems.map(item => [item.id, item.points]));

  it('accepts full marks, nothing, and a partly filled sheet', () => {
    expect(checkSheetScores(GENERAL_REPORT_SHEET, scores(full))).toEqual([]);
    expect(checkSheetScores(GENERAL_REPORT_SHEET, scores({}))).toEqual([]);
    expect(checkSheetScores(GENERAL_REPORT_SHEET, scores({ 'clinical-information': 7.5 }, ['missed-major-disease']))).toEqual([]);
  });

  it('refuses points beyond an item or off the step, naming the item', () => {
    const found = checkSheetScores(GENERAL_REPORT_SHEET, scores({ 'clinical-information': 11, 'body-region': 1.2 }));
    expect(found.map(entry => entry.code)).toEqual(['score.outOfRange', 'score.offStep']);
    expect(found[0]!.message.zh).toContain('“临床主要信息及检查目的”');
    expect(found[1]!.message.en).toContain('"Region examined stated correctly"');
  });

  it('checks deductions against each item on a deduct sheet', () => {
    expect(checkSheetScores(NUCLEAR_MEDICINE_REPORT_SHEET, scores({ description: 40, 'image-quality': 0 }))).toEqual([]);
    expect(checkSheetScores(NUCLEAR_MEDICINE_REPORT_SHEET, scores({ images: 10.5 })).map(entry => entry.code)).toEqual(['score.outOfRange']);
  });

  it('reports unknown items, remarks on unknown items, unknown vetoes and a veto ticked twice, all at once', () => {
    const found = checkSheetScores(
      GENERAL_REPORT_SHEET,
      scores({ 'no-such-item': 1, 'clinical-information': 10 }, ['sex-mismatch', 'no-such-veto', 'sex-mismatch'], { 'no-such-remark': '?' }),
    );
    expect(found.map(entry => entry.code)).toEqual(['sheet.unknownItem', 'sheet.unknownItem', 'sheet.unknownVeto', 'sheet.repeatedVeto']);
    expect(found[0]!.message).toEqual({ zh: '评分表中没有条目“no-such-item”', en: 'The sheet has no item "no-such-item"' });
    expect(found[1]!.message.en).toContain('no-such-remark');
    expect(found[2]!.message.en).toBe('The sheet has no veto item "no-such-veto"');
  });

  it('accepts not applicable only on items the sheet allows it for, never beside a score, and names the item', () => {
    const withoutStaging = Object.fromEntries(Object.entries(full).filter(([id]) => id !== 'tumour-staging'));
    expect(checkSheetScores(GENERAL_REPORT_SHEET, { ...scores(withoutStaging), notApplicable: ['tumour-staging'] })).toEqual([]);
    const notAllowed = checkSheetScores(GENERAL_REPORT_SHEET, { ...scores({}), notApplicable: ['clinical-question'] });
    expect(notAllowed.map(entry => entry.code)).toEqual(['score.notApplicableNotAllowed']);
    expect(notAllowed[0]!.message).toEqual({ zh: '“回答临床问题”不能标为不适用，请评分', en: '"Clinical question answered" cannot be marked not applicable; give it a score' });
    const both = checkSheetScores(GENERAL_REPORT_SHEET, { ...scores({ 'prior-comparison': 2 }), notApplicable: ['prior-comparison'] });
    expect(both.map(entry => entry.code)).toEqual(['score.scoredAndNotApplicable']);
    const unknown = checkSheetScores(GENERAL_REPORT_SHEET, { ...scores({}), notApplicable: ['no-such-item', 'no-such-item'] });
    expect(unknown.map(entry => entry.code)).toEqual(['score.repeatedNotApplicable', 'sheet.unknownItem']);
  });
});
