import type { StageId } from '../../../src/core/rubric/rubricSchema';
import type { CriteriaEvaluationInput } from '../../../src/core/rules/sessionCommand';
import type { SessionView } from '../../../src/records/api/sessions';

export const NO_EVALUATION: CriteriaEvaluationInput = { scores: {}, notApplicable: [], criterionRemarks: {}, remark: '', feedback: '', guidance: '' };

/** The tutor's scores of a stage as they stand on screen: what is on its way, else what the server holds. */
export function currentEvaluation(record: SessionView, pending: CriteriaEvaluationInput | undefined, stage: StageId): CriteriaEvaluationInput {
  if (pending) return pending;
  const stored = record.session.stages[stage].evaluation;
  if (stored?.kind !== 'criteria') return NO_EVALUATION;
  return { scores: stored.scores, notApplicable: stored.notApplicable, criterionRemarks: stored.criterionRemarks, remark: stored.remark, feedback: stored.feedback, guidance: stored.guidance };
}
