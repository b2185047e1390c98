import { describe, expect, it } from 'vitest';
import { preparationChecks } from '../../../../src/core/rules/preparationChecks';
import { ADMIN, newSession, RESIDENT, SessionDriver, TUTOR } from '../../../fixtures/sessionRules';

const allTicked = { qualityStandard: true, writingNorms: true, examNorms: true, radiationProtection: true };

describe('the case’s training year against the resident’s (guide 3.1)', () => {
  it('keeps a session on a case for another year from starting until the tutor confirms it with a reason', () => {
    const driver = new SessionDriver(newSession({ caseYear: 3 }));
    const refused = driver.attempt({ type: 'startClock' }, RESIDENT);
    expect(refused.ok || refused.problem).toEqual({
      code: 'state.notReadyToStart',
      message: {
        zh: '尚不能开始：病例是为住培第三年准备的，住院医师为住培第二年；请指导医师确认并说明理由',
        en: 'The session cannot start yet: the case was prepared for Year 3 and the resident is in Year 2; the tutor must confirm the choice and say why',
      },
    });
    expect(driver.refused({ type: 'acceptYearMismatch', reason: ' ' }, TUTOR)).toBe('input.reasonRequired');
    expect(driver.refused({ type: 'acceptYearMismatch', reason: '该住院医师能力较强' }, RESIDENT)).toBe('access.tutorOnly');
    driver.do({ type: 'acceptYearMismatch', reason: '该住院医师能力较强，提前学习' }, TUTOR);
    expect(driver.session.preparation.yearMismatchAccepted).toMatchObject({ by: TUTOR.id, reason: '该住院医师能力较强，提前学习' });
    expect(driver.events.at(-1)).toMatchObject({ type: 'acceptYearMismatch', reason: '该住院医师能力较强，提前学习' });
    driver.do({ type: 'startClock' }, RESIDENT);
  });

  it('has nothing to confirm when the years match, or when the session predates the check', () => {
    const driver = new SessionDriver(newSession({ caseYear: 2 }));
    const refused = driver.attempt({ type: 'acceptYearMismatch', reason: 'x' }, TUTOR);
    expect(refused.ok || refused.problem.message.zh).toBe('病例的培训年级与住院医师相同（住培第二年），无需确认');
    const unknown = new SessionDriver({ ...newSession(), preparation: { ...newSession().preparation, caseTrainingYear: null } });
    expect(preparationChecks(unknown.session).map(check => check.code)).not.toContain('yearMismatch');
    unknown.do({ type: 'startClock' }, TUTOR);
  });
});

describe('real-time examinations (guide 3.1: 须提前告知患者)', () => {
  it('need the patient informed before the session starts, recorded by the tutor or an administrator', () => {
    const driver = new SessionDriver(newSession({ modality: 'US', realTime: true }));
    const refused = driver.attempt({ type: 'startClock' }, TUTOR);
    expect(refused.ok || refused.problem.message.en).toBe(
      'The session cannot start yet: for a real-time examination the patient must be told in advance and agree to the teaching',
    );
    expect(driver.refused({ type: 'recordPatientInformed' }, RESIDENT)).toBe('access.organisersOnly');
    expect(driver.refused({ type: 'recordPatientInformed', informedAt: '2030-01-01T00:00:00.000Z' }, TUTOR)).toBe('input.informedLater');
    driver.do({ type: 'recordPatientInformed', informedAt: '2026-11-01T09:00:00.000Z' }, ADMIN);
    expect(driver.session.preparation.patientInformedAt).toBe('2026-11-01T09:00:00.000Z');
    driver.do({ type: 'startClock' }, TUTOR);
    expect(driver.refused({ type: 'recordPatientInformed' }, TUTOR)).toBe('state.alreadyStarted');
  });

  it('is the only kind of case with a patient to inform', () => {
    expect(new SessionDriver().refused({ type: 'recordPatientInformed' }, TUTOR)).toBe('input.notRealTime');
  });
});

