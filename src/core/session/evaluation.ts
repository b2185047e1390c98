import { z } from 'zod';
import { identifier, points, timestamp } from '../schema/common';

/** A criterion's score: points, or the id of the chosen level. */
export const criterionScore = z.union([points, identifier]);
export type CriterionScore = z.infer<typeof criterionScore>;

/** The tutor's written part of every stage evaluation (评分、记录、反馈与指导). */
const tutorNotes = {
  remark: z.string(),
  feedback: z.string(),
  guidance: z.string(),
};

/**
 * Criteria the tutor marked as not applying to this case (no tumour to stage, no prior to compare
 * with); only criteria the rubric allows it for, and they earn full marks.
 */
const notApplicable = z.array(identifier);

/** The tutor's evaluation of stages 4.1–4.4 on the stage evaluation form. */
export const criteriaEvaluation = z.object({
  kind: z.literal('criteria'),
  scores: z.record(identifier, criterionScore),
  notApplicable,
  criterionRemarks: z.record(identifier, z.string()),
  ...tutorNotes,
  evaluatedAt: timestamp,
  evaluatorId: identifier,
});
export type CriteriaEvaluation = z.infer<typeof criteriaEvaluation>;

/** The report quality sheet as the tutor fills it in for stage 4.5. */
export const sheetScores = z.object({
  /**
   * Points given per item (`award` sheets) or taken off per item (`deduct` sheets). On either, an
   * item without an entry is not scored yet: on a deduct sheet the tutor enters 0 for "nothing off".
   */
  items: z.record(identifier, points),
  notApplicable,
  itemRemarks: z.record(identifier, z.string()),
  vetoes: z.array(identifier),
  mainProblems: z.string(),
});
export type SheetScores = z.infer<typeof sheetScores>;

export const reportEvaluation = z.object({
  kind: z.literal('reportSheet'),
  sheet: sheetScores,
  ...tutorNotes,
  evaluatedAt: timestamp,
  evaluatorId: identifier,
});
export type ReportEvaluation = z.infer<typeof reportEvaluation>;

export const stageEvaluation = z.discriminatedUnion('kind', [criteriaEvaluation, reportEvaluation]);
export type StageEvaluation = z.infer<typeof stageEvaluation>;
