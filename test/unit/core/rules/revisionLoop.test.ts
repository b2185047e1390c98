import { describe, expect, it } from 'vitest';
import { printableSession } from '../../../../src/core/export';
import { replaySession } from '../../../../src/core/rules/replaySession';
import { stageResult } from '../../../../src/core/scoring/stageResult';
import { stageProgress } from '../../../../src/core/session/stageProgress';
import { emptyWork } from '../../../../src/core/session/stageWork';
import { fullMarks, RESIDENT, SessionDriver, TUTOR } from '../../../fixtures/sessionRules';

const signs = (description: string) => ({
  findings: [{ id: 'f1', kind: 'positive' as const, description, location: '右肺上叶', annotationIds: ['1.2.3'], pathology: '' }],
});

/** 4.1 and 4.2 handed in and scored; 4.3 handed in with one sign, scored 14 of 20. */
function scoredSigns(): SessionDriver {
  const driver = new SessionDriver();
  for (const stage of ['4.1', '4.2'] as const) {
    driver.do({ type: 'submitStage', stage }, RESIDENT);
    driver.do({ type: 'evaluateStage', stage, evaluation: fullMarks(driver.session, stage) }, TUTOR);
  }
  driver.do({ type: 'saveWork', stage: '4.3', work: signs('结节') }, RESIDENT);
  driver.do({ type: 'submitStage', stage: '4.3' }, RESIDENT);
  const first = fullMarks(driver.session, '4.3');
  driver.do({ type: 'evaluateStage', stage: '4.3', evaluation: { ...first, scores: { ...first.scores, 'positive-signs': 2, 'pertinent-negatives': 0 }, feedback: '阴性征象缺失' } }, TUTOR);
  return driver;
}

describe('the revision loop', () => {
  it('returns a scored stage, keeps its evaluation and the reason on the stage, and scores the resubmission beside it', () => {
    const driver = scoredSigns();
    expect(stageResult(driver.session, '4.3').score).toBe(14);
    const submittedAt = driver.session.stages['4.3'].submittedAt;
    const firstEvaluation = driver.session.stages['4.3'].evaluation;

    driver.do({ type: 'returnStage', stage: '4.3', reason: '请补充纵隔及胸膜的阴性征象' }, TUTOR);
    const returned = driver.session.stages['4.3'];
    expect(returned.status).toBe('draft');
    expect(returned.evaluation).toBeUndefined();
    expect(returned.returns).toEqual([
      { at: driver.events.at(-1)!.at, by: TUTOR.id, reason: '请补充纵隔及胸膜的阴性征象', submittedAt, work: signs('结节'), evaluation: firstEvaluation },
    ]);
    expect(stageProgress(driver.session, '4.3')).toBe('returned');

    driver.do({ type: 'saveWork', stage: '4.3', work: { findings: [...signs('结节，分叶').findings, { id: 'f2', kind: 'negative', description: '纵隔淋巴结不大', location: '纵隔', annotationIds: [], pathology: '' }] } }, RESIDENT);
    driver.do({ type: 'submitStage', stage: '4.3' }, RESIDENT);
    expect(stageProgress(driver.session, '4.3')).toBe('submitted');
    driver.do({ type: 'evaluateStage', stage: '4.3', evaluation: fullMarks(driver.session, '4.3') }, TUTOR);

    const record = driver.session.stages['4.3'];
    expect(stageResult(driver.session, '4.3').score).toBe(20);
    expect(record.returns).toHaveLength(1);
    expect(record.returns[0]!.evaluation).toEqual(firstEvaluation);
    expect(record.returns[0]!.work.findings).toHaveLength(1);
    expect(record.work.findings).toHaveLength(2);
    expect(replaySession(driver.events)).toEqual(driver.session);

    const printed = printableSession(
      { session: driver.session, teachingCase: { id: 'c', title: '肺结节', bodyPart: '胸部', modality: 'CT' }, resident: { name: '李明' }, tutor: { name: '王芳' } },
      'zh-CN',
      '2026-11-03T00:00:00Z',
    ).stageForm.stages[2]!;
    expect(printed).toMatchObject({ score: 20, complete: true, status: '已评分' });
    expect(printed.returns).toEqual([
      { at: expect.any(String), by: { id: TUTOR.id, name: '王芳' }, reason: '请补充纵隔及胸膜的阴性征象', handedInAt: expect.any(String), score: 14, complete: true },
    ]);
  });

  it('keeps every return in order, also one made before any scoring', () => {
    const driver = new SessionDriver().do({ type: 'submitStage', stage: '4.1' }, RESIDENT);
    driver.do({ type: 'returnStage', stage: '4.1', reason: '先补充实验室检查' }, TUTOR);
    driver.do({ type: 'saveWork', stage: '4.1', work: emptyWork()['4.1'] }, RESIDENT);
    driver.do({ type: 'submitStage', stage: '4.1' }, RESIDENT);
    driver.do({ type: 'evaluateStage', stage: '4.1', evaluation: fullMarks(driver.session, '4.1') }, TUTOR);
    driver.do({ type: 'returnStage', stage: '4.1', reason: '检查目的表述不清' }, TUTOR);
    const { returns } = driver.session.stages['4.1'];
    expect(returns.map(entry => [entry.reason, entry.evaluation === undefined])).toEqual([
      ['先补充实验室检查', true],
      ['检查目的表述不清', false],
    ]);
  });

  it('is the tutor’s alone, and ends at sign-off', () => {
    const driver = scoredSigns();
    expect(driver.refused({ type: 'returnStage', stage: '4.3', reason: '我想改' }, RESIDENT)).toBe('access.tutorOnly');
    const signed = new SessionDriver().completeAllStages().do({ type: 'signOff' }, TUTOR);
    expect(signed.refused({ type: 'returnStage', stage: '4.3', reason: '再看看' }, TUTOR)).toBe('state.signedOff');
  });
});

describe('what the resident and the tutor are told', () => {
  it('says a submitted or a scored stage is so, without doubling 已, and that the tutor can return it', () => {
    const driver = scoredSigns().do({ type: 'saveWork', stage: '4.4', work: emptyWork()['4.4'] }, RESIDENT).do({ type: 'submitStage', stage: '4.4' }, RESIDENT);
    const scored = driver.attempt({ type: 'saveWork', stage: '4.3', work: signs('x') }, RESIDENT);
    expect(scored.ok || scored.problem.message).toEqual({
      zh: '环节 4.3 已评分，不能再修改；如需修改，请指导医师退回',
      en: 'Stage 4.3 has been scored and can no longer be changed; the tutor can return it for revision',
    });
    const submitted = driver.attempt({ type: 'submitStage', stage: '4.4' }, RESIDENT);
    expect(submitted.ok || submitted.problem.message.zh).toBe('环节 4.4 已提交，不能再修改；如需修改，请指导医师退回');
    expect(JSON.stringify([scored, submitted])).not.toContain('已已');
  });

  it('says a draft cannot be scored yet, in words of its own', () => {
    const driver = new SessionDriver();
    const refused = driver.attempt({ type: 'evaluateStage', stage: '4.2', evaluation: fullMarks(driver.session, '4.2') }, TUTOR);
    expect(refused.ok || refused.problem).toEqual({
      code: 'state.stageNotSubmitted',
      message: { zh: '环节 4.2 住院医师尚未提交，提交后才能评分', en: 'Stage 4.2 has not been submitted yet; it can be scored once the resident submits it' },
    });
  });
});
