import { domeEllipse, heart, HU, insideEllipse, lungEllipse, slabFootprint, type Side } from './chestCtAnatomy';
import type { Capsule } from './mmCanvas';
import { SeededRandom } from './seededRandom';

/**
 * Pulmonary arteries (with their bronchi) and veins, grown as space-filling branching trees from
 * the hila into each lobe: every tree splits a cloud of points scattered through its lobe in two,
 * again and again, and a vessel runs from each branch point towards the centre of each half, so
 * that vessels taper (Murray's law) and fan out to within a few millimetres of the pleura.
 */

type Point = [number, number, number];

interface Segment {
  a: readonly [number, number, number, number];
  b: readonly [number, number, number, number];
  kind: 'artery' | 'vein' | 'bronchus';
}

export interface Footprint extends Capsule {
  value: number;
  /**
   * Painted only over values below this: small vessels and bronchi only over aerated lung, bronchial
   * lumens also over their walls; large hilar vessels are painted over whatever is there.
   */
  below?: number;
}

/** Aerated lung, partial volumes with small vessels included, is below this. */
export const AERATED = -500;

type Lobe = 'RUL' | 'RML' | 'RLL' | 'LUL' | 'LLL';

const LEAF_RADIUS = 0.85;

/** Whether a point lies in aerated lung at least `margin` mm from pleura, mediastinum and diaphragm. */
export function insideLung(x: number, y: number, d: number, margin: number): boolean {
  const side: Side = x < 0 ? -1 : 1;
  const lung = lungEllipse(side, d);
  if (lung.rx <= margin || lung.ry <= margin) return false;
  if (!insideEllipse(lung, x, y, -margin)) return false;
  if (Math.abs(x) < 34 + margin) return false;
  const dome = domeEllipse(side, d + margin);
  if (dome && insideEllipse(dome, x, y, margin)) return false;
  const shapes = heart(d);
  for (const shape of [shapes.ventricles, shapes.rightAtrium, shapes.leftAtrium]) {
    if (shape && insideEllipse(shape, x, y, 9 + margin)) return false;
  }
  // Descending aorta beside the spine.
  if (d > 70 && Math.hypot(x - 24, y - 25) < 16 + margin) return false;
  return true;
}

function lobeOf(x: number, y: number, d: number): Lobe {
  const majorFissure = 75 + (72 - y) * 0.95;
  if (x < 0) {
    if (d > majorFissure) return 'RLL';
    return d > 126 ? 'RML' : 'RUL';
  }
  return d > majorFissure ? 'LLL' : 'LUL';
}

interface TreeSpec {
  lobe: Lobe;
  root: Point;
  points: number;
}

/** Depths between which each lobe lies, to scatter its points with few misses. */
const LOBE_DEPTHS: Record<Lobe, [number, number]> = { RUL: [4, 132], RML: [110, 235], RLL: [70, 262], LUL: [4, 235], LLL: [70, 262] };

const ARTERIES: TreeSpec[] = [
  { lobe: 'RUL', root: [-40, -10, 110], points: 390 },
  { lobe: 'RML', root: [-46, -10, 124], points: 180 },
  { lobe: 'RLL', root: [-47, 2, 126], points: 540 },
  { lobe: 'LUL', root: [50, -4, 102], points: 540 },
  { lobe: 'LLL', root: [52, 8, 112], points: 500 },
];

const VEINS: TreeSpec[] = [
  { lobe: 'RUL', root: [-32, -16, 132], points: 300 },
  { lobe: 'RML', root: [-32, -16, 134], points: 140 },
  { lobe: 'RLL', root: [-30, 2, 150], points: 440 },
  { lobe: 'LUL', root: [38, -14, 126], points: 450 },
  { lobe: 'LLL', root: [38, 4, 146], points: 400 },
];

function scatter(spec: TreeSpec, random: SeededRandom, avoid: { center: Point; radius: number }): Point[] {
  const side = spec.lobe.startsWith('R') ? -1 : 1;
  const points: Point[] = [];
  for (let attempt = 0; points.length < spec.points && attempt < 200_000; attempt++) {
    const x = side * random.between(20, 140);
    const y = random.between(-100, 90);
    const d = random.between(...LOBE_DEPTHS[spec.lobe]);
    if (!insideLung(x, y, d, 6)) continue;
    if (lobeOf(x, y, d) !== spec.lobe) continue;
    if (Math.hypot(x - avoid.center[0], y - avoid.center[1], d - avoid.center[2]) < avoid.radius) continue;
    points.push([x, y, d]);
  }
  return points;
}

