import { describe, expect, it } from 'vitest';
import { clockStatus } from '../../../../src/core/session/sessionClock';
import { stageResult } from '../../../../src/core/scoring/stageResult';
import { emptyWork } from '../../../../src/core/session/stageWork';
import { ADMIN, fullMarks, fullSheet, RESIDENT, SessionDriver, TUTOR } from '../../../fixtures/sessionRules';

const signedSession = () => new SessionDriver().completeAllStages().do({ type: 'signOff' }, TUTOR);

describe('sign-off', () => {
  it('is refused until every stage is scored in full, listing what is missing in each language on its own', () => {
    const driver = new SessionDriver().do({ type: 'startClock' }, TUTOR).do({ type: 'submitStage', stage: '4.1' }, RESIDENT);
    const partial = fullMarks(driver.session, '4.1');
    delete partial.scores['reports-to-tutor'];
    delete partial.scores['key-points-in-report'];
    driver.do({ type: 'evaluateStage', stage: '4.1', evaluation: partial }, TUTOR);
    const result = driver.attempt({ type: 'signOff' }, TUTOR);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.code).toBe('state.notReadyToSign');
      expect(result.problem.message.zh).toBe(
        '尚不能签署：环节 4.1 尚未评完（向指导医师汇报、重点内容写入报告）；环节 4.2 未评分；环节 4.3 未评分；环节 4.4 未评分；环节 4.5 未评分',
      );
      expect(result.problem.message.en).toBe(
        'Not ready to sign off: stage 4.1 is not fully scored (Reports to the tutor, Writes the key points into the report); stage 4.2 is not scored; stage 4.3 is not scored; stage 4.4 is not scored; and stage 4.5 is not scored',
      );
    }
  });

  it('needs the session to have been timed', () => {
    const driver = new SessionDriver();
    expect(driver.refused({ type: 'signOff' }, TUTOR)).toBe('state.notReadyToSign');
  });

  it('locks the session, stops the clock and keeps what was signed', () => {
    const driver = signedSession();
    expect(driver.session.signOff).toMatchObject({ by: TUTOR.id });
    expect(driver.session.signOff!.stages).toEqual(driver.session.stages);
    expect(clockStatus(driver.session.timer)).toBe('ended');
    expect(driver.refused({ type: 'saveWork', stage: '4.1', work: emptyWork()['4.1'] }, RESIDENT)).toBe('state.signedOff');
    expect(driver.refused({ type: 'evaluateStage', stage: '4.1', evaluation: fullMarks(driver.session, '4.1') }, TUTOR)).toBe('state.signedOff');
    expect(driver.refused({ type: 'evaluateReport', evaluation: fullSheet(driver.session) }, TUTOR)).toBe('state.signedOff');
    expect(driver.refused({ type: 'signOff' }, TUTOR)).toBe('state.signedOff');
    expect(driver.refused({ type: 'reschedule', schedule: driver.session.schedule }, ADMIN)).toBe('state.signedOff');
  });
});

describe('amendments after sign-off', () => {
  const lowered = (driver: SessionDriver) => {
    const evaluation = fullMarks(driver.session, '4.3');
    const [criterion] = Object.keys(evaluation.scores);
    return { criterion: criterion!, evaluation: { ...evaluation, scores: { ...evaluation.scores, [criterion!]: 0 }, remark: '漏了阴性征象 / missed a negative sign' } };
  };

  it('are the only way to change a score, and need a reason', () => {
    const driver = signedSession();
    const { evaluation } = lowered(driver);
    const command = { type: 'amend', reason: ' ', amendment: { target: 'stage', stage: '4.3', evaluation } };
    expect(driver.refused(command, TUTOR)).toBe('input.reasonRequired');
    expect(driver.refused({ ...command, reason: 'Second reading found a miss' }, RESIDENT)).toBe('access.tutorOnly');
    expect(driver.refused({ ...command, reason: 'Second reading found a miss' }, ADMIN)).toBe('access.adminDoesNotScore');
  });

  it('are refused before sign-off, where a plain evaluation does the job', () => {
    const driver = new SessionDriver().completeAllStages();
    const { evaluation } = lowered(driver);
    expect(driver.refused({ type: 'amend', reason: 'x', amendment: { target: 'stage', stage: '4.3', evaluation } }, TUTOR)).toBe('state.notSignedOff');
  });

  it('change the current score, record before → after with who and why, and leave the signed original visible', () => {
    const driver = signedSession();
    const before = stageResult(driver.session, '4.3').score;
    const { criterion, evaluation } = lowered(driver);
    driver.do({ type: 'amend', reason: '复核发现漏诊 / second reading found a miss', amendment: { target: 'stage', stage: '4.3', evaluation } }, TUTOR);

    expect(stageResult(driver.session, '4.3').score).toBeLessThan(before);
    const signedScore = driver.session.signOff!.stages['4.3'].evaluation;
    expect(signedScore?.kind === 'criteria' && signedScore.scores[criterion]).not.toBe(0);
    const [amendment] = driver.session.amendments;
    expect(amendment).toMatchObject({ id: 'amendment-1', by: TUTOR.id, reason: '复核发现漏诊 / second reading found a miss' });
    expect(amendment!.changes).toContainEqual({
      path: ['stages', '4.3', 'evaluation', 'scores', criterion],
      before: expect.any(Number),
      after: 0,
    });
    expect(driver.events.at(-1)).toMatchObject({ type: 'amend', actor: TUTOR, reason: '复核发现漏诊 / second reading found a miss' });
  });

  it('can veto a signed report, which then scores 0', () => {
    const driver = signedSession();
    const sheet = fullSheet(driver.session);
    const veto = driver.session.reportSheet.vetoes[0]!.id;
    driver.do({ type: 'amend', reason: 'Wrong patient', amendment: { target: 'report', evaluation: { ...sheet, sheet: { ...sheet.sheet, vetoes: [veto] } } } }, TUTOR);
    expect(stageResult(driver.session, '4.5').score).toBe(0);
    expect(stageResult({ ...driver.session, stages: driver.session.signOff!.stages }, '4.5').score).toBe(100);
  });
});
