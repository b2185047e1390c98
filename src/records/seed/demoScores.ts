import { criterionMax, type Criterion, type StageId } from '../../core/rubric/rubricSchema';
import type { CriteriaEvaluationInput, ReportEvaluationInput } from '../../core/rules/sessionCommand';
import { roundScore } from '../../core/scoring/numbers';
import { criteriaFor } from '../../core/scoring/stageResult';
import type { TeachingSession } from '../../core/session/session';

/** What a tutor writes beside the scores of a stage (记录、反馈与指导). */
export interface TutorNotes {
  remark: string;
  feedback: string;
  guidance: string;
}

// A resident is rarely equally good at everything a stage asks: scores around the stage's level
// spread up and down by criterion, so the demo's figures look like a tutor's and not like a formula.
const SPREAD = [0.08, -0.12, 0.03, -0.06, 0.1, -0.18, 0];

function share(quality: number, index: number): number {
  return Math.min(1, Math.max(0, quality + SPREAD[index % SPREAD.length]!));
}

/** `max × share`, on the rubric's step. */
function pointsAt(max: number, step: number, fraction: number): number {
  return roundScore(Math.round((max * fraction) / step) * step);
}

function criterionScoreAt(criterion: Criterion, step: number, fraction: number): number | string {
  if (criterion.kind === 'points') return pointsAt(criterion.max, step, fraction);
  const target = criterionMax(criterion) * fraction;
  return [...criterion.levels].sort((a, b) => Math.abs(a.points - target) - Math.abs(b.points - target))[0]!.id;
}

/**
 * A stage 4.1–4.4 scored at about `quality` (0–1) of each criterion, on the session's own rubric,
 * with the criteria in `notApplicable` marked so instead.
 */
export function criteriaEvaluationAt(session: TeachingSession, stage: StageId, quality: number, notApplicable: string[], notes: TutorNotes): CriteriaEvaluationInput {
  const scored = criteriaFor(session.stageForm, stage, session.realTime).filter(criterion => !notApplicable.includes(criterion.id));
  const scores = Object.fromEntries(scored.map((criterion, index) => [criterion.id, criterionScoreAt(criterion, session.stageForm.step, share(quality, index))]));
  return { scores, notApplicable, criterionRemarks: {}, ...notes };
}

/** The report sheet filled in at about `quality` of every item, on an award or a deduct sheet alike. */
export function reportEvaluationAt(session: TeachingSession, quality: number, notApplicable: string[], mainProblems: string, notes: TutorNotes): ReportEvaluationInput {
  const sheet = session.reportSheet;
  const items = sheet.sections.flatMap(section => section.items).filter(item => !notApplicable.includes(item.id));
  const entered = items.map((item, index) => {
    const earned = pointsAt(item.points, sheet.step, share(quality, index));
    return [item.id, sheet.scoring === 'deduct' ? roundScore(item.points - earned) : earned];
  });
  return { sheet: { items: Object.fromEntries(entered), notApplicable, itemRemarks: {}, vetoes: [], mainProblems }, ...notes };
}
