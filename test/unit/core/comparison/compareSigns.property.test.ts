import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSigns, type SignGeometry, type Vec3 } from '../../../../src/core/comparison';
import { add, cross, scale, unit } from '../../../../src/core/comparison/vec3';

const SERIES = '1.2.3';
const FRAME = '1.2.9';

/** A drawing in its own plane: 2D points (mm) and how it is compared. */
type Flat = Pick<SignGeometry, 'toolName' | 'shape' | 'measurementMm'> & { local: Array<[number, number]> };

const outline = (count: number, radius: (angle: number) => [number, number]) =>
  Array.from({ length: count }, (_, k) => radius((2 * Math.PI * k) / count));

const rotate = ([x, y]: [number, number], angle: number): [number, number] => [x * Math.cos(angle) - y * Math.sin(angle), x * Math.sin(angle) + y * Math.cos(angle)];

/** Every shape the comparison knows, none wider than 42 mm and no outline narrower than 16 mm. */
const flatSign: fc.Arbitrary<Flat> = fc.oneof(
  fc.constant<Flat>({ toolName: 'Probe', shape: 'point', local: [[0, 0]] }),
  fc.record({ length: fc.double({ min: 6, max: 30, noNaN: true }), angle: fc.double({ min: 0, max: Math.PI, noNaN: true }) }).map(
    ({ length, angle }): Flat => ({ toolName: 'Length', shape: 'segments', measurementMm: length, local: [rotate([-length / 2, 0], angle), rotate([length / 2, 0], angle)] }),
  ),
  fc.record({ long: fc.double({ min: 12, max: 30, noNaN: true }), short: fc.double({ min: 4, max: 10, noNaN: true }), angle: fc.double({ min: 0, max: Math.PI, noNaN: true }) }).map(
    ({ long, short, angle }): Flat => ({
      toolName: 'Bidirectional',
      shape: 'segments',
      measurementMm: long,
      local: [rotate([-long / 2, 0], angle), rotate([long / 2, 0], angle), rotate([0, -short / 2], angle), rotate([0, short / 2], angle)],
    }),
  ),
  fc.record({ rx: fc.double({ min: 8, max: 15, noNaN: true }), ry: fc.double({ min: 8, max: 15, noNaN: true }), angle: fc.double({ min: 0, max: Math.PI, noNaN: true }) }).map(
    ({ rx, ry, angle }): Flat => ({
      toolName: 'EllipticalROI',
      shape: 'area',
      measurementMm: 2 * Math.max(rx, ry),
      local: outline(64, a => rotate([rx * Math.cos(a), ry * Math.sin(a)], angle)),
    }),
  ),
  fc.record({ w: fc.double({ min: 16, max: 30, noNaN: true }), h: fc.double({ min: 16, max: 30, noNaN: true }) }).map(
    ({ w, h }): Flat => ({ toolName: 'RectangleROI', shape: 'area', measurementMm: Math.hypot(w, h), local: [[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]] }),
  ),
  // A five-armed star: an outline that is not convex, as freehand ones rarely are.
  fc.double({ min: 12, max: 18, noNaN: true }).map(
    (radius): Flat => ({
      toolName: 'PlanarFreehandROI',
      shape: 'area',
      measurementMm: 2 * radius,
      local: Array.from({ length: 10 }, (_, k) => {
        const angle = (Math.PI * k) / 5;
        const reach = k % 2 ? 0.65 * radius : radius;
        return [reach * Math.cos(angle), reach * Math.sin(angle)] as [number, number];
      }),
    }),
  ),
);

