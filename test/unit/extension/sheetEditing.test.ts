import { describe, expect, it } from 'vitest';
import { GENERAL_REPORT_SHEET } from '../../../src/core/rubric/generalReportSheet';
import { NUCLEAR_MEDICINE_REPORT_SHEET } from '../../../src/core/rubric/nuclearMedicineReportSheet';
import { reportEvaluationInput } from '../../../src/core/rules/sessionCommand';
import { checkSheetScores } from '../../../src/core/scoring/checkScore';
import { sheetResult } from '../../../src/core/scoring/sheetResult';
import type { ReportEvaluation } from '../../../src/core/session/evaluation';
import type { Actor } from '../../../src/core/session/people';
import type { TeachingSession } from '../../../src/core/session/session';
import {
  enteredPoints,
  reportInputOf,
  sheetAccess,
  UNSCORED_REPORT,
  withItemRemark,
  withItemScore,
  withMainProblems,
  withNotApplicable,
  withNote,
  withVeto,
} from '../../../extension/panel/rubric/sheetEditing';

const items = (sheet = GENERAL_REPORT_SHEET) => sheet.sections.flatMap(section => section.items);

describe('editing the report quality sheet', () => {
  it('starts unscored, and an evaluation read back carries only what the command takes', () => {
    expect(reportInputOf(undefined)).toBe(UNSCORED_REPORT);
    expect(reportInputOf({ kind: 'criteria', scores: {}, notApplicable: [], criterionRemarks: {}, remark: '', feedback: '', guidance: '', evaluatedAt: '2026-01-01T00:00:00.000Z', evaluatorId: 't' })).toBe(UNSCORED_REPORT);
    const stored: ReportEvaluation = {
      kind: 'reportSheet',
      sheet: { items: { 'patient-details': 2 }, notApplicable: [], itemRemarks: {}, vetoes: [], mainProblems: '描述不全' },
      remark: 'r',
      feedback: 'f',
      guidance: 'g',
      evaluatedAt: '2026-01-01T00:00:00.000Z',
      evaluatorId: 'demo-tutor1',
    };
    const input = reportInputOf(stored);
    expect(input).toEqual({ sheet: stored.sheet, remark: 'r', feedback: 'f', guidance: 'g' });
    expect(reportEvaluationInput.safeParse(input).success).toBe(true);
  });

  it('scores every item to full marks, after which the core gives the top band', () => {
    let input = UNSCORED_REPORT;
    for (const item of items()) input = withItemScore(input, item.id, item.points);
    expect(checkSheetScores(GENERAL_REPORT_SHEET, input.sheet)).toEqual([]);
    const result = sheetResult(GENERAL_REPORT_SHEET, input.sheet);
    expect(result).toMatchObject({ total: 100, complete: true, unscored: [] });
    expect(result.band?.id).toBe('excellent');
    // Clearing a box leaves the item unscored again, not at zero.
    input = withItemScore(input, 'patient-details', undefined);
    expect(sheetResult(GENERAL_REPORT_SHEET, input.sheet)).toMatchObject({ unscored: ['patient-details'], complete: false, band: null });
    expect(UNSCORED_REPORT.sheet.items).toEqual({});
  });

  it('marks an item not applicable in place of its score, so the rules never see both', () => {
    const scored = withItemScore(UNSCORED_REPORT, 'tumour-staging', 2);
    const marked = withNotApplicable(scored, 'tumour-staging', true);
    expect(marked.sheet.items).toEqual({});
    expect(marked.sheet.notApplicable).toEqual(['tumour-staging']);
    expect(checkSheetScores(GENERAL_REPORT_SHEET, marked.sheet)).toEqual([]);
    expect(sheetResult(GENERAL_REPORT_SHEET, marked.sheet).itemScores['tumour-staging']).toBe(4);
    expect(withNotApplicable(marked, 'tumour-staging', false).sheet.notApplicable).toEqual([]);
  });

  it('ticks and unticks a veto once, and the core then scores the report 0 whatever the items earn', () => {
    let input = withItemScore(UNSCORED_REPORT, 'patient-details', 2);
    input = withVeto(withVeto(input, 'missed-major-disease', true), 'missed-major-disease', true);
    expect(input.sheet.vetoes).toEqual(['missed-major-disease']);
    expect(sheetResult(GENERAL_REPORT_SHEET, input.sheet)).toMatchObject({ vetoed: true, total: 0, itemTotal: 2, complete: true });
    expect(withVeto(input, 'missed-major-disease', false).sheet.vetoes).toEqual([]);
  });

  it('keeps remarks, main problems and notes, and an emptied remark leaves no entry', () => {
    const remarked = withItemRemark(UNSCORED_REPORT, 'patient-details', '科别漏写');
    expect(remarked.sheet.itemRemarks).toEqual({ 'patient-details': '科别漏写' });
    expect(withItemRemark(remarked, 'patient-details', '').sheet.itemRemarks).toEqual({});
    const noted = withNote(withMainProblems(remarked, '印象与所见不符'), 'guidance', '按解剖顺序描述');
    expect(noted).toMatchObject({ guidance: '按解剖顺序描述', sheet: { mainProblems: '印象与所见不符', itemRemarks: { 'patient-details': '科别漏写' } } });
    expect(UNSCORED_REPORT.sheet.mainProblems).toBe('');
  });

  it('takes points off on a deduct sheet: nothing off earns the item in full, and the rules name a deduction beyond it', () => {
    const [first] = items(NUCLEAR_MEDICINE_REPORT_SHEET);
    const nothingOff = withItemScore(UNSCORED_REPORT, first!.id, 0);
    expect(sheetResult(NUCLEAR_MEDICINE_REPORT_SHEET, nothingOff.sheet).itemScores[first!.id]).toBe(first!.points);
    const tooMuch = withItemScore(UNSCORED_REPORT, first!.id, first!.points + 1);
    expect(checkSheetScores(NUCLEAR_MEDICINE_REPORT_SHEET, tooMuch.sheet)[0]?.code).toBe('score.outOfRange');
  });

  it('reads a score box: empty is unscored, a number is itself, anything else is left for the rules to refuse', () => {
    expect(enteredPoints('')).toBeUndefined();
    expect(enteredPoints('  ')).toBeUndefined();
    expect(enteredPoints('1.5')).toBe(1.5);
    const odd = withItemScore(UNSCORED_REPORT, 'patient-details', enteredPoints('x'));
    expect(checkSheetScores(GENERAL_REPORT_SHEET, odd.sheet)[0]?.code).toBe('score.notNumber');
    expect(checkSheetScores(GENERAL_REPORT_SHEET, withItemScore(UNSCORED_REPORT, 'patient-details', 0.3).sheet)[0]?.code).toBe('score.offStep');
  });
});

