import { z } from 'zod';
import { identifier, timestamp, trainingYear, type TrainingYear } from '../schema/common';

/** The resident's own preparation (guide 3.3), ticked before or during the session. */
export const PREPARATION_ITEMS = ['qualityStandard', 'writingNorms', 'examNorms', 'radiationProtection'] as const;
export type PreparationItem = (typeof PREPARATION_ITEMS)[number];

export const preparationChecklist = z.object(
  Object.fromEntries(PREPARATION_ITEMS.map(item => [item, z.boolean()])) as Record<PreparationItem, z.ZodBoolean>,
);
export type PreparationChecklist = z.infer<typeof preparationChecklist>;

/** A tutor's decision, with who, when and why. */
export const tutorDecision = z.object({ at: timestamp, by: identifier, reason: z.string().trim().min(1, 'a decision needs a reason') });
export type TutorDecision = z.infer<typeof tutorDecision>;

/** What the guide's section 3 asks for before the session starts. */
export const preparation = z.object({
  /**
   * The training year the case was prepared for (guide 3.1: 根据住院医师年资、能力选择合适的病例).
   * Unknown (null) for sessions recorded before the case's year was kept with the session.
   */
  caseTrainingYear: trainingYear.nullable(),
  /** The tutor chose the case for a resident of another year on purpose, and said why. */
  yearMismatchAccepted: tutorDecision.optional(),
  /** Real-time exams: when the patient was told of the teaching (须提前告知患者). */
  patientInformedAt: timestamp.optional(),
  checklist: preparationChecklist,
});
export type Preparation = z.infer<typeof preparation>;

/**
 * The case's training year against the resident's: unknown (a session recorded before the year was
 * kept), matching, differing with the tutor's reason, or differing and still open.
 */
export type YearCheck =
  | { result: 'unknown' | 'matches' }
  | { result: 'accepted'; caseYear: TrainingYear; decision: TutorDecision }
  | { result: 'open'; caseYear: TrainingYear };

export function yearCheck(session: { residentTrainingYear: TrainingYear; preparation: Preparation }): YearCheck {
  const { caseTrainingYear: caseYear, yearMismatchAccepted: decision } = session.preparation;
  if (caseYear === null) return { result: 'unknown' };
  if (caseYear === session.residentTrainingYear) return { result: 'matches' };
  return decision ? { result: 'accepted', caseYear, decision } : { result: 'open', caseYear };
}

export function emptyChecklist(): PreparationChecklist {
  return Object.fromEntries(PREPARATION_ITEMS.map(item => [item, false])) as PreparationChecklist;
}
