import { z } from 'zod';
import { reportSheet, stageForm, STAGES, type StageId } from '../rubric/rubricSchema';
import { identifier, timestamp, trainingYear } from '../schema/common';
import { preparation } from './preparation';
import { stageRecords, type StageRecords } from './stageRecord';

export { STAGE_STATUSES, stageStatus, stageRecords, tutorQuestion, type StageStatus, type StageRecords, type TutorQuestion } from './stageRecord';

export const SESSION_SCHEMA_VERSION = 2;

export type StageRecord<S extends StageId = StageId> = StageRecords[S];
export type StageReturn<S extends StageId = StageId> = StageRecord<S>['returns'][number];

/** When and where the session is planned (guide 3.2: place, time and disease told in advance). */
export const schedule = z.object({
  plannedAt: timestamp,
  place: z.string(),
  /** When the resident was told of this time and place; a new time or place needs a new notice. */
  residentNotifiedAt: timestamp.optional(),
});
export type Schedule = z.infer<typeof schedule>;

/** The session clock: running intervals; the session's length is their sum. */
export const timer = z.object({
  intervals: z.array(z.object({ start: timestamp, end: timestamp.optional() })),
  endedAt: timestamp.optional(),
});
export type Timer = z.infer<typeof timer>;

/** What was signed: kept as it was, however the session is amended later. */
export const signOff = z.object({
  at: timestamp,
  by: identifier,
  stages: stageRecords,
});
export type SignOff = z.infer<typeof signOff>;

export const change = z.object({
  /** Where in the session, e.g. ["stages", "4.3", "evaluation", "scores", "signs"]. */
  path: z.array(z.string()),
  // Absent where there was no value (a score given for the first time, or taken away); JSON has
  // no undefined, so the key is simply left out.
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type Change = z.infer<typeof change>;

export const amendment = z.object({
  id: identifier,
  at: timestamp,
  by: identifier,
  reason: z.string().trim().min(1, 'an amendment needs a reason'),
  changes: z.array(change),
});
export type Amendment = z.infer<typeof amendment>;

/** One teaching session: one tutor, one resident, one case, five stages. */
export const teachingSession = z.object({
  schemaVersion: z.literal(SESSION_SCHEMA_VERSION),
  id: identifier,
  caseId: identifier,
  residentId: identifier,
  /** The resident's year when the session took place; it is scored against that year. */
  residentTrainingYear: trainingYear,
  tutorId: identifier,
  /** Copies of the rubrics it is scored on, so later edits to a department's rubrics leave it as it was. */
  stageForm,
  reportSheet,
  /** Whether stage 4.2 uses the real-time criteria (copied from the case). */
  realTime: z.boolean(),
  schedule,
  preparation,
  timer,
  stages: stageRecords,
  signOff: signOff.optional(),
  amendments: z.array(amendment),
  createdAt: timestamp,
});
export type TeachingSession = z.infer<typeof teachingSession>;

export { STAGES };