describe('notices and rescheduling (guide 3.2)', () => {
  it('records when the resident was told, and a new time or place needs a new notice', () => {
    const driver = new SessionDriver();
    expect(driver.refused({ type: 'notifyResident' }, RESIDENT)).toBe('access.organisersOnly');
    driver.do({ type: 'notifyResident' }, TUTOR);
    const notified = driver.session.schedule.residentNotifiedAt;
    expect(notified).toBeDefined();
    driver.do({ type: 'reschedule', schedule: { plannedAt: driver.session.schedule.plannedAt, place: driver.session.schedule.place } }, ADMIN);
    expect(driver.session.schedule.residentNotifiedAt).toBe(notified);
    driver.do({ type: 'reschedule', schedule: { plannedAt: '2026-11-09T01:00:00.000Z', place: driver.session.schedule.place } }, TUTOR);
    expect(driver.session.schedule).toEqual({ plannedAt: '2026-11-09T01:00:00.000Z', place: '阅片室 2 / Reading room 2' });
    driver.do({ type: 'notifyResident' }, ADMIN);
    driver.do({ type: 'reschedule', schedule: { plannedAt: '2026-11-09T01:00:00.000Z', place: '阅片室 3' } }, TUTOR);
    expect(driver.session.schedule.residentNotifiedAt).toBeUndefined();
  });

  it('clears the patient’s notice when the time moves, not when only the room does', () => {
    const driver = new SessionDriver(newSession({ modality: 'US', realTime: true })).do({ type: 'recordPatientInformed' }, TUTOR);
    driver.do({ type: 'reschedule', schedule: { plannedAt: driver.session.schedule.plannedAt, place: '超声室 3' } }, TUTOR);
    expect(driver.session.preparation.patientInformedAt).toBeDefined();
    driver.do({ type: 'reschedule', schedule: { plannedAt: '2026-11-09T01:00:00.000Z', place: '超声室 3' } }, TUTOR);
    expect(driver.session.preparation.patientInformedAt).toBeUndefined();
    expect(driver.refused({ type: 'startClock' }, TUTOR)).toBe('state.notReadyToStart');
  });

  it('takes only a time and a place: a notice cannot be slipped in with a reschedule', () => {
    const driver = new SessionDriver();
    driver.do({ type: 'reschedule', schedule: { plannedAt: '2026-11-09T01:00:00.000Z', place: 'x', residentNotifiedAt: '2026-11-01T00:00:00.000Z' } }, TUTOR);
    expect(driver.session.schedule.residentNotifiedAt).toBeUndefined();
  });
});

describe('the resident’s preparation (guide 3.3)', () => {
  it('is a checklist the resident keeps, shown as a reminder that does not block the start', () => {
    const driver = new SessionDriver();
    expect(preparationChecks(driver.session).map(check => [check.code, check.blocking])).toEqual([
      ['residentNotNotified', false],
      ['checklistIncomplete', false],
    ]);
    expect(driver.refused({ type: 'savePreparation', checklist: allTicked }, TUTOR)).toBe('access.residentOnly');
    expect(driver.refused({ type: 'savePreparation', checklist: allTicked }, ADMIN)).toBe('access.adminDoesNotWrite');
    driver.do({ type: 'savePreparation', checklist: { ...allTicked, radiationProtection: false } }, RESIDENT);
    expect(preparationChecks(driver.session).find(check => check.code === 'checklistIncomplete')?.message).toEqual({
      zh: '住院医师的准备尚未完成：熟悉辐射防护原则',
      en: 'the resident’s preparation is not complete: knows the principles of radiation protection',
    });
    driver.do({ type: 'savePreparation', checklist: allTicked }, RESIDENT);
    expect(preparationChecks(driver.session).map(check => check.code)).toEqual(['residentNotNotified']);
    driver.do({ type: 'startClock' }, RESIDENT);
  });
});
