import { describe, expect, it } from 'vitest';
import { suggestSignScores, type SignComparison, type SignScoreInput } from '../../../../src/core/comparison';
import { DEFAULT_STAGE_FORM } from '../../../../src/core/rubric/defaultStageForm';
import { checkCriteriaScores } from '../../../../src/core/scoring/checkScore';
import { criteriaFor } from '../../../../src/core/scoring/stageResult';
import type { Finding } from '../../../../src/core/session/stageWork';

const CRITERIA = criteriaFor(DEFAULT_STAGE_FORM, '4.3', false);

const finding = (id: string, kind: Finding['kind'], annotationIds: string[] = []): Finding => ({ id, kind, description: id, location: '', annotationIds, pathology: '' });
const check = (recorded: boolean) => ({ recorded, by: 'tutor-wang', at: '2026-11-03T02:00:00Z' });
const on = (series: string) => (uid: string) => ({ uid, seriesInstanceUID: series });

const REFERENCE = [
  finding('nodule', 'positive', ['ref-nodule']),
  finding('growth', 'positive', ['ref-prior', 'ref-current']),
  finding('spiculation', 'positive', ['ref-spicule']),
  finding('nodes', 'negative'),
  finding('effusion', 'negative'),
];

function input(comparison: SignComparison, overrides: Partial<SignScoreInput> = {}): SignScoreInput {
  return {
    criteria: CRITERIA,
    step: DEFAULT_STAGE_FORM.step,
    comparison,
    referenceFindings: REFERENCE,
    residentFindings: [],
    negativeChecks: {},
    referenceAnnotations: [...['ref-nodule', 'ref-current', 'ref-spicule'].map(on('current')), on('prior')('ref-prior')],
    residentAnnotations: [],
    ...overrides,
  };
}

const pair = (referenceUid: string, residentUid: string) => ({ referenceUid, residentUid });