/** An image plane of any orientation: its normal and two axes in it. */
const plane = fc
  .tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }))
  .filter(v => Math.hypot(...v) > 0.3)
  .map(v => {
    const normal = unit(v as Vec3)!;
    const e1 = unit(cross(normal, Math.abs(normal[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0]))!;
    return { normal, e1, e2: cross(normal, e1) };
  });
type Plane = { normal: Vec3; e1: Vec3; e2: Vec3 };

function place(uid: string, flat: Flat, at: Vec3, { normal, e1, e2 }: Plane): SignGeometry {
  return {
    uid,
    toolName: flat.toolName,
    shape: flat.shape,
    seriesInstanceUID: SERIES,
    frameOfReferenceUID: FRAME,
    planeNormal: normal,
    points: flat.local.map(([x, y]) => add(at, add(scale(e1, x), scale(e2, y)))),
    ...(flat.measurementMm !== undefined ? { measurementMm: flat.measurementMm } : {}),
  };
}

/** Signs 150 mm apart on a grid across a few slices: distinct findings, none within reach of another. */
function spread(flats: Flat[], p: Plane): SignGeometry[] {
  return flats.map((flat, k) => place(`ref-${k}`, flat, add(add(scale(p.e1, (k % 6) * 150), scale(p.e2, Math.floor(k / 6) * 150)), scale(p.normal, (k % 3) * 5)), p));
}

function shifted(signs: SignGeometry[], offset: Vec3): SignGeometry[] {
  return signs.map(sign => ({ ...sign, uid: sign.uid.replace('ref', 'res'), points: sign.points.map(point => add(point, offset)) }));
}

const inPlane = (p: Plane, angle: number, distance: number, across: number): Vec3 =>
  add(add(scale(p.e1, Math.cos(angle) * distance), scale(p.e2, Math.sin(angle) * distance)), scale(p.normal, across));

describe('compareSigns properties', () => {
  it('finds every reference drawing in a copy moved within tolerance: ≤ 3 mm on the image, to the adjacent slice', () => {
    fc.assert(
      fc.property(
        fc.array(flatSign, { minLength: 1, maxLength: 24 }),
        plane,
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: -5.5, max: 5.5, noNaN: true }),
        (flats, p, angle, distance, across) => {
          const reference = spread(flats, p);
          const result = compareSigns(reference, shifted(reference, inPlane(p, angle, distance, across)));
          expect(result.missed).toEqual([]);
          expect(result.extra).toEqual([]);
          expect(result.found.every(entry => entry.residentUid === entry.referenceUid.replace('ref', 'res'))).toBe(true);
        },
      ),
    );
  });

  it('misses every reference drawing in a copy moved beyond tolerance, and counts each copy as extra', () => {
    const beyond = fc.oneof(
      fc.record({ distance: fc.double({ min: 45, max: 60, noNaN: true }), across: fc.double({ min: -5, max: 5, noNaN: true }) }),
      fc.record({ distance: fc.double({ min: 0, max: 3, noNaN: true }), across: fc.oneof(fc.double({ min: 6.5, max: 30, noNaN: true }), fc.double({ min: -30, max: -6.5, noNaN: true })) }),
    );
    fc.assert(
      fc.property(fc.array(flatSign, { minLength: 1, maxLength: 24 }), plane, fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), beyond, (flats, p, angle, { distance, across }) => {
        const reference = spread(flats, p);
        const resident = shifted(reference, inPlane(p, angle, distance, across));
        const result = compareSigns(reference, resident);
        expect(result.found).toEqual([]);
        expect(result.missed).toHaveLength(reference.length);
        expect(result.extra).toHaveLength(resident.length);
      }),
    );
  });

  /** Drawings crowded into a 40 mm square over three slices, so that many could match many. */
  const crowd = (prefix: string) =>
    fc.array(
      fc.record({ flat: flatSign, x: fc.double({ min: -20, max: 20, noNaN: true }), y: fc.double({ min: -20, max: 20, noNaN: true }), slice: fc.integer({ min: 0, max: 2 }) }),
      { maxLength: 20 },
    ).map(items => items.map(({ flat, x, y, slice }, k) => place(`${prefix}-${k}`, flat, [x, y, -slice * 5], { normal: [0, 0, -1], e1: [1, 0, 0], e2: [0, -1, 0] })));

  it('matches one to one: no drawing twice, and every drawing either found or missed/extra', () => {
    fc.assert(
      fc.property(crowd('ref'), crowd('res'), (reference, resident) => {
        const { found, missed, extra } = compareSigns(reference, resident);
        const referenceUids = found.map(entry => entry.referenceUid);
        const residentUids = found.map(entry => entry.residentUid);
        expect(new Set(referenceUids).size).toBe(found.length);
        expect(new Set(residentUids).size).toBe(found.length);
        expect(found.length + missed.length).toBe(reference.length);
        expect(found.length + extra.length).toBe(resident.length);
        expect(new Set([...referenceUids, ...missed])).toEqual(new Set(reference.map(sign => sign.uid)));
        expect(new Set([...residentUids, ...extra])).toEqual(new Set(resident.map(sign => sign.uid)));
      }),
    );
  });

  it('does not depend on the order the drawings come in', () => {
    const shuffled = <T>(items: T[]) => fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });
    fc.assert(
      fc.property(
        fc.tuple(crowd('ref'), crowd('res')).chain(([reference, resident]) => fc.tuple(fc.constant(reference), fc.constant(resident), shuffled(reference), shuffled(resident))),
        ([reference, resident, referenceShuffled, residentShuffled]) => {
          expect(compareSigns(referenceShuffled, residentShuffled)).toEqual(compareSigns(reference, resident));
        },
      ),
    );
  });
});
