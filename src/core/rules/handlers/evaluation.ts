import { stageRubricOf, criteriaFor } from '../../scoring/stageResult';
import { checkCriterionScore, checkSheetScores } from '../../scoring/checkScore';
import type { StageId } from '../../rubric/rubricSchema';
import type { CriteriaEvaluation, ReportEvaluation } from '../../session/evaluation';
import type { TeachingSession } from '../../session/session';
import { accept, refuse, type Outcome } from '../outcome';
import { isTutorOf } from '../permissions';
import { refusals } from '../refusals';
import type { CriteriaEvaluationInput, ReportEvaluationInput } from '../sessionCommand';
import type { CommandContext, HandlerResult } from './context';

/** Tutor of the session, session not signed off: the common ground of every evaluation command. */
export function tutorGuard({ session, actor }: CommandContext): HandlerResult | undefined {
  if (!isTutorOf(actor, session)) return refuse(actor.role === 'admin' ? refusals.adminDoesNotScore() : refusals.tutorOnly());
  return undefined;
}

/** Checks an evaluation of a criteria stage against the session's own form and builds the record. */
export function criteriaEvaluationFor(
  session: TeachingSession,
  stage: StageId,
  input: CriteriaEvaluationInput,
  context: Pick<CommandContext, 'actor' | 'at'>,
): Outcome<CriteriaEvaluation> {
  if (stageRubricOf(session.stageForm, stage).scoring !== 'criteria') return refuse(refusals.wrongScoringForStage(stage));
  const criteria = new Map(criteriaFor(session.stageForm, stage, session.realTime).map(criterion => [criterion.id, criterion]));
  for (const id of [...Object.keys(input.scores), ...Object.keys(input.criterionRemarks)]) {
    if (!criteria.has(id)) return refuse(refusals.unknownCriterion(stage, id));
  }
  for (const [id, score] of Object.entries(input.scores)) {
    const problem = checkCriterionScore(criteria.get(id)!, score, session.stageForm.step);
    if (problem) return refuse(problem);
  }
  return accept({ kind: 'criteria', ...input, evaluatedAt: context.at, evaluatorId: context.actor.id });
}

export function reportEvaluationFor(
  session: TeachingSession,
  input: ReportEvaluationInput,
  context: Pick<CommandContext, 'actor' | 'at'>,
): Outcome<ReportEvaluation> {
  const [problem] = checkSheetScores(session.reportSheet, input.sheet);
  if (problem) return refuse(problem);
  return accept({ kind: 'reportSheet', ...input, evaluatedAt: context.at, evaluatorId: context.actor.id });
}

function evaluable(context: CommandContext, stage: StageId): HandlerResult | undefined {
  const status = context.session.stages[stage].status;
  return status === 'draft' ? refuse(refusals.stageNotSubmitted(stage, status)) : undefined;
}

function withEvaluation(session: TeachingSession, stage: StageId, evaluation: CriteriaEvaluation | ReportEvaluation): TeachingSession {
  return { ...session, stages: { ...session.stages, [stage]: { ...session.stages[stage], status: 'evaluated', evaluation } } };
}

export function evaluateStage(context: CommandContext, stage: StageId, input: CriteriaEvaluationInput): HandlerResult {
  const refused = tutorGuard(context) ?? evaluable(context, stage);
  if (refused) return refused;
  const evaluation = criteriaEvaluationFor(context.session, stage, input, context);
  return evaluation.ok ? accept(withEvaluation(context.session, stage, evaluation.value)) : evaluation;
}

export function evaluateReport(context: CommandContext, input: ReportEvaluationInput): HandlerResult {
  const refused = tutorGuard(context) ?? evaluable(context, '4.5');
  if (refused) return refused;
  const evaluation = reportEvaluationFor(context.session, input, context);
  return evaluation.ok ? accept(withEvaluation(context.session, '4.5', evaluation.value)) : evaluation;
}

/** Sends a submitted (not yet scored) stage back to the resident, with the tutor's reason as feedback. */
export function returnStage(context: CommandContext, stage: StageId, reason: string): HandlerResult {
  const refused = tutorGuard(context);
  if (refused) return refused;
  const { session } = context;
  const status = session.stages[stage].status;
  if (status !== 'submitted') return refuse(refusals.stageNotSubmitted(stage, status));
  if (!reason.trim()) return refuse(refusals.reasonRequired());
  const { submittedAt: _previous, ...record } = session.stages[stage];
  return accept({ ...session, stages: { ...session.stages, [stage]: { ...record, status: 'draft' } } });
}
