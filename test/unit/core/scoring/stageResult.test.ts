import { describe, expect, it } from 'vitest';
import { chooseReportSheet, DEFAULT_RUBRIC_SET } from '../../../../src/core/rubric/defaultRubrics';
import type { Criterion, StageForm, StageId } from '../../../../src/core/rubric/rubricSchema';
import { criteriaFor, criteriaResult, criterionPoints, stageResult, stageRubricOf } from '../../../../src/core/scoring/stageResult';
import { createSession } from '../../../../src/core/session/createSession';
import type { CriteriaEvaluation, ReportEvaluation, SheetScores } from '../../../../src/core/session/evaluation';
import type { TeachingSession } from '../../../../src/core/session/session';

const AT = '2026-11-02T02:00:00.000Z';

function session(options: { modality?: string; realTime?: boolean; stageForm?: StageForm } = {}): TeachingSession {
  return createSession({
    id: 'session-1',
    teachingCase: { id: 'case-1', realTime: options.realTime ?? false, trainingYear: 1 },
    resident: { id: 'resident-li', trainingYear: 1 },
    tutorId: 'tutor-wang',
    stageForm: options.stageForm ?? DEFAULT_RUBRIC_SET.stageForm,
    reportSheet: chooseReportSheet(DEFAULT_RUBRIC_SET.reportSheets, options.modality ?? 'CT'),
    schedule: { plannedAt: '2026-11-02T01:00:00.000Z', place: 'Reading room' },
    createdAt: '2026-10-20T08:00:00.000Z',
  });
}

const criteriaEvaluation = (scores: Record<string, number | string>, notApplicable: string[] = []): CriteriaEvaluation => ({
  kind: 'criteria',
  scores,
  notApplicable,
  criterionRemarks: {},
  remark: '',
  feedback: '',
  guidance: '',
  evaluatedAt: AT,
  evaluatorId: 'tutor-wang',
});

const reportEvaluation = (sheet: SheetScores): ReportEvaluation => ({
  kind: 'reportSheet',
  sheet,
  remark: '',
  feedback: '',
  guidance: '',
  evaluatedAt: AT,
  evaluatorId: 'tutor-wang',
});

function evaluated(base: TeachingSession, stage: StageId, evaluation: CriteriaEvaluation | ReportEvaluation): TeachingSession {
  const copy = structuredClone(base);
  copy.stages[stage].evaluation = evaluation;
  return copy;
}

const full = (criteria: Criterion[]) =>
  Object.fromEntries(criteria.map(criterion => [criterion.id, criterion.kind === 'points' ? criterion.max : criterion.levels.at(-1)!.id]));

describe('stageResult on criteria', () => {
  it('is 0 of 20 and incomplete before the tutor scores', () => {
    expect(stageResult(session(), '4.1')).toMatchObject({ stage: '4.1', score: 0, max: 20, complete: false });
  });

  it('adds the points given and is complete once every criterion is scored', () => {
    const base = session();
    const scores = { ...full(criteriaFor(base.stageForm, '4.1', false)), 'clinical-extraction': 4.5 };
    expect(stageResult(evaluated(base, '4.1', criteriaEvaluation(scores)), '4.1')).toEqual({ stage: '4.1', score: 18.5, max: 20, unscored: [], complete: true });
  });

  it('counts a partly scored stage as incomplete', () => {
    const result = stageResult(evaluated(session(), '4.3', criteriaEvaluation({ 'positive-signs': 5, 'signs-in-report': 1.5 })), '4.3');
    expect(result).toEqual({ stage: '4.3', score: 6.5, max: 20, unscored: ['all-relevant-images', 'pertinent-negatives', 'pathology-and-mechanism', 'reports-to-tutor'], complete: false });
  });

  it('gives criteria marked not applicable full marks: no tumour to stage, no prior to compare with', () => {
    const base = session();
    const { 'extent-or-stage': _stage, 'change-from-prior': _prior, ...rest } = full(criteriaFor(base.stageForm, '4.4', false));
    const scores = { ...rest, differentials: 2 };
    const result = stageResult(evaluated(base, '4.4', criteriaEvaluation(scores, ['extent-or-stage', 'change-from-prior'])), '4.4');
    expect(result).toEqual({ stage: '4.4', score: 18, max: 20, unscored: [], complete: true });
  });

  it('scores 4.2 of a real-time exam on the real-time criteria', () => {
    const base = session({ modality: 'US', realTime: true });
    const realTime = criteriaFor(base.stageForm, '4.2', true);
    expect(realTime.map(criterion => criterion.id)).toContain('standard-protocol');
    expect(stageResult(evaluated(base, '4.2', criteriaEvaluation(full(realTime))), '4.2')).toEqual({ stage: '4.2', score: 20, max: 20, unscored: [], complete: true });
    const doneExamScores = full(criteriaFor(base.stageForm, '4.2', false));
    expect(stageResult(evaluated(base, '4.2', criteriaEvaluation(doneExamScores)), '4.2').complete).toBe(false);
  });

  it('scores a criterion by levels at the chosen level, and ignores unknown ids', () => {
    const form = structuredClone(DEFAULT_RUBRIC_SET.stageForm);
    const first = form.stages[0]!;
    if (first.scoring !== 'criteria') throw new Error('4.1 is scored on criteria');
    first.criteria[0] = {
      kind: 'levels',
      id: 'clinical-extraction',
      label: { zh: '提取临床信息', en: 'Extracts the clinical information' },
      levels: [
        { id: 'none', label: { zh: '未完成', en: 'Not done' }, points: 0 },
        { id: 'partly', label: { zh: '部分', en: 'Partly' }, points: 3 },
        { id: 'fully', label: { zh: '完成', en: 'Done' }, points: 6 },
      ],
    };
    const base = session({ stageForm: form });
    const scores = { ...full(first.criteria), 'clinical-extraction': 'partly', 'no-such-criterion': 5 };
    expect(stageResult(evaluated(base, '4.1', criteriaEvaluation(scores)), '4.1')).toEqual({ stage: '4.1', score: 17, max: 20, unscored: [], complete: true });
    const unknownLevel = { ...scores, 'clinical-extraction': 'brilliant' };
    expect(stageResult(evaluated(base, '4.1', criteriaEvaluation(unknownLevel)), '4.1')).toEqual({ stage: '4.1', score: 14, max: 20, unscored: ['clinical-extraction'], complete: false });
  });

  it('ignores an evaluation of the wrong kind', () => {
    const result = stageResult(evaluated(session(), '4.1', reportEvaluation({ items: {}, notApplicable: [], itemRemarks: {}, vetoes: [], mainProblems: '' })), '4.1');
    expect(result).toMatchObject({ stage: '4.1', score: 0, max: 20, complete: false });
  });
});

