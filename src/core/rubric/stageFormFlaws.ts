import { sum } from '../scoring/numbers';
import { duplicateIds } from './duplicateIds';
import { offStep } from './offStep';
import type { RubricFlaw, RubricPath } from './rubricFlaw';
import { criterionMax, STAGES, type Criterion, type StageForm, type StageRubric } from './rubricSchema';

const REPORT_STAGE = STAGES[STAGES.length - 1];
const MAXIMUM = { zh: '满分', en: 'maximum' };
const POINTS = { zh: '分值', en: 'points' };
const TOTAL = { zh: '总分', en: 'total' };

/** Exactly 4.1–4.5, once each, in the guide's order: a session walks through them in that order. */
function stageListFlaws(form: StageForm): RubricFlaw[] {
  const flaws: RubricFlaw[] = [];
  const listed = form.stages.map(rubric => rubric.stage);
  for (const stage of STAGES) {
    const entries = listed.flatMap((entry, index) => (entry === stage ? [index + 1] : []));
    if (entries.length === 0) {
      flaws.push({
        code: 'rubric.missingStage',
        path: [],
        message: ({ place }) => ({ zh: `${place.zh}缺少环节 ${stage}。`, en: `${place.en} has no stage ${stage}.` }),
      });
    }
    if (entries.length > 1) {
      flaws.push({
        code: 'rubric.repeatedStage',
        path: [],
        message: ({ place }) => ({
          zh: `${place.zh}：环节 ${stage} 出现了 ${entries.length} 次（第 ${entries.join('、')} 项），每个环节只能出现一次。`,
          en: `${place.en}: stage ${stage} appears ${entries.length} times (entries ${entries.join(', ')}); each stage appears once.`,
        }),
      });
    }
  }
  const firstOccurrences = listed.filter((stage, index) => listed.indexOf(stage) === index);
  const inOrder = firstOccurrences.every((stage, index) => index === 0 || STAGES.indexOf(firstOccurrences[index - 1]!) < STAGES.indexOf(stage));
  if (!inOrder) {
    flaws.push({
      code: 'rubric.stageOrder',
      path: [],
      message: ({ place }) => ({
        zh: `${place.zh}：环节须按 ${STAGES.join('、')} 的顺序排列，现为 ${listed.join('、')}。`,
        en: `${place.en}: the stages must come in the order ${STAGES.join(', ')}; they come as ${listed.join(', ')}.`,
      }),
    });
  }
  return flaws;
}

/** Stage 4.5 is the report, scored on the report sheet; the others have criteria of their own. */
function scoringFlaw(rubric: StageRubric, path: RubricPath): RubricFlaw[] {
  if (rubric.stage === REPORT_STAGE && rubric.scoring !== 'reportSheet') {
    return [
      {
        code: 'rubric.reportStageScoring',
        path,
        message: ({ place }) => ({
          zh: `${place.zh}须以报告评分表评分（scoring 为“reportSheet”）。`,
          en: `${place.en} must be scored on the report sheet (scoring “reportSheet”).`,
        }),
      },
    ];
  }
  if (rubric.stage !== REPORT_STAGE && rubric.scoring === 'reportSheet') {
    return [
      {
        code: 'rubric.criteriaStageScoring',
        path,
        message: ({ place }) => ({
          zh: `${place.zh}须按本环节的评分项评分，只有环节 ${REPORT_STAGE} 以报告评分表评分。`,
          en: `${place.en} must be scored on criteria of its own; only stage ${REPORT_STAGE} is scored on the report sheet.`,
        }),
      },
    ];
  }
  return [];
}

/** A criteria list's ids, steps and sum; a criterion scored by levels is worth its best level. */
function criteriaFlaws(criteria: Criterion[], key: 'criteria' | 'realTimeCriteria', total: number, step: number, path: RubricPath): RubricFlaw[] {
  const flaws: RubricFlaw[] = duplicateIds(criteria.map((criterion, c) => ({ id: criterion.id, path: [...path, key, c] })));
  criteria.forEach((criterion, c) => {
    const at = [...path, key, c];
    if (criterion.kind === 'points') {
      flaws.push(...offStep(criterion.max, step, at, MAXIMUM));
      return;
    }
    flaws.push(...duplicateIds(criterion.levels.map((level, l) => ({ id: level.id, path: [...at, 'levels', l] }))));
    criterion.levels.forEach((level, l) => flaws.push(...offStep(level.points, step, [...at, 'levels', l], POINTS)));
  });
  const added = sum(criteria.map(criterionMax));
  if (added !== total) {
    const what = key === 'criteria' ? { zh: '各评分项', en: 'criteria' } : { zh: '各实时操作评分项', en: 'real-time criteria' };
    flaws.push({
      code: key === 'criteria' ? 'rubric.stageSum' : 'rubric.realTimeSum',
      path,
      message: ({ place }) => ({
        zh: `${place.zh}：${what.zh}合计 ${added} 分，但该环节标明 ${total} 分。`,
        en: `${place.en}: its ${what.en} add up to ${added} points but the stage states ${total}.`,
      }),
    });
  }
  return flaws;
}

/** What the schema cannot see in a stage form: the stage list, how each stage is scored, sums, ids and steps. */
export function stageFormFlaws(form: StageForm): RubricFlaw[] {
  const flaws = stageListFlaws(form);
  form.stages.forEach((rubric, s) => {
    const path = ['stages', s];
    flaws.push(...scoringFlaw(rubric, path));
    if (rubric.scoring !== 'criteria') return;
    flaws.push(...offStep(rubric.total, form.step, path, TOTAL));
    flaws.push(...criteriaFlaws(rubric.criteria, 'criteria', rubric.total, form.step, path));
    if (rubric.realTimeCriteria) flaws.push(...criteriaFlaws(rubric.realTimeCriteria, 'realTimeCriteria', rubric.total, form.step, path));
  });
  return flaws;
}
