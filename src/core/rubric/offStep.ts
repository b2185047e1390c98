import type { LocalizedText } from '../schema/common';
import { isMultipleOf } from '../scoring/numbers';
import type { RubricFlaw, RubricPath } from './rubricFlaw';

/**
 * A flaw when a stated maximum is not a multiple of the step: scores are entered in steps, so a
 * tutor could never give full marks.
 */
export function offStep(value: number, step: number, path: RubricPath, what: LocalizedText): RubricFlaw[] {
  if (isMultipleOf(value, step)) return [];
  return [
    {
      code: 'rubric.offStep',
      path,
      message: ({ place }) => ({
        zh: `${place.zh}的${what.zh} ${value} 不是计分步长 ${step} 的整数倍。`,
        en: `${place.en}: ${value} (its ${what.en}) is not a multiple of the step ${step}.`,
      }),
    },
  ];
}