describe('who sees the report sheet', () => {
  const base = { residentId: 'demo-resident1', tutorId: 'demo-tutor1' };
  const withReport = (status: string, evaluation?: object, signOff?: object) =>
    ({ ...base, stages: { '4.5': { status, evaluation } }, ...(signOff ? { signOff } : {}) }) as unknown as TeachingSession;
  const tutor: Actor = { id: 'demo-tutor1', role: 'tutor' };
  const resident: Actor = { id: 'demo-resident1', role: 'resident' };
  const scored = { kind: 'reportSheet' };
  const signOff = { at: '2026-01-01T00:00:00.000Z', by: 'demo-tutor1' };

  it('shows it to the tutor to fill in once the report is handed in, not while it is a draft', () => {
    expect(sheetAccess(tutor, withReport('draft'))).toEqual({ visible: false, readOnly: false });
    expect(sheetAccess(tutor, withReport('submitted'))).toEqual({ visible: true, readOnly: false });
    expect(sheetAccess(tutor, withReport('evaluated', scored))).toEqual({ visible: true, readOnly: false });
    expect(sheetAccess({ id: 'demo-tutor2', role: 'tutor' }, withReport('evaluated', scored)).visible).toBe(false);
  });

  it('keeps it from the resident until sign-off, then shows it to both to read', () => {
    expect(sheetAccess(resident, withReport('evaluated', scored)).visible).toBe(false);
    expect(sheetAccess(resident, withReport('evaluated', scored, signOff))).toEqual({ visible: true, readOnly: true });
    expect(sheetAccess(tutor, withReport('evaluated', scored, signOff))).toEqual({ visible: true, readOnly: true });
  });
});
