import { criterionMax, type Criterion, type ReportSheet } from '../rubric/rubricSchema';
import { bothLabels, problem, type Problem } from '../schema/problem';
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
    const choices = criterion.levels.map(level => bothLabels(level.label));
    return problem('score.unknownLevel', `${name}须从以下等级中选择：${choices.join('、')}`, `${nameEn} takes one of its levels: ${choices.join(', ')}`);
  }
  if (typeof score !== 'number') return problem('score.notNumber', `${name}的分数必须是数字`, `The score of ${nameEn} must be a number`);
  return checkPoints(score, criterionMax(criterion), step, name, nameEn);
}

/** Every problem with a filled-in report sheet: unknown items or vetoes, and scores out of range or step. */
export function checkSheetScores(sheet: ReportSheet, scores: SheetScores): Problem[] {
  const problems: Problem[] = [];
  const items = new Map(sheet.sections.flatMap(section => section.items).map(item => [item.id, item]));
  for (const [id, value] of Object.entries(scores.items)) {
    const item = items.get(id);
    if (!item) {
      problems.push(problem('sheet.unknownItem', `评分表中没有条目“${id}”`, `The sheet has no item "${id}"`));
      continue;
    }
    const found = checkPoints(value, item.points, sheet.step, `“${item.label.zh}”`, `"${item.label.en}"`);
    if (found) problems.push(found);
  }
  for (const id of Object.keys(scores.itemRemarks)) {
    if (!items.has(id)) problems.push(problem('sheet.unknownItem', `评分表中没有条目“${id}”`, `The sheet has no item "${id}"`));
  }
  const vetoes = new Set(sheet.vetoes.map(veto => veto.id));
  for (const id of scores.vetoes) {
    if (!vetoes.has(id)) problems.push(problem('sheet.unknownVeto', `评分表中没有否决项“${id}”`, `The sheet has no veto item "${id}"`));
  }
  if (new Set(scores.vetoes).size !== scores.vetoes.length) {
    problems.push(problem('sheet.repeatedVeto', '同一否决项被勾选了两次', 'A veto item is ticked twice'));
  }
  return problems;
}
