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
      fc.property(fc.constantFrom('fresh', 'scored', 'signed'), fc.array(step, { maxLength: 60 }), (start, steps) => {
        // Random steps rarely get a whole session scored, so some runs start from one that is.
        const driver = new SessionDriver();
        if (start !== 'fresh') driver.completeAllStages();
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
          // Nobody outside the session changes it; an administrator never touches scores or work.
          expect([RESIDENT.id, TUTOR.id, ADMIN.id]).toContain(actor.id);
          if (actor.role !== 'tutor') expect(changed.filter(path => path.includes('evaluation') || path.startsWith('signOff'))).toEqual([]);
          if (actor.role !== 'resident') expect(changed.filter(path => /^stages\.[0-9.]+\.work/.test(path))).toEqual([]);
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
  });
});
