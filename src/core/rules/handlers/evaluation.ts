import { checkCriteriaScores, checkSheetScores } from '../../scoring/checkScore';
import { criteriaFor, stageRubricOf } from '../../scoring/stageResult';
import type { StageId } from '../../rubric/rubricSchema';
import type { CriteriaEvaluation, ReportEvaluation, StageEvaluation } from '../../session/evaluation';
import type { StageReturn, TeachingSession } from '../../session/session';
import { accept, refuse, type Outcome } from '../outcome';
import { refusals } from '../refusals';
import type { CriteriaEvaluationInput, ReportEvaluationInput } from '../sessionCommand';
import type { CommandContext, HandlerResult } from './context';
import { tutorGuard } from './guards';

/** Checks an evaluation of a criteria stage against the session's own form and builds the record. */
export function criteriaEvaluationFor(
  session: TeachingSession,
  stage: StageId,
  input: CriteriaEvaluationInput,
  context: Pick<CommandContext, 'actor' | 'at'>,
): Outcome<CriteriaEvaluation> {
  if (stageRubricOf(session.stageForm, stage).scoring !== 'criteria') return refuse(refusals.wrongScoringForStage(stage));
  const [problem] = checkCriteriaScores(stage, criteriaFor(session.stageForm, stage, session.realTime), input, session.stageForm.step);
  if (problem) return refuse(problem);
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
  return context.session.stages[stage].status === 'draft' ? refuse(refusals.notSubmittedYet(stage)) : undefined;
}

function withEvaluation(session: TeachingSession, stage: StageId, evaluation: StageEvaluation): TeachingSession {
  return { ...session, stages: { ...session.stages, [stage]: { ...session.stages[stage], status: 'evaluated', evaluation } } };
}

/** Scores a submitted stage, or rescores it: until sign-off the tutor may change an evaluation freely. */
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

/**
 * Sends a submitted stage back to the resident for revision, scored or not. The stage returns to
 * draft; what was handed in and the evaluation it had are kept on the stage with the reason, so the
 * resident sees why and the tutor can set the new evaluation beside the earlier one.
 */
export function returnStage(context: CommandContext, stage: StageId, reason: string): HandlerResult {
  const refused = tutorGuard(context);
  if (refused) return refused;
  const { session, actor, at } = context;
  const { submittedAt, evaluation, ...record } = session.stages[stage];
  if (record.status === 'draft') return refuse(refusals.nothingToReturn(stage));
  if (!reason.trim()) return refuse(refusals.reasonRequired());
  const returned = { at, by: actor.id, reason: reason.trim(), submittedAt: submittedAt ?? at, work: record.work, ...(evaluation ? { evaluation } : {}) } as StageReturn;
  return accept({ ...session, stages: { ...session.stages, [stage]: { ...record, status: 'draft', returns: [...record.returns, returned] } } });
}
