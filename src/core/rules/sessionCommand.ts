import { z } from 'zod';
import { stageId } from '../rubric/rubricSchema';
import { sheetScores } from '../session/evaluation';
import { preparationChecklist } from '../session/preparation';
import { schedule } from '../session/session';
import { identifier, timestamp } from '../schema/common';

const notes = { remark: z.string(), feedback: z.string(), guidance: z.string() };

// Scores are only checked for type here: whether one lies within its criterion's range and step is
// a rule about the session's rubric, and `applyCommand` says so in the rubric's own words.
const enteredScore = z.union([z.number(), identifier]);

/** Criteria or items marked not applicable; left out, none are. */
const notApplicable = z.array(identifier).default([]);

/** The tutor's evaluation of a criteria-scored stage (4.1–4.4), as entered. */
export const criteriaEvaluationInput = z.object({
  scores: z.record(identifier, enteredScore),
  notApplicable,
  criterionRemarks: z.record(identifier, z.string()),
  ...notes,
});
export type CriteriaEvaluationInput = z.infer<typeof criteriaEvaluationInput>;

/** The tutor's evaluation of stage 4.5: the report quality sheet and the notes. */
export const reportEvaluationInput = z.object({ sheet: sheetScores.extend({ items: z.record(identifier, z.number()), notApplicable }), ...notes });
export type ReportEvaluationInput = z.infer<typeof reportEvaluationInput>;

const questionRef = { stage: stageId, questionId: identifier };

/**
 * Everything anyone can do to a session. Each is checked against who is doing it and the session's
 * state by `applyCommand`; the same schema validates requests at the HTTP edge.
 */
export const sessionCommand = z.discriminatedUnion('type', [
  /** Resident: replace the work of a stage still in draft (validated against that stage's schema). */
  z.object({ type: z.literal('saveWork'), stage: stageId, work: z.unknown() }),
  z.object({ type: z.literal('submitStage'), stage: stageId }),
  /** Tutor: send a submitted or scored stage back to the resident for revision. */
  z.object({ type: z.literal('returnStage'), stage: stageId, reason: z.string() }),
  z.object({ type: z.literal('evaluateStage'), stage: stageId, evaluation: criteriaEvaluationInput }),
  z.object({ type: z.literal('evaluateReport'), evaluation: reportEvaluationInput }),
  /** Tutor: a question asked in a stage (a new id asks, a known one rewords). */
  z.object({ type: z.literal('askQuestion'), ...questionRef, question: z.string() }),
  /** Resident or tutor: how the resident answered. */
  z.object({ type: z.literal('answerQuestion'), ...questionRef, answer: z.string() }),
  z.object({ type: z.literal('removeQuestion'), ...questionRef }),
  z.object({ type: z.literal('startClock') }),
  z.object({ type: z.literal('pauseClock') }),
  z.object({ type: z.literal('resumeClock') }),
  z.object({ type: z.literal('endClock') }),
  /** Tutor or administrator, before the session starts. */
  z.object({ type: z.literal('reschedule'), schedule: schedule.pick({ plannedAt: true, place: true }) }),
  z.object({ type: z.literal('notifyResident') }),
  /** Real-time exams: the patient was told; `informedAt` when it was earlier than now. */
  z.object({ type: z.literal('recordPatientInformed'), informedAt: timestamp.optional() }),
  /** Tutor: the case's training year differs from the resident's, on purpose. */
  z.object({ type: z.literal('acceptYearMismatch'), reason: z.string() }),
  /** Resident: their preparation checklist (guide 3.3). */
  z.object({ type: z.literal('savePreparation'), checklist: preparationChecklist }),
  z.object({ type: z.literal('signOff') }),
  /** Tutor, after sign-off: change an evaluation, saying why; the signed original stays. */
  z.object({
    type: z.literal('amend'),
    reason: z.string(),
    amendment: z.discriminatedUnion('target', [
      z.object({ target: z.literal('stage'), stage: stageId, evaluation: criteriaEvaluationInput }),
      z.object({ target: z.literal('report'), evaluation: reportEvaluationInput }),
    ]),
  }),
]);
export type SessionCommand = z.infer<typeof sessionCommand>;
export type SessionCommandType = SessionCommand['type'];
