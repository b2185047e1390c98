import { describe, expect, it } from 'vitest';
import { sheetResult } from '../../../../src/core/scoring/sheetResult';
import { stageResult } from '../../../../src/core/scoring/stageResult';
import { readSession } from '../../../../src/core/session/readSession';
import { clockStatus, elapsedMinutes } from '../../../../src/core/session/sessionClock';
import { STAGES } from '../../../../src/core/rubric/rubricSchema';
import { fullMarks, fullSheet, newSession, RESIDENT, SessionDriver, TUTOR } from '../../../fixtures/sessionRules';

/** Every stage submitted and 4.1–4.4 scored in full; 4.5 left for the test. */
function readyForReport(driver: SessionDriver): SessionDriver {
  driver.do({ type: 'startClock' }, TUTOR);
  for (const stage of STAGES) driver.do({ type: 'submitStage', stage }, RESIDENT);
  for (const stage of ['4.1', '4.2', '4.3', '4.4'] as const) driver.do({ type: 'evaluateStage', stage, evaluation: fullMarks(driver.session, stage) }, TUTOR);
  return driver;
}

const nothingEntered = { sheet: { items: {}, itemRemarks: {}, vetoes: [], mainProblems: '' }, remark: '', feedback: '', guidance: '' };

describe('a deduction-style sheet (nuclear medicine)', () => {
  it('left empty is not 100 优秀 and complete, and cannot be signed off', () => {
    const driver = readyForReport(new SessionDriver(newSession({ modality: 'NM' })));
    expect(driver.session.reportSheet.scoring).toBe('deduct');
    driver.do({ type: 'evaluateReport', evaluation: nothingEntered }, TUTOR);
    const evaluation = driver.session.stages['4.5'].evaluation;
    const result = evaluation?.kind === 'reportSheet' ? sheetResult(driver.session.reportSheet, evaluation.sheet) : undefined;
    expect(result).toMatchObject({ complete: false, band: null });
    expect(result?.total).not.toBe(100);
    const refused = driver.attempt({ type: 'signOff' }, TUTOR);
    expect(refused.ok || refused.problem.message.zh).toBe('尚不能签署：环节 4.5 尚未评完（一般项目、影像描述、结论或印象、检查图像、影像质量）');
  });

  it('is complete once every section has its deduction entered, 0 included, and then signs', () => {
    const driver = readyForReport(new SessionDriver(newSession({ modality: 'NM' })));
    const sheet = fullSheet(driver.session);
    expect(Object.values(sheet.sheet.items)).toEqual([0, 0, 0, 0, 0]);
    driver.do({ type: 'evaluateReport', evaluation: { ...sheet, sheet: { ...sheet.sheet, items: { ...sheet.sheet.items, description: 6 } } } }, TUTOR);
    expect(stageResult(driver.session, '4.5')).toMatchObject({ score: 94, complete: true });
    driver.do({ type: 'signOff' }, TUTOR);
    expect(driver.session.signOff).toBeDefined();
  });
});

describe('amendments', () => {
  const signed = () => new SessionDriver().completeAllStages().do({ type: 'signOff' }, TUTOR);

  it('may not empty a score: the session stays as complete as sign-off required', () => {
    const driver = signed();
    const emptied = fullMarks(driver.session, '4.3');
    delete emptied.scores['pertinent-negatives'];
    const refused = driver.attempt({ type: 'amend', reason: '复核', amendment: { target: 'stage', stage: '4.3', evaluation: emptied } }, TUTOR);
    expect(refused.ok || refused.problem).toEqual({
      code: 'state.amendmentIncomplete',
      message: {
        zh: '修订后的评分须与签署时一样完整：环节 4.3 尚未评完（重要阴性征象）',
        en: 'An amendment must leave the scores as complete as sign-off requires: stage 4.3 is not fully scored (Pertinent negative signs)',
      },
    });
    const sheet = fullSheet(driver.session);
    const { 'clinical-question': _removed, ...fewer } = sheet.sheet.items;
    expect(driver.refused({ type: 'amend', reason: '复核', amendment: { target: 'report', evaluation: { ...sheet, sheet: { ...sheet.sheet, items: fewer } } } }, TUTOR)).toBe(
      'state.amendmentIncomplete',
    );
  });

  it('may mark a criterion not applicable instead of scoring it', () => {
    const driver = signed();
    const evaluation = fullMarks(driver.session, '4.4');
    delete evaluation.scores['change-from-prior'];
    driver.do({ type: 'amend', reason: '本例无既往检查', amendment: { target: 'stage', stage: '4.4', evaluation: { ...evaluation, notApplicable: ['change-from-prior'] } } }, TUTOR);
    expect(stageResult(driver.session, '4.4')).toMatchObject({ score: 20, complete: true });
  });
});

