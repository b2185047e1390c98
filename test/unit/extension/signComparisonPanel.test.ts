import { describe, expect, it } from 'vitest';
import { COMPARISON_COLOURS, comparisonStyle } from '../../../extension/host/annotationStyle';
import { acceptSuggestion, givenPoints, suggestedScore } from '../../../extension/panel/comparison/acceptSuggestion';
import { comparisonGroups, millimetres } from '../../../extension/panel/comparison/comparisonRows';
import { NO_EVALUATION } from '../../../extension/panel/stages/criteriaEvaluation';
import type { Criterion } from '../../../src/core/rubric/rubricSchema';
import type { Finding } from '../../../src/core/session/stageWork';
import { signComparisonFixture } from '../../fixtures/signComparison';

const residentFindings: Finding[] = [
  { id: 'r1', kind: 'positive', description: '右上叶结节 14 mm', location: '', annotationIds: ['mine-nodule'], pathology: '' },
  { id: 'r2', kind: 'positive', description: '左下叶小结节', location: '', annotationIds: ['mine-extra'], pathology: '' },
  { id: 'r3', kind: 'negative', description: '未见胸腔积液', location: '', annotationIds: [], pathology: '' },
];

describe('the comparison as the panel lists it', () => {
  it('lists each reference sign found (with both measurements and the resident\'s name for it) or missed, the extra drawings and what was not compared', () => {
    const groups = comparisonGroups(signComparisonFixture(), residentFindings);
    expect(groups.signs.map(({ finding, rows }) => [finding.id, rows.map(row => [row.mark, row.uid])])).toEqual([
      ['f-nodule', [['found', 'mine-nodule']]],
      ['f-node', [['missed', 'ref-node']]],
    ]);
    expect(groups.signs[0]!.rows[0]).toMatchObject({ description: '右上叶实性结节', residentMm: 14.1, referenceMm: 14, residentDescription: '右上叶结节 14 mm', toolName: 'Length' });
    expect(groups.signs[1]!.rows[0]).toMatchObject({ description: '纵隔淋巴结', referenceMm: 9, residentMm: undefined });
    expect(groups.extra).toEqual([expect.objectContaining({ mark: 'extra', uid: 'mine-extra', description: '左下叶小结节', residentMm: 5 })]);
    expect(groups.uncompared).toEqual([expect.objectContaining({ uid: 'ref-broken', owner: 'reference', reason: { zh: '标注没有可用的点', en: 'The drawing has no usable points' } })]);
    expect(groups.unlinked).toEqual([]);
  });

  it('lists a compared reference drawing that no reference sign names', () => {
    const comparison = signComparisonFixture();
    comparison.reference.findings = comparison.reference.findings.filter(finding => finding.id !== 'f-node');
    expect(comparisonGroups(comparison, residentFindings).unlinked.map(row => [row.mark, row.uid])).toEqual([['missed', 'ref-node']]);
  });

  it('writes measurements to one decimal, as "14.1 mm vs 14.0 mm" reads', () => {
    expect([millimetres(14), millimetres(14.06), millimetres(8)]).toEqual(['14.0', '14.1', '8.0']);
  });
});

const points = (id: string, max: number): Criterion => ({ kind: 'points', id, label: { zh: id, en: id }, description: { zh: '', en: '' }, max }) as Criterion;
const levels: Criterion = {
  kind: 'levels',
  id: 'graded',
  label: { zh: '分级', en: 'graded' },
  description: { zh: '', en: '' },
  levels: [
    { id: 'good', label: { zh: '好', en: 'good' }, points: 3 },
    { id: 'poor', label: { zh: '差', en: 'poor' }, points: 1 },
  ],
} as Criterion;

describe('accepting the suggested scores', () => {
  const criteria = [points('positive-signs', 5), points('pertinent-negatives', 3), points('reports-to-tutor', 2), levels];
  const suggestion = { scores: { 'positive-signs': 3, 'pertinent-negatives': 2, graded: 1 }, reasons: {} };

  it("puts the suggestion into the tutor's scores, leaving the rest and the remarks as they were", () => {
    const evaluation = { ...NO_EVALUATION, scores: { 'reports-to-tutor': 2, 'positive-signs': 5 }, remark: '读片全面' };
    expect(acceptSuggestion(criteria, evaluation, suggestion)).toEqual({ ...evaluation, scores: { 'reports-to-tutor': 2, 'positive-signs': 3, 'pertinent-negatives': 2, graded: 'poor' } });
  });

  it('leaves a criterion the tutor marked not applicable alone', () => {
    const evaluation = { ...NO_EVALUATION, notApplicable: ['pertinent-negatives'] };
    expect(acceptSuggestion(criteria, evaluation, suggestion).scores).toEqual({ 'positive-signs': 3, graded: 'poor' });
  });

  it('takes no score the rubric cannot hold: beyond the maximum, or points no level is worth', () => {
    expect(suggestedScore(points('positive-signs', 5), 6)).toBeUndefined();
    expect(suggestedScore(points('positive-signs', 5), -1)).toBeUndefined();
    expect(suggestedScore(levels, 2)).toBeUndefined();
    expect(suggestedScore(levels, 3)).toBe('good');
  });

  it('reads what was given in points, levels included, for "suggested X, given Y"', () => {
    const evaluation = { ...NO_EVALUATION, scores: { graded: 'good', 'positive-signs': 4 } };
    expect(givenPoints(levels, evaluation)).toBe(3);
    expect(givenPoints(points('positive-signs', 5), evaluation)).toBe(4);
    expect(givenPoints(points('pertinent-negatives', 3), evaluation)).toBeUndefined();
  });
});

describe('the comparison on the images', () => {
  it('draws found solid in green, missed and extra dashed in red and orange, in the locked state too', () => {
    expect(comparisonStyle('found')).toEqual({ color: 'rgb(80, 200, 120)', colorLocked: 'rgb(80, 200, 120)', textBoxColor: 'rgb(80, 200, 120)', textBoxColorLocked: 'rgb(80, 200, 120)' });
    expect(comparisonStyle('missed')).toMatchObject({ color: 'rgb(255, 90, 90)', colorLocked: 'rgb(255, 90, 90)', lineDash: expect.stringMatching(/^\d+,\d+$/) });
    expect(comparisonStyle('extra')).toMatchObject({ color: 'rgb(255, 160, 40)', colorLocked: 'rgb(255, 160, 40)', lineDash: expect.stringMatching(/^\d+,\d+$/) });
    expect(new Set(Object.values(COMPARISON_COLOURS)).size).toBe(4);
  });
});
