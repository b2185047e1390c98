import { z } from 'zod';
import { identifier, timestamp } from '../schema/common';
import { stageEvaluation } from './evaluation';
import { stageWorkSchemas } from './stageWork';

export const STAGE_STATUSES = ['draft', 'submitted', 'evaluated'] as const;
export const stageStatus = z.enum(STAGE_STATUSES);
export type StageStatus = z.infer<typeof stageStatus>;

/**
 * A question the tutor asked during the stage (指导医师根据需要进行提问) and how the resident answered.
 * The tutor writes the question; the answer is typed by the resident, or noted by the tutor when
 * they sit together, and says who.
 */
export const tutorQuestion = z.object({
  id: identifier,
  question: z.string().trim().min(1, 'a question needs its text'),
  askedAt: timestamp,
  askedBy: identifier,
  answer: z.string(),
  answeredAt: timestamp.optional(),
  answeredBy: identifier.optional(),
});
export type TutorQuestion = z.infer<typeof tutorQuestion>;

/**
 * One time the tutor sent the stage back: when, by whom, why, the work as it had been handed in and
 * the evaluation it had by then, kept to be shown beside the new one.
 */
function stageReturn<T extends z.ZodType>(work: T) {
  return z.object({
    at: timestamp,
    by: identifier,
    reason: z.string().trim().min(1, 'a return needs a reason'),
    submittedAt: timestamp,
    work,
    evaluation: stageEvaluation.optional(),
  });
}

function stageRecord<T extends z.ZodType>(work: T) {
  return z.object({
    status: stageStatus,
    work,
    submittedAt: timestamp.optional(),
    evaluation: stageEvaluation.optional(),
    /** Earliest first. */
    returns: z.array(stageReturn(work)),
    questions: z.array(tutorQuestion),
  });
}

export const stageRecords = z.object({
  '4.1': stageRecord(stageWorkSchemas['4.1']),
  '4.2': stageRecord(stageWorkSchemas['4.2']),
  '4.3': stageRecord(stageWorkSchemas['4.3']),
  '4.4': stageRecord(stageWorkSchemas['4.4']),
  '4.5': stageRecord(stageWorkSchemas['4.5']),
});
export type StageRecords = z.infer<typeof stageRecords>;
