import type { ReportSheet, StageForm } from '../rubric/rubricSchema';
import { validateReportSheet, validateStageForm } from '../rubric/validateRubricSet';
import type { TrainingYear } from '../schema/common';
import { emptyChecklist } from './preparation';
import { emptyWork } from './stageWork';
import { SESSION_SCHEMA_VERSION, type Schedule, type StageRecords, type TeachingSession } from './session';
import type { TeachingCase } from './teachingCase';

export interface NewSession {
  id: string;
  teachingCase: Pick<TeachingCase, 'id' | 'realTime' | 'trainingYear'>;
  resident: { id: string; trainingYear: TrainingYear };
  tutorId: string;
  stageForm: StageForm;
  reportSheet: ReportSheet;
  schedule: Schedule;
  createdAt: string;
}

/**
 * A scheduled session with every stage an empty draft and the clock not started. The rubrics must
 * be valid (a department's are checked when saved); scoring on broken ones would be meaningless. A
 * case prepared for another year than the resident's is allowed, and the session cannot start until
 * the tutor confirms that choice with a reason (see `preparationChecks`).
 */
export function createSession(input: NewSession): TeachingSession {
  const problems = [validateStageForm(input.stageForm), validateReportSheet(input.reportSheet)].flatMap(result => (result.ok ? [] : result.problems));
  if (problems.length) throw new Error(`Cannot create session ${input.id} on invalid rubrics: ${problems.map(entry => entry.message.en).join('; ')}`);
  const work = emptyWork();
  const stages = Object.fromEntries(
    (Object.keys(work) as Array<keyof typeof work>).map(stage => [stage, { status: 'draft', work: work[stage], returns: [], questions: [] }]),
  ) as unknown as StageRecords;
  return {
    schemaVersion: SESSION_SCHEMA_VERSION,
    id: input.id,
    caseId: input.teachingCase.id,
    residentId: input.resident.id,
    residentTrainingYear: input.resident.trainingYear,
    tutorId: input.tutorId,
    stageForm: structuredClone(input.stageForm),
    reportSheet: structuredClone(input.reportSheet),
    realTime: input.teachingCase.realTime,
    schedule: input.schedule,
    preparation: { caseTrainingYear: input.teachingCase.trainingYear, checklist: emptyChecklist() },
    timer: { intervals: [] },
    stages,
    amendments: [],
    createdAt: input.createdAt,
  };
}