describe('suggestSignScores', () => {
  it('scores positive signs by the share found, less a tenth of the points per extra drawing, to the step', () => {
    const suggestion = suggestSignScores(
      input({ found: [pair('ref-nodule', 'a'), pair('ref-current', 'b'), pair('ref-prior', 'c')], missed: ['ref-spicule'], extra: ['d'] }),
    );
    // 2 of 3 signs × 5 = 3.33, less 0.5 for the extra: 2.83 → 3.
    expect(suggestion.scores['positive-signs']).toBe(3);
    expect(suggestion.reasons['positive-signs']).toEqual({ zh: '找到 2/3 个阳性征象；1 个多余标注', en: 'Found 2 of 3 positive signs; 1 extra drawing' });
  });

  it('counts a sign shown on two studies as found only when both drawings were', () => {
    const suggestion = suggestSignScores(input({ found: [pair('ref-nodule', 'a'), pair('ref-current', 'b'), pair('ref-spicule', 'e')], missed: ['ref-prior'], extra: [] }));
    expect(suggestion.reasons['positive-signs']!.en).toBe('Found 2 of 3 positive signs');
    expect(suggestion.scores['positive-signs']).toBe(3.5);
  });

  it('never suggests less than nothing, however many extra drawings', () => {
    const suggestion = suggestSignScores(input({ found: [], missed: ['ref-nodule', 'ref-prior', 'ref-current', 'ref-spicule'], extra: ['1', '2', '3'] }));
    expect(suggestion.scores['positive-signs']).toBe(0);
    expect(suggestion.reasons['positive-signs']!.en).toBe('Found 0 of 3 positive signs; 3 extra drawings');
  });

  it('leaves positive signs without a compared drawing out of the share, and says so', () => {
    const suggestion = suggestSignScores(
      input(
        { found: [pair('ref-nodule', 'a')], missed: [], extra: [] },
        { referenceFindings: [finding('nodule', 'positive', ['ref-nodule']), finding('wall', 'positive'), finding('gone', 'positive', ['uncompared'])] },
      ),
    );
    expect(suggestion.scores['positive-signs']).toBe(5);
    expect(suggestion.reasons['positive-signs']).toEqual({
      zh: '找到 1/1 个阳性征象；2 个阳性征象无可比较的参考标注，未计入',
      en: 'Found 1 of 1 positive signs; 2 positive signs have no reference drawing to compare and are not counted',
    });
  });

  it('suggests nothing for positive signs when no positive sign has a drawing, with the reason', () => {
    const suggestion = suggestSignScores(input({ found: [], missed: [], extra: [] }, { referenceFindings: [finding('wall', 'positive')], referenceAnnotations: [] }));
    expect(suggestion.scores).not.toHaveProperty('positive-signs');
    expect(suggestion.reasons['positive-signs']!.en).toMatch(/^No positive sign of the reference has a drawing to compare; score this yourself/);
  });

  describe('pertinent negatives', () => {
    const none: SignComparison = { found: [], missed: [], extra: [] };

    it("before the tutor's ticks: by how many negatives the resident recorded, saying they are not checked", () => {
      const suggestion = suggestSignScores(input(none, { residentFindings: [finding('own-negative', 'negative'), finding('own-positive', 'positive')] }));
      // 1 of 2 × 3 = 1.5.
      expect(suggestion.scores['pertinent-negatives']).toBe(1.5);
      expect(suggestion.reasons['pertinent-negatives']).toEqual({
        zh: '尚未核对阴性征象；住院医师记录了 1 个阴性征象，参考答案有 2 个',
        en: 'Negative signs not checked yet: the resident recorded 1 negative sign, the reference has 2',
      });
    });

    it("after: by the share the tutor ticked as recorded, counting those not yet checked as not recorded", () => {
      expect(suggestSignScores(input(none, { negativeChecks: { nodes: check(true), effusion: check(true) } })).scores['pertinent-negatives']).toBe(3);
      const partly = suggestSignScores(input(none, { negativeChecks: { nodes: check(true) }, residentFindings: [finding('a', 'negative'), finding('b', 'negative')] }));
      expect(partly.scores['pertinent-negatives']).toBe(1.5);
      expect(partly.reasons['pertinent-negatives']!.en).toBe('Recorded 1 of 2 pertinent negative signs; 1 not checked yet, counted as not recorded');
      expect(suggestSignScores(input(none, { negativeChecks: { nodes: check(false), effusion: check(false) } })).scores['pertinent-negatives']).toBe(0);
    });

    it('suggests nothing when the reference lists no negatives', () => {
      const suggestion = suggestSignScores(input(none, { referenceFindings: [finding('nodule', 'positive', ['ref-nodule'])] }));
      expect(suggestion.scores).not.toHaveProperty('pertinent-negatives');
      expect(suggestion.reasons['pertinent-negatives']!.en).toBe('The reference lists no negative signs; score this yourself');
    });
  });

  it('scores all relevant images by the share of series with reference signs the resident drew on', () => {
    const none: SignComparison = { found: [], missed: [], extra: [] };
    const suggestion = suggestSignScores(input(none, { residentAnnotations: [on('current')('x'), on('elsewhere')('y')] }));
    expect(suggestion.scores['all-relevant-images']).toBe(2);
    expect(suggestion.reasons['all-relevant-images']).toEqual({ zh: '在 1/2 个有参考征象的序列上作了标注', en: 'Drew on 1 of 2 series that hold reference signs' });
  });

  it('leaves the criteria the tutor alone can judge out, and suggests only scores the stage form accepts', () => {
    const suggestion = suggestSignScores(input({ found: [pair('ref-nodule', 'a')], missed: ['ref-prior', 'ref-current', 'ref-spicule'], extra: ['b', 'c'] }));
    expect(Object.keys(suggestion.scores).sort()).toEqual(['all-relevant-images', 'pertinent-negatives', 'positive-signs']);
    expect(Object.keys(suggestion.reasons).sort()).toEqual(['all-relevant-images', 'pertinent-negatives', 'positive-signs']);
    expect(checkCriteriaScores('4.3', CRITERIA, { scores: suggestion.scores, notApplicable: [], criterionRemarks: {} }, DEFAULT_STAGE_FORM.step)).toEqual([]);
  });

  it('rounds to a coarser step of the stage form and keeps within the maximum', () => {
    const suggestion = suggestSignScores({
      ...input({ found: [pair('ref-nodule', 'a'), pair('ref-current', 'b'), pair('ref-prior', 'c')], missed: ['ref-spicule'], extra: [] }),
      step: 2,
    });
    // 3.33 of 5 → 4; the ceiling is 4, the largest multiple of 2 within 5.
    expect(suggestion.scores['positive-signs']).toBe(4);
  });

  it('suggests nothing for a form whose 4.3 has none of these criteria', () => {
    const suggestion = suggestSignScores({ ...input({ found: [], missed: [], extra: [] }), criteria: [{ kind: 'points', id: 'signs', label: { zh: '征象', en: 'Signs' }, max: 10 }] });
    expect(suggestion).toEqual({ scores: {}, reasons: {} });
  });
});
