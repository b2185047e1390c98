import type { Criterion } from '../rubric/rubricSchema';
import type { LocalizedText } from '../schema/common';
import { roundScore } from '../scoring/numbers';
import type { Finding } from '../session/stageWork';
import type { NegativeCheck, SignComparison, SignScoreSuggestion } from './signComparison';

/** Each drawing that shows no reference sign costs this share of the positive-signs criterion. */
const EXTRA_DRAWING_SHARE = 0.1;

/** The 4.3 criteria a comparison says something about; the tutor alone scores the others. */
const INFORMED = ['positive-signs', 'pertinent-negatives', 'all-relevant-images'] as const;
type Informed = (typeof INFORMED)[number];

export interface SignScoreInput {
  /** The 4.3 criteria of the session's stage form. */
  criteria: Criterion[];
  /** The stage form's step: suggestions are multiples of it, as scores must be. */
  step: number;
  comparison: SignComparison;
  referenceFindings: Finding[];
  residentFindings: Finding[];
  negativeChecks: Record<string, NegativeCheck>;
  /** Where each compared reference drawing lies (the stored comparison's reference annotations with a geometry). */
  referenceAnnotations: Array<{ uid: string; seriesInstanceUID: string }>;
  /** The resident's compared drawings. */
  residentAnnotations: Array<{ uid: string; seriesInstanceUID: string }>;
}

type Suggested = { points?: number; reason: LocalizedText };

/** `share` of `max`, to the nearest step and within 0…max. */
function pointsFor(share: number, max: number, step: number): number {
  const ceiling = Math.floor(max / step + 1e-9) * step;
  return roundScore(Math.min(ceiling, Math.max(0, Math.round((share * max) / step) * step)));
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function positiveSigns(input: SignScoreInput, max: number): Suggested {
  const compared = new Set([...input.comparison.found.map(entry => entry.referenceUid), ...input.comparison.missed]);
  const found = new Set(input.comparison.found.map(entry => entry.referenceUid));
  const positives = input.referenceFindings.filter(finding => finding.kind === 'positive');
  const drawn = positives.filter(finding => finding.annotationIds.some(id => compared.has(id)));
  const undrawn = positives.length - drawn.length;
  const notCounted: LocalizedText = undrawn
    ? { zh: `；${undrawn} 个阳性征象无可比较的参考标注，未计入`, en: `; ${plural(undrawn, 'positive sign has', 'positive signs have')} no reference drawing to compare and ${undrawn === 1 ? 'is' : 'are'} not counted` }
    : { zh: '', en: '' };
  if (drawn.length === 0) {
    return {
      reason: {
        zh: `参考答案中没有带标注的阳性征象，请自行评分${notCounted.zh}`,
        en: `No positive sign of the reference has a drawing to compare; score this yourself${notCounted.en}`,
      },
    };
  }
  // A sign counts as found when each of its drawings was: a change since the prior is shown on both studies.
  const hits = drawn.filter(finding => finding.annotationIds.filter(id => compared.has(id)).every(id => found.has(id))).length;
  const extra = input.comparison.extra.length;
  const points = pointsFor(hits / drawn.length - extra * EXTRA_DRAWING_SHARE, max, input.step);
  const extraText: LocalizedText = extra
    ? { zh: `；${extra} 个多余标注`, en: `; ${plural(extra, 'extra drawing', 'extra drawings')}` }
    : { zh: '', en: '' };
  return {
    points,
    reason: {
      zh: `找到 ${hits}/${drawn.length} 个阳性征象${extraText.zh}${notCounted.zh}`,
      en: `Found ${hits} of ${drawn.length} positive signs${extraText.en}${notCounted.en}`,
    },
  };
}

function pertinentNegatives(input: SignScoreInput, max: number): Suggested {
  const negatives = input.referenceFindings.filter(finding => finding.kind === 'negative');
  if (negatives.length === 0) {
    return { reason: { zh: '参考答案未列出阴性征象，请自行评分', en: 'The reference lists no negative signs; score this yourself' } };
  }
  const checked = negatives.filter(finding => input.negativeChecks[finding.id] !== undefined);
  if (checked.length === 0) {
    // Until the tutor ticks them, all that is known is how many negatives the resident wrote down.
    const own = input.residentFindings.filter(finding => finding.kind === 'negative').length;
    return {
      points: pointsFor(Math.min(own, negatives.length) / negatives.length, max, input.step),
      reason: {
        zh: `尚未核对阴性征象；住院医师记录了 ${own} 个阴性征象，参考答案有 ${negatives.length} 个`,
        en: `Negative signs not checked yet: the resident recorded ${plural(own, 'negative sign', 'negative signs')}, the reference has ${negatives.length}`,
      },
    };
  }
  const recorded = checked.filter(finding => input.negativeChecks[finding.id]!.recorded).length;
  const unchecked = negatives.length - checked.length;
  const uncheckedText: LocalizedText = unchecked
    ? { zh: `；${unchecked} 个尚未核对，按未记录计`, en: `; ${unchecked} not checked yet, counted as not recorded` }
    : { zh: '', en: '' };
  return {
    points: pointsFor(recorded / negatives.length, max, input.step),
    reason: {
      zh: `已记录 ${recorded}/${negatives.length} 个重要阴性征象${uncheckedText.zh}`,
      en: `Recorded ${recorded} of ${negatives.length} pertinent negative signs${uncheckedText.en}`,
    },
  };
}

function allRelevantImages(input: SignScoreInput, max: number): Suggested {
  const withSigns = new Set(input.referenceAnnotations.map(annotation => annotation.seriesInstanceUID));
  if (withSigns.size === 0) {
    return { reason: { zh: '参考答案没有可比较的标注，无法判断判读了哪些序列，请自行评分', en: 'The reference has no drawings to compare, so which series were read is not known; score this yourself' } };
  }
  const drawnOn = new Set(input.residentAnnotations.map(annotation => annotation.seriesInstanceUID));
  const read = [...withSigns].filter(series => drawnOn.has(series)).length;
  return {
    points: pointsFor(read / withSigns.size, max, input.step),
    reason: {
      zh: `在 ${read}/${withSigns.size} 个有参考征象的序列上作了标注`,
      en: `Drew on ${read} of ${withSigns.size} series that hold reference signs`,
    },
  };
}

const SUGGESTERS: Record<Informed, (input: SignScoreInput, max: number) => Suggested> = {
  'positive-signs': positiveSigns,
  'pertinent-negatives': pertinentNegatives,
  'all-relevant-images': allRelevantImages,
};

/**
 * Points the comparison suggests for the 4.3 criteria it informs, each with why. A criterion it
 * cannot judge gets a reason and no points; the others are left to the tutor entirely.
 */
export function suggestSignScores(input: SignScoreInput): SignScoreSuggestion {
  const suggestion: SignScoreSuggestion = { scores: {}, reasons: {} };
  for (const criterion of input.criteria) {
    if (criterion.kind !== 'points' || !(INFORMED as readonly string[]).includes(criterion.id)) continue;
    const { points, reason } = SUGGESTERS[criterion.id as Informed](input, criterion.max);
    if (points !== undefined) suggestion.scores[criterion.id] = points;
    suggestion.reasons[criterion.id] = reason;
  }
  return suggestion;
}
