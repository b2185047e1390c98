import { diffChanges } from '../changes';
import { accept, refuse } from '../outcome';
import { refusals } from '../refusals';
import { scoringGaps } from '../../scoring/scoringGaps';
import type { SessionCommand } from '../sessionCommand';
import type { CommandContext, HandlerResult } from './context';
import { criteriaEvaluationFor, reportEvaluationFor } from './evaluation';
import { tutorGuard } from './guards';

type Amend = Extract<SessionCommand, { type: 'amend' }>;

/**
 * The only way to change a signed-off session: the tutor replaces an evaluation and says why. The
 * signed original stays in `signOff`, the amendment records exactly what changed, and the session
 * must stay as fully scored as sign-off required.
 */
export function amend(context: CommandContext, command: Amend, amendmentId: string): HandlerResult {
  const refused = tutorGuard(context);
  if (refused) return refused;
  const { session, actor, at } = context;
  if (!session.signOff) return refuse(refusals.notSignedOff());
  if (!command.reason.trim()) return refuse(refusals.reasonRequired());
  const { amendment } = command;
  const stage = amendment.target === 'stage' ? amendment.stage : '4.5';
  const evaluation =
    amendment.target === 'stage'
      ? criteriaEvaluationFor(session, amendment.stage, amendment.evaluation, context)
      : reportEvaluationFor(session, amendment.evaluation, context);
  if (!evaluation.ok) return evaluation;
  const before = session.stages[stage];
  const stages = { ...session.stages, [stage]: { ...before, evaluation: evaluation.value } };
  const gaps = scoringGaps(session, stages);
  if (gaps.length > 0) return refuse(refusals.amendmentIncomplete(gaps));
  const changes = diffChanges(before.evaluation, evaluation.value, ['stages', stage, 'evaluation']);
  return accept({ ...session, stages, amendments: [...session.amendments, { id: amendmentId, at, by: actor.id, reason: command.reason.trim(), changes }] });
}
