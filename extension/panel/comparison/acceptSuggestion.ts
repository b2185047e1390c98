import type { SignScoreSuggestion } from '../../../src/core/comparison/signComparison';
import type { Criterion } from '../../../src/core/rubric/rubricSchema';
import type { CriteriaEvaluationInput } from '../../../src/core/rules/sessionCommand';
import { criterionPoints } from '../../../src/core/scoring/stageResult';

/**
 * The score a suggestion gives a criterion in the rubric's own terms: points as they are (within
 * the criterion's range), a level criterion the level worth those points; undefined when the rubric
 * has no such score, so the tutor scores it themselves.
 */
export function suggestedScore(criterion: Criterion, points: number | undefined): number | string | undefined {
  if (points === undefined) return undefined;
  if (criterion.kind === 'points') return points >= 0 && points <= criterion.max ? points : undefined;
  return criterion.levels.find(level => level.points === points)?.id;
}

/**
 * The tutor's 4.3 scores with the suggestion taken in: every criterion it has a score for, except
 * those the tutor marked not applicable; remarks, notes and the other criteria stay as they were.
 */
export function acceptSuggestion(criteria: readonly Criterion[], evaluation: CriteriaEvaluationInput, suggestion: SignScoreSuggestion): CriteriaEvaluationInput {
  const scores = { ...evaluation.scores };
  for (const criterion of criteria) {
    if (evaluation.notApplicable.includes(criterion.id)) continue;
    const score = suggestedScore(criterion, suggestion.scores[criterion.id]);
    if (score !== undefined) scores[criterion.id] = score;
  }
  return { ...evaluation, scores };
}

/** The points the tutor gave a criterion, for "suggested X, given Y"; undefined while unscored. */
export function givenPoints(criterion: Criterion, evaluation: CriteriaEvaluationInput): number | undefined {
  return criterionPoints(criterion, evaluation.scores[criterion.id]);
}
