import { describe, expect, it } from 'vitest';
import { emptyReport } from '../../../../src/core/session/stageWork';
import { caseFor, mayManageCases, mayManagePeople, maySeeSession } from '../../../../src/core/rules/permissions';
import type { TeachingCase } from '../../../../src/core/session/teachingCase';
import { emptyWork } from '../../../../src/core/session/stageWork';
import { ADMIN, fullMarks, OTHER_RESIDENT, OTHER_TUTOR, RESIDENT, SessionDriver, TUTOR } from '../../../fixtures/sessionRules';

const work41 = emptyWork()['4.1'];

describe('who may change what', () => {
  it('keeps other residents and tutors out of a session entirely', () => {
    const driver = new SessionDriver();
    for (const outsider of [OTHER_RESIDENT, OTHER_TUTOR]) {
      expect(driver.refused({ type: 'saveWork', stage: '4.1', work: work41 }, outsider)).toBe('access.notYourSession');
      expect(driver.refused({ type: 'startClock' }, outsider)).toBe('access.notYourSession');
    }
    driver.do({ type: 'submitStage', stage: '4.1' }, RESIDENT);
    expect(driver.refused({ type: 'evaluateStage', stage: '4.1', evaluation: fullMarks(driver.session, '4.1') }, OTHER_TUTOR)).toBe('access.notYourSession');
  });

  it('lets only the resident write and submit, never the tutor or an administrator', () => {
    const driver = new SessionDriver();
    expect(driver.refused({ type: 'saveWork', stage: '4.1', work: work41 }, TUTOR)).toBe('access.residentOnly');
    expect(driver.refused({ type: 'submitStage', stage: '4.1' }, TUTOR)).toBe('access.residentOnly');
    const byAdmin = driver.attempt({ type: 'saveWork', stage: '4.1', work: work41 }, ADMIN);
    // The reason given is the real one: the work is the resident's, not that administrators do not score.
    expect(byAdmin.ok || byAdmin.problem).toEqual({
      code: 'access.adminDoesNotWrite',
      message: {
        zh: '各环节内容须由住院医师本人填写和提交，管理员不能代为填写',
        en: 'The stages are written and submitted by the resident in person; an administrator cannot write them on their behalf',
      },
    });
    expect(driver.refused({ type: 'submitStage', stage: '4.1' }, ADMIN)).toBe('access.adminDoesNotWrite');
  });

  it('lets only the tutor score, return and sign; a resident never changes a score', () => {
    const driver = new SessionDriver().do({ type: 'submitStage', stage: '4.1' }, RESIDENT);
    const evaluate = { type: 'evaluateStage', stage: '4.1', evaluation: fullMarks(driver.session, '4.1') };
    expect(driver.refused(evaluate, RESIDENT)).toBe('access.tutorOnly');
    expect(driver.refused({ type: 'returnStage', stage: '4.1', reason: 'x' }, RESIDENT)).toBe('access.tutorOnly');
    expect(driver.refused({ type: 'signOff' }, RESIDENT)).toBe('access.tutorOnly');
    driver.do(evaluate, TUTOR);
    expect(driver.refused(evaluate, RESIDENT)).toBe('access.tutorOnly');
  });

  it('keeps administrators to organising: they reschedule, but do not score', () => {
    const driver = new SessionDriver().do({ type: 'submitStage', stage: '4.1' }, RESIDENT);
    const refusal = driver.attempt({ type: 'evaluateStage', stage: '4.1', evaluation: fullMarks(driver.session, '4.1') }, ADMIN);
    expect(refusal.ok || refusal.problem).toMatchObject({ code: 'access.adminDoesNotScore', message: { zh: expect.stringContaining('不参与评分') } });
    expect(driver.refused({ type: 'signOff' }, ADMIN)).toBe('access.adminDoesNotScore');
    expect(driver.refused({ type: 'startClock' }, ADMIN)).toBe('access.participantsOnly');
    driver.do({ type: 'reschedule', schedule: { plannedAt: '2026-11-09T01:00:00.000Z', place: 'Room 3' } }, ADMIN);
    expect(driver.session.schedule.place).toBe('Room 3');
  });

  it('lets the tutor or an administrator reschedule until the session starts, not the resident', () => {
    const driver = new SessionDriver();
    const reschedule = { type: 'reschedule', schedule: { plannedAt: '2026-11-03T01:00:00.000Z', place: 'Room 1' } };
    expect(driver.refused(reschedule, RESIDENT)).toBe('access.organisersOnly');
    driver.do(reschedule, TUTOR);
    driver.do({ type: 'startClock' }, RESIDENT);
    expect(driver.refused(reschedule, TUTOR)).toBe('state.alreadyStarted');
  });
});

describe('who may see what', () => {
  const session = new SessionDriver().session;

  it('shows a session to its resident, its tutor and administrators only', () => {
    expect(maySeeSession(RESIDENT, session)).toBe(true);
    expect(maySeeSession(TUTOR, session)).toBe(true);
    expect(maySeeSession(ADMIN, session)).toBe(true);
    expect(maySeeSession(OTHER_RESIDENT, session)).toBe(false);
    expect(maySeeSession(OTHER_TUTOR, session)).toBe(false);
    expect(maySeeSession({ id: TUTOR.id, role: 'resident' }, session)).toBe(false);
  });

  it('hides the tutor’s reference answer from the resident until their session is signed off', () => {
    const teachingCase: TeachingCase = {
      schemaVersion: 3,
      id: 'case-ct-nodule',
      title: 'RUL nodule',
      studyInstanceUIDs: ['1.2.3'],
      modality: 'CT',
      bodyPart: 'CHEST',
      category: 'respiratory',
      trainingYear: 2,
      realTime: false,
      objectives: ['describe a solid nodule'],
      referenceAnswer: { findings: [], diagnosis: 'Adenocarcinoma likely', report: emptyReport() },
      preparedBy: TUTOR.id,
      createdAt: '2026-10-01T00:00:00.000Z',
    };
    expect(caseFor(RESIDENT, teachingCase, session).referenceAnswer).toBeUndefined();
    expect(caseFor(RESIDENT, teachingCase).referenceAnswer).toBeUndefined();
    const signed = { ...session, signOff: { at: '2026-11-02T02:00:00.000Z', by: TUTOR.id, stages: session.stages } };
    expect(caseFor(RESIDENT, teachingCase, signed).referenceAnswer?.diagnosis).toBe('Adenocarcinoma likely');
    expect(caseFor(OTHER_RESIDENT, teachingCase, signed).referenceAnswer).toBeUndefined();
    expect(caseFor(TUTOR, teachingCase).referenceAnswer).toBeDefined();
  });

  it('lets tutors and administrators prepare cases, and only administrators manage people', () => {
    expect([RESIDENT, TUTOR, ADMIN].map(mayManageCases)).toEqual([false, true, true]);
    expect([RESIDENT, TUTOR, ADMIN].map(mayManagePeople)).toEqual([false, false, true]);
  });
});
