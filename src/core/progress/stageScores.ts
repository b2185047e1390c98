import { criterionMax, type StageId } from '../rubric/rubricSchema';
import { sum } from '../scoring/numbers';
import { criteriaFor, stageResult, type StageResult } from '../scoring/stageResult';
import type { TeachingSession } from '../session/session';

/*
 * The session schema lets a stage form leave a stage out, and `stageResult` throws for such a stage;
 * figures and exports over many sessions must not fail because one record is like that.
 */

/** A stage's result when the tutor has evaluated it, null otherwise. */
export function evaluatedStageResult(session: TeachingSession, stage: StageId): StageResult | null {
  if (!session.stages[stage].evaluation) return null;
  if (!session.stageForm.stages.some(rubric => rubric.stage === stage)) return null;
  return stageResult(session, stage);
}

/** The most a stage can score on the session's own rubrics, whether or not it is evaluated yet. */
export function stageMax(session: TeachingSession, stage: StageId): number | null {
  const rubric = session.stageForm.stages.find(entry => entry.stage === stage);
  if (!rubric) return null;
  if (rubric.scoring === 'reportSheet') return session.reportSheet.total;
  return sum(criteriaFor(session.stageForm, stage, session.realTime).map(criterionMax));
}
