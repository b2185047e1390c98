import { STAGES, type StageId } from '../../rubric/rubricSchema';
import { stageWorkSchemas } from '../../session/stageWork';
import { accept, refuse } from '../outcome';
import { refusals } from '../refusals';
import type { CommandContext, HandlerResult } from './context';
import { residentGuard } from './guards';

function residentDraftGuard(context: CommandContext, stage: StageId): HandlerResult | undefined {
  const refused = residentGuard(context);
  if (refused) return refused;
  const status = context.session.stages[stage].status;
  if (status === 'submitted') return refuse(refusals.stageSubmitted(stage));
  if (status === 'evaluated') return refuse(refusals.stageEvaluated(stage));
  return undefined;
}

export function saveWork(context: CommandContext, stage: StageId, work: unknown): HandlerResult {
  const refused = residentDraftGuard(context, stage);
  if (refused) return refused;
  const parsed = stageWorkSchemas[stage].safeParse(work);
  if (!parsed.success) {
    const details = parsed.error.issues.map(issue => `${issue.path.join('.') || '(work)'}: ${issue.message}`).join('; ');
    return refuse(refusals.invalidWork(stage, details));
  }
  const { session } = context;
  return accept({ ...session, stages: { ...session.stages, [stage]: { ...session.stages[stage], work: parsed.data } } });
}

/** Stages are handed in in the guide's order: the report (4.5) is written after the other four. */
export function submitStage(context: CommandContext, stage: StageId): HandlerResult {
  const refused = residentDraftGuard(context, stage);
  if (refused) return refused;
  const { session, at } = context;
  const earlierOpen = STAGES.slice(0, STAGES.indexOf(stage)).find(earlier => session.stages[earlier].status === 'draft');
  if (earlierOpen) return refuse(refusals.earlierStageOpen(stage, earlierOpen));
  return accept({ ...session, stages: { ...session.stages, [stage]: { ...session.stages[stage], status: 'submitted', submittedAt: at } } });
}