describe('stageResult on the report sheet', () => {
  it('is 0 of the sheet total and incomplete before the tutor scores', () => {
    expect(stageResult(session(), '4.5')).toMatchObject({ stage: '4.5', score: 0, max: 100, complete: false });
    expect(stageResult(evaluated(session(), '4.5', criteriaEvaluation({})), '4.5')).toMatchObject({ stage: '4.5', score: 0, max: 100, complete: false });
  });

  it("scores the session's own sheet, chosen by modality", () => {
    const base = session({ modality: 'PT' });
    expect(base.reportSheet.id).toBe('nuclear-medicine');
    const deductions = { 'general-items': 1, description: 4, conclusion: 2, images: 0, 'image-quality': 0 };
    const result = stageResult(evaluated(base, '4.5', reportEvaluation({ items: deductions, notApplicable: [], itemRemarks: {}, vetoes: [], mainProblems: '' })), '4.5');
    expect(result).toEqual({ stage: '4.5', score: 93, max: 100, unscored: [], complete: true });
  });

  it('scores 0 with a veto, complete', () => {
    const sheet = { items: {}, notApplicable: [], itemRemarks: {}, vetoes: ['gross-mislocalisation'], mainProblems: '左右颠倒 / left and right swapped' };
    expect(stageResult(evaluated(session(), '4.5', reportEvaluation(sheet)), '4.5')).toMatchObject({ stage: '4.5', score: 0, max: 100, complete: true });
  });
});

describe('stage rubric look-ups', () => {
  it('finds each stage, and refuses a stage the form does not have', () => {
    expect(stageRubricOf(DEFAULT_RUBRIC_SET.stageForm, '4.4').title.zh).toBe('依据临床分析思维，做出影像诊断');
    expect(stageRubricOf(DEFAULT_RUBRIC_SET.stageForm, '4.4').shortTitle.zh).toBe('影像诊断');
    const short = { ...DEFAULT_RUBRIC_SET.stageForm, stages: DEFAULT_RUBRIC_SET.stageForm.stages.slice(0, 4) };
    expect(() => stageRubricOf(short, '4.5')).toThrow(/no stage 4\.5/);
  });

  it('gives no criteria for the report stage, and the done-exam criteria where there are no real-time ones', () => {
    expect(criteriaFor(DEFAULT_RUBRIC_SET.stageForm, '4.5', false)).toEqual([]);
    expect(criteriaFor(DEFAULT_RUBRIC_SET.stageForm, '4.3', true)).toBe(criteriaFor(DEFAULT_RUBRIC_SET.stageForm, '4.3', false));
  });

  it('reads points and levels, and nothing from a score of the wrong kind', () => {
    const points: Criterion = { kind: 'points', id: 'p', label: { zh: '分', en: 'P' }, max: 4 };
    const levels: Criterion = {
      kind: 'levels',
      id: 'l',
      label: { zh: '级', en: 'L' },
      levels: [
        { id: 'low', label: { zh: '低', en: 'Low' }, points: 1 },
        { id: 'high', label: { zh: '高', en: 'High' }, points: 4 },
      ],
    };
    expect([criterionPoints(points, 3), criterionPoints(points, 'low'), criterionPoints(points, undefined)]).toEqual([3, undefined, undefined]);
    expect([criterionPoints(levels, 'high'), criterionPoints(levels, 4), criterionPoints(levels, 'middle')]).toEqual([4, undefined, undefined]);
    expect(criteriaResult([points, levels], { scores: { p: 2, l: 'low' }, notApplicable: [] })).toEqual({ score: 3, max: 8, unscored: [], complete: true });
    expect(criteriaResult([points, levels], undefined)).toEqual({ score: 0, max: 8, unscored: ['p', 'l'], complete: false });
    expect(criteriaResult([points, levels], { scores: { p: 2 }, notApplicable: ['l'] })).toEqual({ score: 6, max: 8, unscored: [], complete: true });
  });
});
