import { describe, expect, it } from 'vitest';
import { geometryOf, type ComparedAnnotation, type SignGeometry } from '../../../../src/core/comparison';
import { arrow, bidirectional, circle, drawn, ellipse, freehand, length, probe, rectangle, SERIES, FRAME } from '../../../fixtures/cornerstoneAnnotations';

function read(annotation: ComparedAnnotation): SignGeometry {
  const result = geometryOf(annotation);
  if (!result.ok) throw new Error(`not readable: ${result.reason.en}`);
  return result.geometry;
}

function unreadable(annotation: ComparedAnnotation) {
  const result = geometryOf(annotation);
  if (result.ok) throw new Error('expected no geometry');
  return result.reason;
}

const shoelace = (points: number[][]) =>
  Math.abs(points.reduce((sum, [x, y], i) => sum + x! * points[(i + 1) % points.length]![1]! - points[(i + 1) % points.length]![0]! * y!, 0)) / 2;

describe('geometryOf', () => {
  it('reads a Length as one segment in world mm, with where it lies and its label', () => {
    const geometry = read(length('a1', [-69, -14, -60], [-55, -14, -60], { label: 'Nodule' }));
    expect(geometry).toEqual({
      uid: 'a1',
      toolName: 'Length',
      shape: 'segments',
      seriesInstanceUID: SERIES,
      frameOfReferenceUID: FRAME,
      planeNormal: [0, 0, -1],
      points: [
        [-69, -14, -60],
        [-55, -14, -60],
      ],
      measurementMm: 14,
      label: 'Nodule',
    });
  });

  it("takes a Length's measurement from the tool when it says mm (ultrasound world units are pixels)", () => {
    const geometry = read(length('us', [190, 127, 0], [243, 127, 0], {}, { 'imageId:wadors:x': { length: 21.2, unit: 'mm' } }));
    expect(geometry.measurementMm).toBe(21.2);
    expect(read(length('px', [0, 0, 0], [30, 40, 0], {}, { 'imageId:wadors:x': { length: 50, unit: 'px' } })).measurementMm).toBe(50);
  });

  it('reads a Bidirectional as its two axes, measuring the long one', () => {
    const geometry = read(bidirectional('b', [[-10, 0, 0], [10, 0, 0]], [[0, -6, 0], [0, 6, 0]]));
    expect(geometry.shape).toBe('segments');
    expect(geometry.points).toHaveLength(4);
    expect(geometry.measurementMm).toBe(20);
  });

  it('samples an EllipticalROI into a closed outline through its axis ends, measuring the long axis', () => {
    const geometry = read(ellipse('e', [-30, -38, 30], 19, 12));
    expect(geometry.shape).toBe('area');
    expect(geometry.measurementMm).toBeCloseTo(38, 6);
    expect(geometry.points.every(([, , z]) => z === 30)).toBe(true);
    // 64 points on the outline enclose all but 0.2 % of the ellipse.
    expect(shoelace(geometry.points) / (Math.PI * 19 * 12)).toBeGreaterThan(0.995);
  });

  it('draws a CircleROI from its centre and a point on the circle, in the image plane', () => {
    const geometry = read(circle('c', [10, 20, -60], 7));
    expect(geometry.measurementMm).toBeCloseTo(14, 6);
    expect(geometry.points.every(point => Math.abs(Math.hypot(point[0] - 10, point[1] - 20) - 7) < 1e-9 && point[2] === -60)).toBe(true);
  });

  it('keeps a circle in the plane of a sagittal image', () => {
    const geometry = read(drawn('sag', 'CircleROI', { handles: { points: [[0, 10, 20], [0, 10, 26]] } }, { viewPlaneNormal: [1, 0, 0] }));
    expect(geometry.points.every(([x]) => Math.abs(x) < 1e-9)).toBe(true);
    expect(geometry.measurementMm).toBeCloseTo(12, 6);
  });

  it('walks a RectangleROI round its corners, not across them', () => {
    const geometry = read(rectangle('r', [0, 0], [10, 4], 5));
    expect(shoelace(geometry.points)).toBeCloseTo(40, 9);
    expect(geometry.measurementMm).toBeCloseTo(Math.hypot(10, 4), 9);
  });

  it('reads the contour polyline of freehand, spline and livewire outlines', () => {
    const square: Array<[number, number, number]> = [
      [0, 0, 0],
      [8, 0, 0],
      [8, 8, 0],
      [0, 8, 0],
    ];
    for (const tool of ['PlanarFreehandROI', 'SplineROI', 'LivewireContour']) {
      const geometry = read(freehand(`f-${tool}`, square, {}, tool));
      expect(geometry).toMatchObject({ shape: 'area', toolName: tool, points: square });
      expect(geometry.measurementMm).toBeCloseTo(Math.hypot(8, 8), 9);
    }
  });

  it("takes an arrow's head as its point: handle 0 by default, handle 1 when the arrow was drawn head last", () => {
    expect(read(arrow('h0', [1, 2, 3], [20, 20, 3])).points).toEqual([[1, 2, 3]]);
    expect(read(arrow('h1', [1, 2, 3], [20, 20, 3], {}, false)).points).toEqual([[1, 2, 3]]);
    expect(read(arrow('h1', [1, 2, 3], [20, 20, 3], {}, false)).shape).toBe('point');
    // What the person typed beside the arrow is its label.
    expect(read(arrow('h0', [1, 2, 3], [20, 20, 3])).label).toBe('nodule');
  });

  it('reads probes as points and angles as segments without a length', () => {
    expect(read(probe('p', [4, 5, 6]))).toMatchObject({ shape: 'point', points: [[4, 5, 6]] });
    expect(read(drawn('dp', 'DragProbe', { handles: { points: [[4, 5, 6]] } })).shape).toBe('point');
    const angle = read(drawn('an', 'Angle', { handles: { points: [[0, 0, 0], [10, 0, 0], [10, 10, 0]] } }));
    expect(angle.points).toEqual([[0, 0, 0], [10, 0, 0], [10, 0, 0], [10, 10, 0]]);
    expect(angle.measurementMm).toBeUndefined();
    expect(read(drawn('cobb', 'CobbAngle', { handles: { points: [[0, 0, 0], [10, 0, 0], [0, 5, 0], [10, 8, 0]] } })).points).toHaveLength(4);
  });

  it('accepts points stored as the {"0":…} objects typed arrays once became', () => {
    const stored = length('t', [0, 0, 0], [3, 4, 0]);
    (stored.annotation.data as { handles: { points: unknown } }).handles.points = [{ 0: 0, 1: 0, 2: 0 }, { 0: 3, 1: 4, 2: 0 }];
    (stored.annotation.metadata as Record<string, unknown>).viewPlaneNormal = { 0: 0, 1: 0, 2: -1 };
    expect(read(stored)).toMatchObject({ measurementMm: 5, planeNormal: [0, 0, -1] });
  });

  describe('without a stored view plane normal', () => {
    it('derives it from an outline', () => {
      const geometry = read(ellipse('e', [0, 0, 0], 10, 5, { viewPlaneNormal: null }));
      expect(Math.abs(geometry.planeNormal[2])).toBeCloseTo(1, 9);
    });

    it('derives it from a bidirectional on a coronal image', () => {
      const geometry = read(bidirectional('b', [[-10, 0, 0], [10, 0, 0]], [[0, 0, -6], [0, 0, 6]], { viewPlaneNormal: null }));
      expect(Math.abs(geometry.planeNormal[1])).toBeCloseTo(1, 9);
    });

    it('assumes an axial stack for a line or a point, whose points span no plane', () => {
      expect(read(length('l', [0, 0, 0], [5, 5, 5], { viewPlaneNormal: null })).planeNormal).toEqual([0, 0, 1]);
      expect(read(probe('p', [1, 1, 1], { viewPlaneNormal: null })).planeNormal).toEqual([0, 0, 1]);
    });

    it('normalises a stored normal that is not of unit length', () => {
      expect(read(length('n', [0, 0, 0], [1, 0, 0], { viewPlaneNormal: [0, 0, -2] })).planeNormal).toEqual([0, 0, -1]);
    });
  });

  it('leaves out the frame of reference when the image has none', () => {
    expect(read(length('x', [0, 0, 0], [1, 0, 0], { frameOfReferenceUID: null })).frameOfReferenceUID).toBeUndefined();
  });

  describe('says why a drawing cannot be compared, naming the tool', () => {
    it('an unknown tool', () => {
      const reason = unreadable(drawn('k', 'KeyImage', { handles: { points: [[0, 0, 0]] } }));
      expect(reason.en).toContain('"KeyImage"');
      expect(reason.zh).toContain('“KeyImage”');
    });

    it('no tool at all', () => {
      const annotation = length('n', [0, 0, 0], [1, 0, 0]);
      delete (annotation.annotation.metadata as Record<string, unknown>).toolName;
      expect(unreadable(annotation).en).toMatch(/which tool/);
    });

    it('too few points, points that are not coordinates, and points that coincide', () => {
      expect(unreadable(drawn('l', 'Length', { handles: { points: [[0, 0, 0]] } })).en).toMatch(/"Length".*fewer than 2/);
      expect(unreadable(drawn('l', 'Length', { handles: { points: [[0, 0, 'x'], [1, 1, 1]] } })).en).toMatch(/"Length".*not valid/);
      expect(unreadable(drawn('l', 'Length', { handles: { points: [[0, 0, Number.NaN], [1, 1, 1]] } })).en).toMatch(/not valid/);
      expect(unreadable(length('l', [2, 2, 2], [2, 2, 2])).en).toMatch(/"Length".*coincide/);
      expect(unreadable(ellipse('e', [0, 0, 0], 5, 0)).en).toMatch(/"EllipticalROI".*coincide/);
      expect(unreadable(rectangle('r', [0, 0], [10, 0], 0)).en).toMatch(/"RectangleROI".*coincide/);
      expect(unreadable(drawn('f', 'PlanarFreehandROI', { handles: { points: [] }, contour: { polyline: [[0, 0, 0], [1, 0, 0]] } })).en).toMatch(/"PlanarFreehandROI".*fewer than 3/);
      expect(unreadable(drawn('a', 'ArrowAnnotate', { handles: {} })).en).toMatch(/"ArrowAnnotate"/);
      expect(unreadable(drawn('p', 'Probe', {})).en).toMatch(/"Probe"/);
    });
  });
});
