import { criterionMax, type Criterion, type StageForm, type StageId, type StageRubric } from '../rubric/rubricSchema';
import type { CriteriaEvaluation } from '../session/evaluation';
import type { TeachingSession } from '../session/session';
import { sheetResult } from './sheetResult';
import { sum } from './numbers';

export function stageRubricOf(form: StageForm, stage: StageId): StageRubric {
  const found = form.stages.find(entry => entry.stage === stage);
  if (!found) throw new Error(`The stage form "${form.id}" has no stage ${stage}`);
  return found;
}

/** The criteria a stage is scored on; stage 4.2 of a real-time exam has its own. */
export function criteriaFor(form: StageForm, stage: StageId, realTime: boolean): Criterion[] {
  const rubric = stageRubricOf(form, stage);
  if (rubric.scoring !== 'criteria') return [];
  return realTime && rubric.realTimeCriteria ? rubric.realTimeCriteria : rubric.criteria;
}

export function criterionPoints(criterion: Criterion, score: number | string | undefined): number | undefined {
  if (score === undefined) return undefined;
  if (criterion.kind === 'points') return typeof score === 'number' ? score : undefined;
  return criterion.levels.find(level => level.id === score)?.points;
}

/** What a criterion earns: its score, its full marks when marked not applicable, nothing when unscored. */
export function criterionEarned(criterion: Criterion, evaluation: Pick<CriteriaEvaluation, 'scores' | 'notApplicable'> | undefined): number | undefined {
  if (evaluation?.notApplicable.includes(criterion.id)) return criterionMax(criterion);
  return criterionPoints(criterion, evaluation?.scores[criterion.id]);
}

export interface CriteriaResult {
  score: number;
  max: number;
  /** Criteria neither scored nor marked not applicable, in rubric order. */
  unscored: string[];
  /** Every criterion (or the whole sheet) is scored. */
  complete: boolean;
}

export interface StageResult extends CriteriaResult {
  stage: StageId;
}

export function criteriaResult(criteria: Criterion[], evaluation: Pick<CriteriaEvaluation, 'scores' | 'notApplicable'> | undefined): CriteriaResult {
  const earned = criteria.map(criterion => criterionEarned(criterion, evaluation));
  const unscored = criteria.filter((_, index) => earned[index] === undefined).map(criterion => criterion.id);
  return {
    score: sum(earned.map(value => value ?? 0)),
    max: sum(criteria.map(criterionMax)),
    unscored,
    complete: unscored.length === 0,
  };
}

/** A stage's score on the session's own rubrics; 4.5 scores the report quality sheet. */
export function stageResult(session: Pick<TeachingSession, 'stages' | 'stageForm' | 'reportSheet' | 'realTime'>, stage: StageId): StageResult {
  const evaluation = session.stages[stage].evaluation;
  const rubric = stageRubricOf(session.stageForm, stage);
  if (rubric.scoring === 'reportSheet') {
    const allItems = session.reportSheet.sections.flatMap(section => section.items.map(item => item.id));
    if (evaluation?.kind !== 'reportSheet') return { stage, score: 0, max: session.reportSheet.total, unscored: allItems, complete: false };
    const sheet = sheetResult(session.reportSheet, evaluation.sheet);
    return { stage, score: sheet.total, max: sheet.max, unscored: sheet.unscored, complete: sheet.complete };
  }
  const criteria = criteriaFor(session.stageForm, stage, session.realTime);
  const result = criteriaResult(criteria, evaluation?.kind === 'criteria' ? evaluation : undefined);
  return { stage, ...result };
}
