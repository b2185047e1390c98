import { describe, expect, it } from 'vitest';
import { compareSigns, DEFAULT_TOLERANCES, geometryOf, type ComparedAnnotation, type SignGeometry } from '../../../../src/core/comparison';
import { arrow, bidirectional, circle, ellipse, freehand, length, probe, rectangle } from '../../../fixtures/cornerstoneAnnotations';

function g(annotation: ComparedAnnotation): SignGeometry {
  const result = geometryOf(annotation);
  if (!result.ok) throw new Error(result.reason.en);
  return result.geometry;
}

const matched = (reference: SignGeometry[], resident: SignGeometry[]) => compareSigns(reference, resident).found.map(entry => [entry.referenceUid, entry.residentUid]);

describe('compareSigns', () => {
  it('finds the same Length drawn again and gives both measurements', () => {
    const result = compareSigns([g(length('ref', [-69, -14, -60], [-55, -14, -60]))], [g(length('res', [-68.6, -14.5, -60], [-54.5, -13.8, -60]))]);
    expect(result).toEqual({ found: [{ referenceUid: 'ref', residentUid: 'res', referenceMm: 14, residentMm: 14.1, differenceMm: 0.1 }], missed: [], extra: [] });
  });

  it('rounds the measurements to 0.1 mm and the difference from the rounded values', () => {
    const [entry] = compareSigns([g(length('ref', [0, 0, 0], [14.04, 0, 0]))], [g(length('res', [0, 0, 0], [14.16, 0, 0]))]).found;
    expect(entry).toMatchObject({ referenceMm: 14, residentMm: 14.2, differenceMm: 0.2 });
  });

  it('does not care which end of a line was drawn first', () => {
    expect(matched([g(length('ref', [0, 0, 0], [20, 0, 0]))], [g(length('res', [21, 1, 0], [1, -1, 0]))])).toEqual([['ref', 'res']]);
  });

  it('misses a line whose ends lie farther than the tolerance on average', () => {
    // Mean end-point distance 5.5 mm against 5 mm.
    const result = compareSigns([g(length('ref', [0, 0, 0], [20, 0, 0]))], [g(length('res', [0, 5.5, 0], [20, 5.5, 0]))]);
    expect(result).toEqual({ found: [], missed: ['ref'], extra: ['res'] });
  });

  it('matches a Length to the nearer axis of a Bidirectional', () => {
    const reference = g(bidirectional('ref', [[-10, 0, 0], [10, 0, 0]], [[0, -6, 0], [0, 6, 0]]));
    expect(matched([reference], [g(length('long', [-9, 1, 0], [10, 0, 0]))])).toEqual([['ref', 'long']]);
    expect(matched([reference], [g(length('short', [0, -6, 0], [1, 6, 0]))])).toEqual([['ref', 'short']]);
  });

  describe('where the drawings lie', () => {
    it('compares on the same series, or on another series of the same frame of reference (a reformat, a second phase)', () => {
      const reference = g(length('ref', [0, 0, 0], [10, 0, 0]));
      expect(matched([reference], [g(length('same-frame', [0, 0, 0], [10, 0, 0], { seriesInstanceUID: '9.9' }))])).toHaveLength(1);
      expect(matched([reference], [g(length('same-series', [0, 0, 0], [10, 0, 0], { frameOfReferenceUID: '7.7' }))])).toHaveLength(1);
      expect(matched([reference], [g(length('elsewhere', [0, 0, 0], [10, 0, 0], { seriesInstanceUID: '9.9', frameOfReferenceUID: '7.7' }))])).toEqual([]);
    });

    it('does not take two series without frames of reference for one space', () => {
      const reference = g(probe('ref', [5, 5, 0], { frameOfReferenceUID: null }));
      expect(matched([reference], [g(probe('res', [5, 5, 0], { frameOfReferenceUID: null, seriesInstanceUID: '9.9' }))])).toEqual([]);
    });

    it('accepts the adjacent slice and refuses the one after', () => {
      const reference = g(circle('ref', [0, 0, -60], 8));
      expect(matched([reference], [g(circle('adjacent', [0, 0, -65], 8))])).toHaveLength(1);
      expect(matched([reference], [g(circle('two-away', [0, 0, -70], 8))])).toEqual([]);
    });

    it('refuses a drawing on a plane at right angles, even through the same spot', () => {
      const reference = g(probe('ref', [0, 0, 0]));
      expect(matched([reference], [g(probe('sagittal', [0, 0, 0], { viewPlaneNormal: [1, 0, 0] }))])).toEqual([]);
      expect(matched([reference], [g(probe('tilted-5°', [0, 0, 0], { viewPlaneNormal: [Math.sin(0.087), 0, -Math.cos(0.087)] }))])).toHaveLength(1);
    });
  });

  describe('areas by their overlap', () => {
    // Two circles of radius 10 whose centres are d apart overlap by IoU 0.53 at d = 5 and 0.14 at d = 14.
    it('finds an outline that overlaps enough, on the adjacent slice too', () => {
      expect(matched([g(circle('ref', [0, 0, 0], 10))], [g(circle('res', [5, 0, -5], 10))])).toEqual([['ref', 'res']]);
    });

    it('misses one that overlaps too little', () => {
      expect(matched([g(circle('ref', [0, 0, 0], 10))], [g(circle('res', [14, 0, 0], 10))])).toEqual([]);
    });

    it('compares different outline tools and measures both by their longest diameter', () => {
      const [entry] = compareSigns([g(ellipse('ref', [0, 0, 0], 10, 10))], [g(rectangle('res', [-9, -9], [9, 9], 0))]).found;
      expect(entry).toMatchObject({ referenceUid: 'ref', residentUid: 'res', referenceMm: 20, residentMm: 25.5 });
    });

    it('clips a non-convex freehand outline exactly', () => {
      // An L: the 10 × 10 square without its [5, 10] × [5, 10] corner. The square overlaps it by
      // IoU 0.75; the missing corner not at all, though the L's hull would cover it (IoU 0.33).
      const ell = () => g(freehand('ell', [[0, 0, 0], [10, 0, 0], [10, 5, 0], [5, 5, 0], [5, 10, 0], [0, 10, 0]]));
      expect(matched([g(rectangle('square', [0, 0], [10, 10], 0))], [ell()])).toEqual([['square', 'ell']]);
      expect(matched([g(rectangle('notch', [5, 5], [10, 10], 0))], [ell()])).toEqual([]);
    });
  });

  describe('mixed shapes', () => {
    const lesion = () => g(ellipse('lesion', [0, 0, 0], 10, 8));

    it('finds an area by a line across it about as long as the area is wide', () => {
      expect(matched([lesion()], [g(length('across', [-9, 1, 0], [9, 1, 0]))])).toEqual([['lesion', 'across']]);
      // 11 mm against a 20 mm diameter: within half of it.
      expect(matched([lesion()], [g(length('shorter', [-5, 0, 0], [6, 0, 0]))])).toHaveLength(1);
      // And the other way round: a resident outline around the reference's line.
      expect(matched([g(length('line', [-9, 1, 0], [9, 1, 0]))], [lesion()])).toEqual([['line', 'lesion']]);
    });

    it('does not take a line that is far too short or long, or whose middle lies outside', () => {
      expect(matched([lesion()], [g(length('tiny', [0, 0, 0], [4, 0, 0]))])).toEqual([]);
      expect(matched([lesion()], [g(length('huge', [-16, 0, 0], [16, 0, 0]))])).toEqual([]);
      expect(matched([lesion()], [g(length('beside', [6, 9, 0], [26, 9, 0]))])).toEqual([]);
    });

    it('finds an area by an arrow or probe pointing inside it, and not by one outside', () => {
      expect(matched([lesion()], [g(arrow('tip-in', [3, 2, 0], [30, 30, 0]))])).toEqual([['lesion', 'tip-in']]);
      expect(matched([lesion()], [g(arrow('tail-in', [30, 30, 0], [0, 0, 0]))])).toEqual([]);
      expect(matched([g(probe('point', [1, 1, 0]))], [lesion()])).toEqual([['point', 'lesion']]);
    });

    it('finds a line by a point near it', () => {
      const line = () => g(length('line', [0, 0, 0], [20, 0, 0]));
      expect(matched([line()], [g(arrow('near', [10, 8, 0], [30, 30, 0]))])).toEqual([['line', 'near']]);
      expect(matched([line()], [g(arrow('far', [10, 12, 0], [30, 30, 0]))])).toEqual([]);
      expect(matched([g(probe('point', [25, 3, 0]))], [line()])).toEqual([['point', 'line']]);
    });

    it('does not report measurements when one side measures nothing', () => {
      const [entry] = compareSigns([lesion()], [g(probe('p', [0, 0, 0]))]).found;
      expect(entry).toEqual({ referenceUid: 'lesion', residentUid: 'p' });
    });
  });

  describe('one to one', () => {
    it('gives a reference drawing to the closest of two resident drawings and counts the other as extra', () => {
      const result = compareSigns([g(probe('ref', [0, 0, 0]))], [g(probe('far', [6, 0, 0])), g(probe('near', [2, 0, 0]))]);
      expect(result).toEqual({ found: [{ referenceUid: 'ref', residentUid: 'near' }], missed: [], extra: ['far'] });
    });

    it('lets each of two close reference drawings keep its own resident drawing', () => {
      const result = compareSigns(
        [g(probe('a', [0, 0, 0])), g(probe('b', [4, 0, 0]))],
        [g(probe('b-copy', [4.5, 0, 0])), g(probe('a-copy', [-0.5, 0, 0]))],
      );
      expect(result.found.map(entry => `${entry.referenceUid}=${entry.residentUid}`)).toEqual(['a=a-copy', 'b=b-copy']);
    });
  });

  it('lists everything as missed or extra when either side is empty', () => {
    expect(compareSigns([g(probe('b', [0, 0, 0])), g(probe('a', [0, 0, 0]))], [])).toEqual({ found: [], missed: ['a', 'b'], extra: [] });
    expect(compareSigns([], [g(probe('r', [0, 0, 0]))])).toEqual({ found: [], missed: [], extra: ['r'] });
  });
});