describe('readSession', () => {
  it('refuses a signed session whose evaluations are incomplete, now or as signed', () => {
    const session = new SessionDriver().completeAllStages().do({ type: 'signOff' }, TUTOR).session;
    const unscored = structuredClone(session);
    const evaluation = unscored.stages['4.2'].evaluation;
    if (evaluation?.kind === 'criteria') delete evaluation.scores['nursing'];
    expect(readSession(unscored)).toMatchObject({ ok: false, problem: { code: 'session.inconsistent', message: { en: expect.stringContaining('not fully scored') } } });
    const signedUnscored = structuredClone(session);
    const signedEvaluation = signedUnscored.signOff!.stages['4.5'].evaluation;
    if (signedEvaluation?.kind === 'reportSheet') signedEvaluation.sheet.items = {};
    expect(readSession(signedUnscored)).toMatchObject({ ok: false, problem: { code: 'session.inconsistent' } });
    expect(readSession(session)).toEqual({ ok: true, value: session });
  });
});

describe('not applicable', () => {
  it('lets the tutor mark the criteria the rubric allows, which then earn full marks', () => {
    const driver = new SessionDriver().do({ type: 'submitStage', stage: '4.1' }, RESIDENT);
    const evaluation = fullMarks(driver.session, '4.1');
    delete evaluation.scores['missing-information'];
    evaluation.scores['clinical-extraction'] = 4;
    driver.do({ type: 'evaluateStage', stage: '4.1', evaluation: { ...evaluation, notApplicable: ['missing-information'] } }, TUTOR);
    expect(stageResult(driver.session, '4.1')).toEqual({ stage: '4.1', score: 18, max: 20, unscored: [], complete: true });
  });

  it('refuses the mark where the rubric does not allow it, or beside a score', () => {
    const driver = new SessionDriver().do({ type: 'submitStage', stage: '4.1' }, RESIDENT);
    const evaluation = fullMarks(driver.session, '4.1');
    const notAllowed = driver.attempt({ type: 'evaluateStage', stage: '4.1', evaluation: { ...evaluation, notApplicable: ['reason-and-purpose'] } }, TUTOR);
    expect(notAllowed.ok || notAllowed.problem.code).toBe('score.notApplicableNotAllowed');
    expect(notAllowed.ok || notAllowed.problem.message.zh).toBe('“明确检查原因及目的”不能标为不适用，请评分');
    expect(driver.refused({ type: 'evaluateStage', stage: '4.1', evaluation: { ...evaluation, notApplicable: ['missing-information'] } }, TUTOR)).toBe(
      'score.scoredAndNotApplicable',
    );
    expect(driver.refused({ type: 'evaluateStage', stage: '4.1', evaluation: { ...evaluation, notApplicable: ['no-such'] } }, TUTOR)).toBe('input.unknownCriterion');
  });
});

describe('the session clock at sign-off', () => {
  const at = (hours: number, minutes = 0) => new Date(Date.parse('2026-11-02T01:00:00.000Z') + (hours * 60 + minutes) * 60_000).toISOString();

  /** Started at 09:00 Beijing time, every stage scored by 09:40, the clock left running. */
  function scoredInForty(): SessionDriver {
    const driver = new SessionDriver();
    driver.do({ type: 'startClock' }, TUTOR, at(0));
    STAGES.forEach((stage, index) => {
      driver.do({ type: 'submitStage', stage }, RESIDENT, at(0, 5 + index * 7));
      if (stage === '4.5') driver.do({ type: 'evaluateReport', evaluation: fullSheet(driver.session) }, TUTOR, at(0, 40));
      else driver.do({ type: 'evaluateStage', stage, evaluation: fullMarks(driver.session, stage) }, TUTOR, at(0, 8 + index * 7));
    });
    return driver;
  }

  it('does not add the night when the tutor signs the next morning with the clock still running', () => {
    const driver = scoredInForty().do({ type: 'signOff' }, TUTOR, at(23));
    expect(clockStatus(driver.session.timer)).toBe('ended');
    expect(driver.session.timer.endedAt).toBe(at(0, 40));
    expect(elapsedMinutes(driver.session.timer, at(30))).toBe(40);
    expect(driver.session.signOff?.at).toBe(at(23));
  });

  it('ends a paused clock when it was paused, not when the tutor signs', () => {
    const driver = scoredInForty().do({ type: 'pauseClock' }, TUTOR, at(0, 42)).do({ type: 'signOff' }, TUTOR, at(20));
    expect(driver.session.timer.endedAt).toBe(at(0, 42));
    expect(elapsedMinutes(driver.session.timer, at(30))).toBe(42);
  });

  it('keeps an ended clock as it was', () => {
    const driver = scoredInForty().do({ type: 'endClock' }, TUTOR, at(0, 45)).do({ type: 'signOff' }, TUTOR, at(3));
    expect(driver.session.timer.endedAt).toBe(at(0, 45));
    expect(elapsedMinutes(driver.session.timer, at(30))).toBe(45);
  });
});
