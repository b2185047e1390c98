import { describe, expect, it } from 'vitest';
import { printableSession } from '../../../../src/core/export';
import { replaySession } from '../../../../src/core/rules/replaySession';
import { ADMIN, OTHER_TUTOR, RESIDENT, SessionDriver, TUTOR } from '../../../fixtures/sessionRules';

describe('the tutor’s questions (指导医师根据需要进行提问)', () => {
  it('are asked by the tutor in a stage and answered by the resident, each with who and when', () => {
    const driver = new SessionDriver().do({ type: 'submitStage', stage: '4.1' }, RESIDENT).do({ type: 'submitStage', stage: '4.2' }, RESIDENT);
    driver.do({ type: 'askQuestion', stage: '4.2', questionId: 'q1', question: '本例为何未行增强扫描？' }, TUTOR);
    const askedAt = driver.events.at(-1)!.at;
    driver.do({ type: 'answerQuestion', stage: '4.2', questionId: 'q1', answer: '申请目的为结节随访，平扫可满足' }, RESIDENT);
    expect(driver.session.stages['4.2'].questions).toEqual([
      { id: 'q1', question: '本例为何未行增强扫描？', askedAt, askedBy: TUTOR.id, answer: '申请目的为结节随访，平扫可满足', answeredAt: driver.events.at(-1)!.at, answeredBy: RESIDENT.id },
    ]);
    expect(replaySession(driver.events)).toEqual(driver.session);
  });

  it('can be reworded or withdrawn by the tutor, and an answer noted by the tutor or cleared', () => {
    const driver = new SessionDriver().do({ type: 'askQuestion', stage: '4.3', questionId: 'q1', question: '分叶征的病理基础' }, TUTOR);
    driver.do({ type: 'askQuestion', stage: '4.3', questionId: 'q1', question: '分叶征的病理基础是什么？' }, TUTOR);
    driver.do({ type: 'answerQuestion', stage: '4.3', questionId: 'q1', answer: '肿瘤各部分生长速度不一' }, TUTOR);
    expect(driver.session.stages['4.3'].questions).toMatchObject([{ question: '分叶征的病理基础是什么？', answeredBy: TUTOR.id }]);
    driver.do({ type: 'answerQuestion', stage: '4.3', questionId: 'q1', answer: '' }, RESIDENT);
    expect(driver.session.stages['4.3'].questions[0]).not.toHaveProperty('answeredAt');
    driver.do({ type: 'askQuestion', stage: '4.3', questionId: 'q2', question: '还需与哪些疾病鉴别？' }, TUTOR);
    driver.do({ type: 'removeQuestion', stage: '4.3', questionId: 'q1' }, TUTOR);
    expect(driver.session.stages['4.3'].questions.map(question => question.id)).toEqual(['q2']);
  });

  it('belong to the session’s tutor and resident only', () => {
    const driver = new SessionDriver().do({ type: 'askQuestion', stage: '4.4', questionId: 'q1', question: '最可能的诊断？' }, TUTOR);
    expect(driver.refused({ type: 'askQuestion', stage: '4.4', questionId: 'q2', question: '?' }, RESIDENT)).toBe('access.tutorOnly');
    expect(driver.refused({ type: 'askQuestion', stage: '4.4', questionId: 'q2', question: '?' }, ADMIN)).toBe('access.adminDoesNotScore');
    expect(driver.refused({ type: 'answerQuestion', stage: '4.4', questionId: 'q1', answer: 'x' }, ADMIN)).toBe('access.answerersOnly');
    expect(driver.refused({ type: 'answerQuestion', stage: '4.4', questionId: 'q1', answer: 'x' }, OTHER_TUTOR)).toBe('access.notYourSession');
    expect(driver.refused({ type: 'answerQuestion', stage: '4.4', questionId: 'q9', answer: 'x' }, RESIDENT)).toBe('input.unknownQuestion');
    expect(driver.refused({ type: 'askQuestion', stage: '4.4', questionId: 'q2', question: '  ' }, TUTOR)).toBe('input.questionRequired');
  });

  it('are printed with the stage they were asked in', () => {
    const driver = new SessionDriver().do({ type: 'askQuestion', stage: '4.4', questionId: 'q1', question: '最可能的诊断？' }, TUTOR);
    driver.do({ type: 'answerQuestion', stage: '4.4', questionId: 'q1', answer: '周围型肺癌' }, RESIDENT);
    const form = printableSession(
      { session: driver.session, teachingCase: { id: 'c', title: '肺结节', bodyPart: '胸部', modality: 'CT' }, resident: { name: '李明' }, tutor: { name: '王芳' } },
      'zh-CN',
      '2026-11-03T00:00:00Z',
    );
    expect(form.stageForm.stages[3]!.questions).toEqual([
      { question: '最可能的诊断？', askedBy: { id: TUTOR.id, name: '王芳' }, askedAt: '2026-11-02 09:01', answer: '周围型肺癌', answeredBy: { id: RESIDENT.id, name: '李明' }, answeredAt: '2026-11-02 09:02' },
    ]);
    expect(form.headings.questions).toBe('提问与回答');
  });
});
