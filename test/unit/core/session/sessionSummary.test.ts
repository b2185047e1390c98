import { describe, expect, it } from 'vitest';
import { sessionSummary } from '../../../../src/core/session/sessionSummary';
import { emptyWork } from '../../../../src/core/session/stageWork';
import { fullMarks, fullSheet, RESIDENT, SessionDriver, TUTOR } from '../../../fixtures/sessionRules';

describe('a session as worklists list it', () => {
  it('is scheduled until its clock starts, with its planned time and place', () => {
    const driver = new SessionDriver();
    expect(sessionSummary(driver.session)).toEqual({
      phase: 'scheduled',
      clock: 'notStarted',
      tutorTurn: null,
      waitingStages: [],
      plannedAt: '2026-11-02T01:00:00.000Z',
      place: '阅片室 2 / Reading room 2',
      signedOffAt: null,
      sheet: null,
    });
  });

  it('waits for the tutor while a stage is handed in or scored in part, then for the signature', () => {
    const driver = new SessionDriver().do({ type: 'startClock' }, TUTOR);
    expect(sessionSummary(driver.session)).toMatchObject({ phase: 'inProgress', clock: 'running', tutorTurn: null, waitingStages: [] });

    driver.do({ type: 'saveWork', stage: '4.1', work: emptyWork()['4.1'] }, RESIDENT).do({ type: 'submitStage', stage: '4.1' }, RESIDENT);
    expect(sessionSummary(driver.session)).toMatchObject({ tutorTurn: 'scoring', waitingStages: ['4.1'] });

    const partly = fullMarks(driver.session, '4.1');
    const [first] = Object.keys(partly.scores);
    delete partly.scores[first!];
    driver.do({ type: 'evaluateStage', stage: '4.1', evaluation: partly }, TUTOR);
    expect(sessionSummary(driver.session)).toMatchObject({ tutorTurn: 'scoring', waitingStages: ['4.1'] });

    driver.do({ type: 'evaluateStage', stage: '4.1', evaluation: fullMarks(driver.session, '4.1') }, TUTOR);
    expect(sessionSummary(driver.session)).toMatchObject({ tutorTurn: null, waitingStages: [] });
  });

  it('is ready to sign once every stage is scored in full, and signed off with the sheet total and rating', () => {
    const driver = new SessionDriver().completeAllStages();
    const ready = sessionSummary(driver.session);
    expect(ready).toMatchObject({ phase: 'inProgress', tutorTurn: 'signOff', waitingStages: [], signedOffAt: null });
    expect(ready.sheet).toEqual({ total: 100, max: 100, band: { zh: '优秀', en: 'Excellent' } });

    driver.do({ type: 'signOff' }, TUTOR);
    const signed = sessionSummary(driver.session);
    expect(signed).toMatchObject({ phase: 'signedOff', clock: 'ended', tutorTurn: null, signedOffAt: driver.session.signOff!.at });
    expect(signed.sheet?.total).toBe(100);
  });

  it('gives a report sheet scored in part no total or rating', () => {
    const driver = new SessionDriver().do({ type: 'startClock' }, TUTOR);
    for (const stage of ['4.1', '4.2', '4.3', '4.4', '4.5'] as const) driver.do({ type: 'saveWork', stage, work: emptyWork()[stage] }, RESIDENT).do({ type: 'submitStage', stage }, RESIDENT);
    const sheet = fullSheet(driver.session);
    const [item] = Object.keys(sheet.sheet.items);
    delete sheet.sheet.items[item!];
    driver.do({ type: 'evaluateReport', evaluation: sheet }, TUTOR);
    expect(sessionSummary(driver.session)).toMatchObject({ sheet: null, tutorTurn: 'scoring', waitingStages: ['4.1', '4.2', '4.3', '4.4', '4.5'] });
  });
});
