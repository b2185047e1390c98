import { STAGES, type StageId } from '../rubric/rubricSchema';
import { validateReportSheet, validateStageForm } from '../rubric/validateRubricSet';
import { checkCriteriaScores, checkSheetScores } from '../scoring/checkScore';
import { scoringGaps } from '../scoring/scoringGaps';
import { criteriaFor, stageRubricOf } from '../scoring/stageResult';
import { problem, type Problem } from '../schema/problem';
import type { StageEvaluation } from './evaluation';
import type { TeachingSession } from './session';

/** An evaluation (current, or kept with a return) checked against its stage's rubric. */
function evaluationProblems(session: TeachingSession, stage: StageId, evaluation: StageEvaluation): Problem[] {
  const scoring = stageRubricOf(session.stageForm, stage).scoring;
  if (evaluation.kind !== scoring) {
    return [problem('session.wrongEvaluationKind', `环节 ${stage} 的评分方式与评分表不符`, `Stage ${stage} is not scored the way its rubric says`)];
  }
  if (evaluation.kind === 'reportSheet') return checkSheetScores(session.reportSheet, evaluation.sheet);
  return checkCriteriaScores(stage, criteriaFor(session.stageForm, stage, session.realTime), evaluation, session.stageForm.step);
}

function stageProblems(session: TeachingSession, stage: StageId): Problem[] {
  const record = session.stages[stage];
  const found: Problem[] = [];
  if (record.status !== 'draft' && !record.submittedAt) {
    found.push(problem('session.noSubmittedAt', `环节 ${stage} 已提交但没有提交时间`, `Stage ${stage} is past draft but has no submission time`));
  }
  if ((record.status === 'evaluated') !== (record.evaluation !== undefined)) {
    found.push(problem('session.statusMismatch', `环节 ${stage} 的状态与评分记录不符`, `Stage ${stage}: its status does not match whether it has an evaluation`));
  }
  const ids = record.questions.map(question => question.id);
  if (new Set(ids).size !== ids.length) found.push(problem('session.repeatedQuestion', `环节 ${stage} 有重复编号的提问`, `Stage ${stage} has two questions with one id`));
  if (record.questions.some(question => (question.answeredAt === undefined) !== (question.answeredBy === undefined))) {
    found.push(problem('session.halfAnswered', `环节 ${stage} 有提问的回答缺少回答人或时间`, `Stage ${stage} has an answer without its author or time`));
  }
  const evaluations = [...(record.evaluation ? [record.evaluation] : []), ...record.returns.flatMap(entry => (entry.evaluation ? [entry.evaluation] : []))];
  return [...found, ...evaluations.flatMap(evaluation => evaluationProblems(session, stage, evaluation))];
}

/**
 * What the schema alone cannot see: rubrics that add up, evaluations that fit their stage's rubric,
 * a status that agrees with what is recorded, and a signed session scored in full. The rules keep
 * every session they write consistent; this guards records that come from elsewhere (an import, an
 * old database).
 */
export function sessionProblems(session: TeachingSession): Problem[] {
  const form = validateStageForm(session.stageForm);
  const sheet = validateReportSheet(session.reportSheet);
  if (!form.ok || !sheet.ok) return [...(form.ok ? [] : form.problems), ...(sheet.ok ? [] : sheet.problems)];
  const found = STAGES.flatMap(stage => stageProblems(session, stage));
  // Sign-off requires every stage scored in full; a record that says otherwise was not written by these rules.
  if (session.signOff && (scoringGaps(session).length > 0 || scoringGaps(session, session.signOff.stages).length > 0)) {
    found.push(problem('session.signedIncomplete', '已签署的活动存在未评完的环节', 'A signed-off session has stages that are not fully scored'));
  }
  return found;
}
