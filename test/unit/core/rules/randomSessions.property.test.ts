import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../../../src/core/rubric/rubricSchema';
import { replaySession } from '../../../../src/core/rules/replaySession';
import { teachingSession } from '../../../../src/core/session/session';
import { emptyWork } from '../../../../src/core/session/stageWork';
import { ADMIN, fullMarks, fullSheet, newSession, OTHER_RESIDENT, OTHER_TUTOR, RESIDENT, SessionDriver, TUTOR } from '../../../fixtures/sessionRules';

const actors = [RESIDENT, TUTOR, ADMIN, OTHER_RESIDENT, OTHER_TUTOR];
const session = newSession();
const stage = fc.constantFrom(...STAGES);
const criteriaStage = fc.constantFrom('4.1', '4.2', '4.3', '4.4' as const);

/** Anything anyone might try, valid or not: scores include out-of-range and off-step values. */
const command = fc.oneof(
  stage.map(s => ({ type: 'saveWork', stage: s, work: emptyWork()[s] })),
  stage.map(s => ({ type: 'submitStage', stage: s })),
  fc.tuple(stage, fc.constantFrom('', 'redo the findings')).map(([s, reason]) => ({ type: 'returnStage', stage: s, reason })),
  fc.tuple(criteriaStage, fc.constantFrom(-1, 0, 0.3, 1, 2.5, 99)).map(([s, value]) => {
    const evaluation = fullMarks(session, s);
    const [first] = Object.keys(evaluation.scores);
    return { type: 'evaluateStage', stage: s, evaluation: { ...evaluation, scores: { ...evaluation.scores, [first!]: value } } };
  }),
  fc.tuple(criteriaStage, fc.boolean()).map(([s, markFirst]) => {
    // Marks the stage's first criterion not applicable: refused unless the rubric allows it there.
    const evaluation = fullMarks(session, s);
    const [first] = Object.keys(evaluation.scores);
    const { [first!]: _dropped, ...rest } = evaluation.scores;
    return { type: 'evaluateStage', stage: s, evaluation: { ...evaluation, scores: markFirst ? rest : evaluation.scores, notApplicable: [first!] } };
  }),
  fc.constant({ type: 'evaluateStage', stage: '4.1', evaluation: { ...fullMarks(session, '4.1'), scores: { ...fullMarks(session, '4.1').scores, 'missing-information': undefined }, notApplicable: ['missing-information'] } }),
  fc.tuple(stage, fc.constantFrom('q1', 'q2'), fc.constantFrom('', '为何不增强？')).map(([s, questionId, question]) => ({ type: 'askQuestion', stage: s, questionId, question })),
  fc.tuple(stage, fc.constantFrom('q1', 'q2'), fc.constantFrom('', '平扫足够')).map(([s, questionId, answer]) => ({ type: 'answerQuestion', stage: s, questionId, answer })),
  fc.tuple(stage, fc.constantFrom('q1', 'q2')).map(([s, questionId]) => ({ type: 'removeQuestion', stage: s, questionId })),
  fc.constantFrom('2026-11-02T01:00:00.000Z', '2026-11-09T01:00:00.000Z').map(plannedAt => ({ type: 'reschedule', schedule: { plannedAt, place: '阅片室' } })),
  fc.constant({ type: 'notifyResident' }),
  fc.constant({ type: 'recordPatientInformed' }),
  fc.constantFrom('', '能力较强').map(reason => ({ type: 'acceptYearMismatch', reason })),
  fc.tuple(fc.boolean(), fc.boolean()).map(([quality, radiation]) => ({
    type: 'savePreparation',
    checklist: { qualityStandard: quality, writingNorms: true, examNorms: true, radiationProtection: radiation },
  })),
  fc.boolean().map(veto => {
    const evaluation = fullSheet(session);
    return { type: 'evaluateReport', evaluation: { ...evaluation, sheet: { ...evaluation.sheet, vetoes: veto ? [session.reportSheet.vetoes[0]!.id] : [] } } };
  }),
  fc.constantFrom({ type: 'startClock' }, { type: 'pauseClock' }, { type: 'resumeClock' }, { type: 'endClock' }, { type: 'signOff' }),
  fc.tuple(criteriaStage, fc.constantFrom('', 'recount')).map(([s, reason]) => ({
    type: 'amend',
    reason,
    amendment: { target: 'stage', stage: s, evaluation: { ...fullMarks(session, s), remark: 'amended' } },
  })),
);

const step = fc.record({ command, actor: fc.constantFrom(...actors) });

describe('any sequence of attempts by anyone', () => {
  it('keeps the session valid, leaves it untouched on refusal, respects the roles and replays exactly', () => {
    fc.assert(
      fc.property(fc.constantFrom('fresh', 'otherYear', 'realTime', 'scored', 'signed'), fc.array(step, { maxLength: 60 }), (start, steps) => {
        // Random steps rarely get a whole session scored, so some runs start from one that is.
        const driver = new SessionDriver(
          start === 'otherYear' ? newSession({ caseYear: 3 }) : start === 'realTime' ? newSession({ modality: 'US', realTime: true }) : newSession(),
        );
        if (start === 'scored' || start === 'signed') driver.completeAllStages();
        if (start === 'signed') driver.do({ type: 'signOff' }, TUTOR);
        for (const { command: attempt, actor } of steps) {
          const before = driver.session;
          const result = driver.attempt(attempt, actor);
          if (!result.ok) {
            expect(driver.session).toBe(before);
            continue;
          }
          driver.session = result.value.session;
          driver.events.push(result.value.event);
          expect(teachingSession.safeParse(driver.session).success).toBe(true);

          const changed = result.value.event.changes.map(change => change.path.join('.'));
          // Nobody outside the session changes it. An administrator only arranges: the schedule and
          // the patient's notice. Scores, returns, questions and sign-off are the tutor's; the work
          // and the checklist the resident's; answers either's.
          expect([RESIDENT.id, TUTOR.id, ADMIN.id]).toContain(actor.id);
          const tutorOnly = /^(stages\.[0-9.]+\.(evaluation|returns)|signOff|amendments|preparation\.yearMismatchAccepted)/;
          const residentOnly = /^(stages\.[0-9.]+\.work|preparation\.checklist)/;
          if (actor.role === 'admin') expect(changed.filter(path => !/^(schedule|preparation\.patientInformedAt)/.test(path))).toEqual([]);
          if (actor.role !== 'tutor') expect(changed.filter(path => tutorOnly.test(path))).toEqual([]);
          if (actor.role !== 'resident') expect(changed.filter(path => residentOnly.test(path))).toEqual([]);
          if (actor.role === 'resident' && result.value.event.type !== 'answerQuestion') expect(changed.filter(path => path.includes('questions'))).toEqual([]);
          // Once signed, only amendments change anything, and the signed original never changes.
          if (before.signOff) {
            expect(result.value.event.type).toBe('amend');
            expect(driver.session.signOff).toEqual(before.signOff);
          }
        }
        expect(replaySession(driver.events)).toEqual(driver.session);
      }),
      { numRuns: 200 },
    );
    // 200 random sessions take about 2 s alone, several times that on a busy two-core machine.
  }, 30_000);
});
