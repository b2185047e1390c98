import type { StageProgress } from '../labels/stageLabels';
import type { StageId } from '../rubric/rubricSchema';
import { stageResult } from '../scoring/stageResult';
import type { StageRecords, TeachingSession } from './session';

/**
 * Where a stage stands for the people in it: a draft (again, after a return), handed in, scored in
 * part or scored in full. `stages` defaults to the session's own; pass the signed ones to ask how a
 * stage stood when signed.
 */
export function stageProgress(session: TeachingSession, stage: StageId, stages: StageRecords = session.stages): StageProgress {
  const record = stages[stage];
  if (record.status === 'draft') return record.returns.length > 0 ? 'returned' : 'draft';
  if (record.status === 'submitted') return 'submitted';
  if (!session.stageForm.stages.some(rubric => rubric.stage === stage)) return 'inProgress';
  return stageResult({ ...session, stages }, stage).complete ? 'evaluated' : 'inProgress';
}
