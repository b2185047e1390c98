import { describe, expect, it } from 'vitest';
import { STAGES } from '../../../../src/core/rubric/rubricSchema';
import { checkCriterionScore, checkSheetScores } from '../../../../src/core/scoring/checkScore';
import { criteriaFor } from '../../../../src/core/scoring/stageResult';
import { teachingSession, type TeachingSession } from '../../../../src/core/session/session';
import { amendedSession, DEDUCT_SHEET, draftSession, signedOffSession, vetoedSession } from '../../../fixtures/teachingSessions';

/** Every criterion scored, and every score one the rubric allows. */
function scoringProblems(session: TeachingSession): string[] {
  return STAGES.flatMap(stage => {
    const evaluation = session.stages[stage].evaluation;
    if (evaluation?.kind === 'reportSheet') return checkSheetScores(session.reportSheet, evaluation.sheet).map(found => found.message.en);
    if (evaluation?.kind !== 'criteria') return [];
    return criteriaFor(session.stageForm, stage, session.realTime).flatMap(criterion => {
      const score = evaluation.scores[criterion.id];
      if (score === undefined) return [`${stage} ${criterion.id} is not scored`];
      const found = checkCriterionScore(criterion, score, session.stageForm.step);
      return found ? [found.message.en] : [];
    });
  });
}

describe('teaching session fixtures', () => {
  it('are valid records, scored within their rubrics', () => {
    const sessions = [
      draftSession(),
      signedOffSession(),
      signedOffSession({ realTime: true, stageScores: { '4.2': { procedure: 7.5 } } }),
      signedOffSession({ sheet: DEDUCT_SHEET, sheetItems: { patientInfo: 1, clinicalInfo: 0, complete: 2.5, negatives: 0, answer: 5, advice: 0 } }),
      vetoedSession(),
      amendedSession(),
    ];
    for (const session of sessions) {
      expect(teachingSession.safeParse(session).success).toBe(true);
      expect(scoringProblems(session)).toEqual([]);
    }
  });

  it('keep the signed stages apart from the amended ones', () => {
    const session = amendedSession();
    expect(session.signOff?.stages['4.1'].evaluation).toMatchObject({ scores: { completeness: 5 } });
    expect(session.stages['4.1'].evaluation).toMatchObject({ scores: { completeness: 6 } });
  });
});
