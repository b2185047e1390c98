import type { StageId } from '../rubric/rubricSchema';
import { criterionMax, type Criterion, type ReportSheet } from '../rubric/rubricSchema';
import { problem, type Problem } from '../schema/problem';
import type { CriterionScore, SheetScores } from '../session/evaluation';
import { isMultipleOf } from './numbers';

/** Whether a points value lies within 0…max in the rubric's step. */
function checkPoints(value: number, max: number, step: number, what: string, whatEn: string): Problem | undefined {
  if (!Number.isFinite(value)) return problem('score.notNumber', `${what}的分数必须是数字`, `The score of ${whatEn} must be a number`);
  if (value < 0 || value > max) {
    return problem('score.outOfRange', `${what}的分数须在 0 到 ${max} 之间，实际为 ${value}`, `The score of ${whatEn} must lie between 0 and ${max}; it is ${value}`);
  }
  if (!isMultipleOf(value, step)) {
    return problem('score.offStep', `${what}的分数须为 ${step} 的整数倍，实际为 ${value}`, `The score of ${whatEn} must be a multiple of ${step}; it is ${value}`);
  }
  return undefined;
}

export function checkCriterionScore(criterion: Criterion, score: CriterionScore, step: number): Problem | undefined {
  const name = `“${criterion.label.zh}”`;
  const nameEn = `"${criterion.label.en}"`;
  if (criterion.kind === 'levels') {
    if (typeof score === 'string' && criterion.levels.some(level => level.id === score)) return undefined;
    return problem(
      'score.unknownLevel',
      `${name}须从以下等级中选择：${criterion.levels.map(level => level.label.zh).join('、')}`,
      `${nameEn} takes one of its levels: ${criterion.levels.map(level => level.label.en).join(', ')}`,
    );
  }
  if (typeof score !== 'number') return problem('score.notNumber', `${name}的分数必须是数字`, `The score of ${nameEn} must be a number`);
  return checkPoints(score, criterionMax(criterion), step, name, nameEn);
}

interface Scorable {
  id: string;
  label: { zh: string; en: string };
  mayNotApply?: boolean | undefined;
}

/** A not-applicable mark must be allowed by the rubric and must not sit beside a score. */
function notApplicableProblems(marked: readonly string[], known: Map<string, Scorable>, scored: (id: string) => boolean, unknown: (id: string) => Problem): Problem[] {
  const problems: Problem[] = [];
  if (new Set(marked).size !== marked.length) problems.push(problem('score.repeatedNotApplicable', '同一项被标为“不适用”两次', 'The same entry is marked not applicable twice'));
  for (const id of new Set(marked)) {
    const entry = known.get(id);
    if (!entry) {
      problems.push(unknown(id));
    } else if (!entry.mayNotApply) {
      problems.push(
        problem('score.notApplicableNotAllowed', `“${entry.label.zh}”不能标为不适用，请评分`, `"${entry.label.en}" cannot be marked not applicable; give it a score`),
      );
    } else if (scored(id)) {
      problems.push(
        problem('score.scoredAndNotApplicable', `“${entry.label.zh}”既有评分又标为不适用，请二选一`, `"${entry.label.en}" is both scored and marked not applicable; choose one`),
      );
    }
  }
  return problems;
}

export const unknownCriterion = (stage: StageId, id: string) =>
  problem('input.unknownCriterion', `环节 ${stage} 的评分标准中没有“${id}”`, `Stage ${stage} has no criterion "${id}"`);

/** Every problem with an evaluation of a criteria stage: unknown criteria, scores out of range or step, misplaced not-applicable marks. */
export function checkCriteriaScores(
  stage: StageId,
  criteria: Criterion[],
  evaluation: { scores: Record<string, CriterionScore>; notApplicable: readonly string[]; criterionRemarks: Record<string, string> },
  step: number,
): Problem[] {
  const known = new Map(criteria.map(criterion => [criterion.id, criterion]));
  const problems: Problem[] = [];
  for (const id of new Set([...Object.keys(evaluation.scores), ...Object.keys(evaluation.criterionRemarks)])) {
    if (!known.has(id)) problems.push(unknownCriterion(stage, id));
  }
  for (const [id, score] of Object.entries(evaluation.scores)) {
    const criterion = known.get(id);
    const found = criterion && checkCriterionScore(criterion, score, step);
    if (found) problems.push(found);
  }
  problems.push(...notApplicableProblems(evaluation.notApplicable, known, id => id in evaluation.scores, id => unknownCriterion(stage, id)));
  return problems;
}

const unknownItem = (id: string) => problem('sheet.unknownItem', `评分表中没有条目“${id}”`, `The sheet has no item "${id}"`);

/** Every problem with a filled-in report sheet: unknown items or vetoes, scores out of range or step, misplaced not-applicable marks. */
export function checkSheetScores(sheet: ReportSheet, scores: SheetScores): Problem[] {
  const problems: Problem[] = [];
  const items = new Map(sheet.sections.flatMap(section => section.items).map(item => [item.id, item]));
  for (const [id, value] of Object.entries(scores.items)) {
    const item = items.get(id);
    if (!item) {
      problems.push(unknownItem(id));
      continue;
    }
    const found = checkPoints(value, item.points, sheet.step, `“${item.label.zh}”`, `"${item.label.en}"`);
    if (found) problems.push(found);
  }
  for (const id of Object.keys(scores.itemRemarks)) {
    if (!items.has(id)) problems.push(unknownItem(id));
  }
  problems.push(...notApplicableProblems(scores.notApplicable, items, id => id in scores.items, unknownItem));
  const vetoes = new Set(sheet.vetoes.map(veto => veto.id));
  for (const id of scores.vetoes) {
    if (!vetoes.has(id)) problems.push(problem('sheet.unknownVeto', `评分表中没有否决项“${id}”`, `The sheet has no veto item "${id}"`));
  }
  if (new Set(scores.vetoes).size !== scores.vetoes.length) {
    problems.push(problem('sheet.repeatedVeto', '同一否决项被勾选了两次', 'A veto item is ticked twice'));
  }
  return problems;
}
