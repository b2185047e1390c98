import { STAGES } from '../rubric/rubricSchema';
import { validateReportSheet, validateStageForm } from '../rubric/validateRubricSet';
import { checkCriterionScore, checkSheetScores } from '../scoring/checkScore';
import { criteriaFor, stageRubricOf } from '../scoring/stageResult';
import { problem, type Problem } from '../schema/problem';
import type { TeachingSession } from './session';

/**
 * What the schema alone cannot see: rubrics that add up, evaluations that fit their stage's rubric
 * and a status that agrees with what is recorded. The rules keep every session they write
 * consistent; this guards records that come from elsewhere (an import, an old database).
 */
export function sessionProblems(session: TeachingSession): Problem[] {
  const form = validateStageForm(session.stageForm);
  const sheet = validateReportSheet(session.reportSheet);
  if (!form.ok || !sheet.ok) return [...(form.ok ? [] : form.problems), ...(sheet.ok ? [] : sheet.problems)];

  return STAGES.flatMap(stage => {
    const record = session.stages[stage];
    const found: Problem[] = [];
    if (record.status !== 'draft' && !record.submittedAt) {
      found.push(problem('session.noSubmittedAt', `环节 ${stage} 已提交但没有提交时间`, `Stage ${stage} is past draft but has no submission time`));
    }
    if ((record.status === 'evaluated') !== (record.evaluation !== undefined)) {
      found.push(problem('session.statusMismatch', `环节 ${stage} 的状态与评分记录不符`, `Stage ${stage}: its status does not match whether it has an evaluation`));
    }
    const evaluation = record.evaluation;
    if (!evaluation) return found;
    const scoring = stageRubricOf(session.stageForm, stage).scoring;
    if (evaluation.kind !== scoring) {
      return [...found, problem('session.wrongEvaluationKind', `环节 ${stage} 的评分方式与评分表不符`, `Stage ${stage} is not scored the way its rubric says`)];
    }
    if (evaluation.kind === 'reportSheet') return [...found, ...checkSheetScores(session.reportSheet, evaluation.sheet)];
    const criteria = new Map(criteriaFor(session.stageForm, stage, session.realTime).map(criterion => [criterion.id, criterion]));
    for (const [id, score] of Object.entries(evaluation.scores)) {
      const criterion = criteria.get(id);
      const issue = criterion
        ? checkCriterionScore(criterion, score, session.stageForm.step)
        : problem('session.unknownCriterion', `环节 ${stage} 没有评分标准“${id}”`, `Stage ${stage} has no criterion "${id}"`);
      if (issue) found.push(issue);
    }
    return found;
  }).concat(
    session.signOff && STAGES.some(stage => session.stages[stage].status !== 'evaluated')
      ? [problem('session.signedIncomplete', '已签署的活动存在未评分环节', 'A signed-off session has stages that are not evaluated')]
      : [],
  );
}