function centroid(points: readonly Point[], lo: number, hi: number): Point {
  const center: Point = [0, 0, 0];
  const count = hi - lo;
  for (let i = lo; i < hi; i++) {
    const p = points[i]!;
    center[0] += p[0] / count;
    center[1] += p[1] / count;
    center[2] += p[2] / count;
  }
  return center;
}

/** Reorders points[lo, hi) in place so that the `k`th smallest key is at k, smaller ones before it and larger after. */
function selectMedian(points: Point[], keys: Float64Array, lo: number, hi: number, k: number): void {
  let left = lo;
  let right = hi - 1;
  while (left < right) {
    const pivot = keys[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (keys[i]! < pivot) i++;
      while (keys[j]! > pivot) j--;
      if (i <= j) {
        [keys[i], keys[j]] = [keys[j]!, keys[i]!];
        [points[i], points[j]] = [points[j]!, points[i]!];
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function radiusFor(count: number): number {
  return LEAF_RADIUS * Math.cbrt(count);
}

/** Grows the tree of points[lo, hi) from `from`; `keys` is scratch space as long as `points`. */
function grow(from: Point, points: Point[], lo: number, hi: number, keys: Float64Array, kind: Segment['kind'], out: Segment[], random: SeededRandom): void {
  if (hi - lo === 1) {
    out.push({ a: [...from, LEAF_RADIUS], b: [...points[lo]!, LEAF_RADIUS], kind });
    return;
  }
  // Split across whichever of a few random directions the cloud is widest along, so that branches
  // point every way rather than along the axes (craniocaudal spread counting a little more, as
  // vessels run mostly up and down and are mostly cut across on axial slices).
  let best: Point = [0, 0, 1];
  let widest = -1;
  for (let k = 0; k < 4; k++) {
    const z = random.between(-1, 1);
    const phi = random.between(0, 2 * Math.PI);
    const direction: Point = [Math.sqrt(1 - z * z) * Math.cos(phi), Math.sqrt(1 - z * z) * Math.sin(phi), z];
    let min = Infinity;
    let max = -Infinity;
    for (let i = lo; i < hi; i++) {
      const p = points[i]!;
      const t = p[0] * direction[0] + p[1] * direction[1] + p[2] * direction[2];
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    const extent = (max - min) * (1 + 0.4 * Math.abs(z));
    if (extent > widest) {
      widest = extent;
      best = direction;
    }
  }
  for (let i = lo; i < hi; i++) {
    const p = points[i]!;
    keys[i] = p[0] * best[0] + p[1] * best[1] + p[2] * best[2];
  }
  const middle = lo + Math.floor((hi - lo) / 2);
  selectMedian(points, keys, lo, hi, middle);
  for (const [start, end] of [[lo, middle], [middle, hi]] as const) {
    if (end - start === 1) {
      grow(from, points, start, end, keys, kind, out, random);
      continue;
    }
    const center = centroid(points, start, end);
    const to: Point = [
      from[0] + (center[0] - from[0]) * 0.55,
      from[1] + (center[1] - from[1]) * 0.55,
      from[2] + (center[2] - from[2]) * 0.55,
    ];
    const r = radiusFor(end - start);
    out.push({ a: [...from, r], b: [...to, r], kind });
    grow(to, points, start, end, keys, kind, out, random);
  }
}

function distanceToSegment(p: Point, s: Segment): number {
  const ex = s.b[0] - s.a[0];
  const ey = s.b[1] - s.a[1];
  const ed = s.b[2] - s.a[2];
  const lengthSquared = ex * ex + ey * ey + ed * ed;
  let t = lengthSquared > 0 ? ((p[0] - s.a[0]) * ex + (p[1] - s.a[1]) * ey + (p[2] - s.a[2]) * ed) / lengthSquared : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - s.a[0] - t * ex, p[1] - s.a[1] - t * ey, p[2] - s.a[2] - t * ed);
}

/** Bronchi run beside the larger arteries, about as wide as them. */
function bronchusBeside(artery: Segment): Segment | undefined {
  const r = artery.a[3];
  if (r < 2.3) return undefined;
  const ex = artery.b[0] - artery.a[0];
  const ey = artery.b[1] - artery.a[1];
  const horizontal = Math.hypot(ex, ey);
  let nx = horizontal > 1e-6 ? ey / horizontal : 0;
  let ny = horizontal > 1e-6 ? -ex / horizontal : 1;
  if (ny < 0) {
    nx = -nx;
    ny = -ny;
  }
  const rb = r * 0.85;
  const offset = r + rb + 0.6;
  return {
    a: [artery.a[0] + nx * offset, artery.a[1] + ny * offset, artery.a[2], rb],
    b: [artery.b[0] + nx * offset, artery.b[1] + ny * offset, artery.b[2], rb],
    kind: 'bronchus',
  };
}

function buildSegments(avoid: { center: Point; radius: number }): Segment[] {
  const random = new SeededRandom(1958);
  const segments: Segment[] = [];
  for (const [specs, kind] of [[VEINS, 'vein'], [ARTERIES, 'artery']] as const) {
    for (const spec of specs) {
      const points = scatter(spec, random, { center: avoid.center, radius: avoid.radius + 8 });
      const center = centroid(points, 0, points.length);
      // The lobar trunk leaves the hilum towards the middle of its lobe before it divides.
      const trunkEnd: Point = [
        spec.root[0] + (center[0] - spec.root[0]) * 0.3,
        spec.root[1] + (center[1] - spec.root[1]) * 0.3,
        spec.root[2] + (center[2] - spec.root[2]) * 0.3,
      ];
      const r = radiusFor(points.length);
      segments.push({ a: [...spec.root, r], b: [...trunkEnd, r], kind });
      grow(trunkEnd, points, 0, points.length, new Float64Array(points.length), kind, segments, random);
    }
  }
  const bronchi = segments.filter((s) => s.kind === 'artery').map(bronchusBeside).filter((s): s is Segment => s !== undefined);
  // Keep clear of the nodule: no vessel or bronchus within a few millimetres of its surface.
  return [...segments, ...bronchi].filter((s) => distanceToSegment(avoid.center, s) > avoid.radius + s.a[3] + 5);
}

const VALUE = { artery: HU.blood, vein: HU.blood, bronchus: HU.muscle } as const;

/**
 * For each slab (centre depth `firstDepth + i × thickness`), the vessel and bronchus cross-sections to
 * paint, in order. Built once: the same patient's anatomy on the current and prior CT.
 */
export function pulmonaryFootprints(slices: number, thickness: number, avoid: { center: Point; radius: number }): Footprint[][] {
  const segments = buildSegments(avoid);
  const vessels: Footprint[][] = Array.from({ length: slices }, () => []);
  const walls: Footprint[][] = Array.from({ length: slices }, () => []);
  const lumens: Footprint[][] = Array.from({ length: slices }, () => []);
  for (const s of segments) {
    // Only the slabs the segment can reach.
    const reach = Math.max(s.a[3], s.b[3]) + thickness / 2;
    const first = Math.max(0, Math.ceil((Math.min(s.a[2], s.b[2]) - reach) / thickness));
    const last = Math.min(slices - 1, Math.floor((Math.max(s.a[2], s.b[2]) + reach) / thickness));
    for (let index = first; index <= last; index++) {
      const d = index * thickness;
      const footprint = slabFootprint(s.a, s.b, d, thickness);
      if (!footprint || footprint.fraction < 0.08) continue;
      const clipped = footprint.r < 3.2;
      const target = s.kind === 'bronchus' ? walls : vessels;
      const { x0, y0, x1, y1, r, fraction } = footprint;
      target[index]!.push({ x0, y0, x1, y1, r, value: HU.lung + (VALUE[s.kind] - HU.lung) * fraction, below: clipped ? AERATED : undefined });
      if (s.kind === 'bronchus') {
        const wall = Math.max(0.6, 0.16 * r);
        const lumen = slabFootprint(s.a, s.b, d, thickness, r - wall);
        if (lumen && lumen.r > 0.4) {
          lumens[index]!.push({ ...lumen, value: HU.lung + (HU.air - HU.lung) * lumen.fraction, below: clipped ? HU.muscle + 1 : undefined });
        }
      }
    }
  }
  return vessels.map((list, index) => [...list, ...walls[index]!, ...lumens[index]!]);
}
