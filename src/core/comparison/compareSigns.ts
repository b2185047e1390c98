import { enclosedArea, isInside, overlapArea, type Outline } from './polygonOverlap';
import type { SignComparison } from './signComparison';
import { DEFAULT_TOLERANCES, type MatchTolerances, type SignGeometry, type Vec3 } from './signGeometry';
import { centroid, dot, planeAxes, subtract } from './vec3';

/** cos 10°: planes tilted less than this apart are the same orientation (a reformat's rounding, a slightly oblique scout). */
const PARALLEL_COSINE = Math.cos((10 * Math.PI) / 180);
const TILT_SINE = Math.sin((10 * Math.PI) / 180);

/**
 * Outlines are clipped on at most this many of their points: a hand-drawn outline of a few hundred
 * points then loses well under 1 % of its area, and the clipping takes a third of the time.
 */
const OUTLINE_POINTS = 100;

/** Within 50 % of an area's diameter, a line across it measures that area. */
const LENGTH_SHARE = 0.5;

interface Point2 {
  x: number;
  y: number;
}

/** One drawing with what every comparison of it needs, worked out once. */
interface Prepared {
  sign: SignGeometry;
  /** The points compared: an outline's thinned out to at most OUTLINE_POINTS. */
  points: Vec3[];
  centre: Vec3;
  low: Vec3;
  high: Vec3;
  /** Half the diagonal of its bounding box. */
  reach: number;
  /** Axes of its own image plane, centred on `centre`. */
  u: Vec3;
  v: Vec3;
  /** Its points laid into its own plane, and (areas) the area they enclose: worked out when first needed. */
  flat?: Point2[];
  ownArea?: number;
}

/** Outlines that never cross themselves, whose area the shoelace formula gives without clipping. */
const SIMPLE_OUTLINES = new Set(['EllipticalROI', 'CircleROI', 'RectangleROI']);

function shoelace(outline: Point2[]): number {
  let twice = 0;
  for (let i = 0, j = outline.length - 1; i < outline.length; j = i++) twice += outline[j]!.x * outline[i]!.y - outline[i]!.x * outline[j]!.y;
  return Math.abs(twice) / 2;
}

function flatOf(prepared: Prepared): Point2[] {
  prepared.flat ??= project(prepared.points, prepared);
  return prepared.flat;
}

function thinned(points: Vec3[]): Vec3[] {
  if (points.length <= OUTLINE_POINTS) return points;
  const stride = Math.ceil(points.length / OUTLINE_POINTS);
  return points.filter((_, index) => index % stride === 0);
}

function prepare(sign: SignGeometry): Prepared {
  const points = sign.shape === 'area' ? thinned(sign.points) : sign.points;
  const low: Vec3 = [Infinity, Infinity, Infinity];
  const high: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (const point of points) {
    for (let axis = 0; axis < 3; axis++) {
      low[axis] = Math.min(low[axis]!, point[axis]!);
      high[axis] = Math.max(high[axis]!, point[axis]!);
    }
  }
  const { u, v } = planeAxes(sign.planeNormal);
  return { sign, points, centre: centroid(points), low, high, reach: Math.hypot(high[0] - low[0], high[1] - low[1], high[2] - low[2]) / 2, u, v };
}

/** The points laid into `plane`'s image plane, in mm from its centre. */
function project(points: readonly Vec3[], plane: Prepared): Point2[] {
  return points.map(point => {
    const offset = subtract(point, plane.centre);
    return { x: dot(offset, plane.u), y: dot(offset, plane.v) };
  });
}

const distance2 = (a: Point2, b: Point2) => Math.hypot(a.x - b.x, a.y - b.y);
const midpoint2 = (a: Point2, b: Point2): Point2 => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

function pairsOf(points: Point2[]): Array<[Point2, Point2]> {
  const pairs: Array<[Point2, Point2]> = [];
  for (let i = 0; i + 1 < points.length; i += 2) pairs.push([points[i]!, points[i + 1]!]);
  return pairs;
}

function ownArea(prepared: Prepared): number {
  prepared.ownArea ??= SIMPLE_OUTLINES.has(prepared.sign.toolName) ? shoelace(flatOf(prepared)) : enclosedArea(flatOf(prepared));
  return prepared.ownArea;
}

function boundsOf(outline: Point2[]) {
  let [left, right, bottom, top] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const { x, y } of outline) [left, right, bottom, top] = [Math.min(left, x), Math.max(right, x), Math.min(bottom, y), Math.max(top, y)];
  return { left, right, bottom, top };
}

/** Intersection over union of the two regions as they lie in the reference's plane. */
function overlapOf(reference: Prepared, resident: Prepared, referenceOutline: Outline, residentOutline: Outline, minimum: number): number | undefined {
  const a = boundsOf(referenceOutline);
  const b = boundsOf(residentOutline);
  if (a.left > b.right || b.left > a.right || a.bottom > b.top || b.bottom > a.top) return undefined;
  const referenceArea = ownArea(reference);
  // A region tilted against the plane shows a smaller area in it, by the cosine of the tilt.
  const residentArea = ownArea(resident) * Math.abs(dot(reference.sign.planeNormal, resident.sign.planeNormal));
  if (referenceArea <= 0 || residentArea <= 0) return undefined;
  // The overlap can be at most the smaller area, so a region far bigger or smaller than the other is out without clipping.
  if (Math.min(referenceArea, residentArea) / Math.max(referenceArea, residentArea) < minimum) return undefined;
  const shared = overlapArea(referenceOutline, residentOutline);
  const overlap = shared / (referenceArea + residentArea - shared);
  return overlap >= minimum ? overlap : undefined;
}

/** Mean distance of two segments' end points, matched either way round. */
function segmentsApart([p, q]: [Point2, Point2], [r, s]: [Point2, Point2]): number {
  return Math.min(distance2(p, r) + distance2(q, s), distance2(p, s) + distance2(q, r)) / 2;
}

/** The least total distance pairing each of `fewer` (from `index` on) with a different one of `more`. */
function bestPairing(fewer: Array<[Point2, Point2]>, more: Array<[Point2, Point2]>, index: number, used: boolean[]): number {
  if (index === fewer.length) return 0;
  let least = Infinity;
  for (let k = 0; k < more.length; k++) {
    if (used[k]) continue;
    used[k] = true;
    least = Math.min(least, segmentsApart(fewer[index]!, more[k]!) + bestPairing(fewer, more, index + 1, used));
    used[k] = false;
  }
  return least;
}

/**
 * Mean end-point distance over the best pairing of segments. Every tool draws one or two segments,
 * so trying every pairing is a handful of sums.
 */
function segmentDistance(a: Point2[], b: Point2[]): number {
  const [fewer, more] = a.length <= b.length ? [pairsOf(a), pairsOf(b)] : [pairsOf(b), pairsOf(a)];
  return bestPairing(fewer, more, 0, []) / fewer.length;
}

const closeness = (apart: number, tolerance: number) => (apart <= tolerance ? 1 - apart / tolerance : undefined);

function pointToSegments(point: Point2, points: Point2[]): number {
  let least = Infinity;
  for (let i = 0; i + 1 < points.length; i += 2) least = Math.min(least, pointToSegment(point, [points[i]!, points[i + 1]!]));
  return least;
}

function longestSegment(points: Point2[]): [Point2, Point2] {
  return pairsOf(points).reduce((longest, pair) => (distance2(...pair) > distance2(...longest) ? pair : longest));
}

function pointToSegment(point: Point2, [a, b]: [Point2, Point2]): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared > 0 ? Math.max(0, Math.min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / lengthSquared)) : 0;
  return distance2(point, { x: a.x + t * dx, y: a.y + t * dy });
}

/** How far an area's edge lies from its centre at most: half its longest diameter. */
const radiusOf = (area: Prepared) => (area.sign.measurementMm ?? 0) / 2;

/** A line across an area matches it when its middle lies inside and it is about as long as the area is wide. */
function lineAcrossArea(area: Prepared, outline: Point2[], line: Point2[]): number | undefined {
  const [a, b] = longestSegment(line);
  const diameter = 2 * radiusOf(area);
  const length = distance2(a, b);
  if (diameter <= 0 || Math.abs(length - diameter) > LENGTH_SHARE * diameter || !isInside(midpoint2(a, b), outline)) return undefined;
  return 1 - Math.abs(length - diameter) / (LENGTH_SHARE * diameter);
}

/** A point (an arrow's tip, a probe) on an area matches it; closer to its middle is better. */
function pointInArea(area: Prepared, outline: Point2[], point: Point2, plane: Prepared): number | undefined {
  if (!isInside(point, outline)) return undefined;
  const radius = radiusOf(area);
  const centre = project([area.centre], plane)[0]!;
  return radius > 0 ? Math.max(0, 1 - distance2(point, centre) / radius) : 0;
}

/**
 * How well the resident's drawing matches the reference drawing, from 0 (just within tolerance) to
 * 1 (the same), or undefined when it does not. Both are laid into the reference's image plane, so a
 * drawing on the adjacent slice is judged by where it lies on the image, not by the slice gap.
 */
function matchQuality(reference: Prepared, resident: Prepared, tolerances: MatchTolerances): number | undefined {
  const ref = flatOf(reference);
  const res = project(resident.points, reference);
  const shapes = `${reference.sign.shape}/${resident.sign.shape}`;
  switch (shapes) {
    case 'area/area': {
      const overlap = overlapOf(reference, resident, ref, res, tolerances.minimumOverlap);
      if (overlap === undefined) return undefined;
      return tolerances.minimumOverlap < 1 ? (overlap - tolerances.minimumOverlap) / (1 - tolerances.minimumOverlap) : 1;
    }
    case 'segments/segments':
      return closeness(segmentDistance(ref, res), tolerances.segmentDistanceMm);
    case 'point/point':
      return closeness(distance2(ref[0]!, res[0]!), tolerances.pointDistanceMm);
    case 'area/segments':
      return lineAcrossArea(reference, ref, res);
    case 'segments/area':
      return lineAcrossArea(resident, res, ref);
    case 'area/point':
      return pointInArea(reference, ref, res[0]!, reference);
    case 'point/area':
      return pointInArea(resident, res, ref[0]!, reference);
    case 'segments/point':
      return closeness(pointToSegments(res[0]!, ref), tolerances.pointDistanceMm);
    case 'point/segments':
      return closeness(pointToSegments(ref[0]!, res), tolerances.pointDistanceMm);
    default:
      return undefined;
  }
}

/**
 * Whether two drawings on images that share a space (the same series or frame of reference) lie on
 * the same or an adjacent slice, close enough on it for some rule to match them.
 */
function samePlace(reference: Prepared, resident: Prepared, tolerances: MatchTolerances, farthest: number): boolean {
  // Bounding boxes first, as most pairs fail there: no rule matches drawings farther apart than a
  // slice gap, the widest in-plane tolerance and what the tilt between the planes adds across the drawing.
  const gap = farthest + resident.reach * 2 * TILT_SINE;
  for (let axis = 0; axis < 3; axis++) {
    if (resident.low[axis]! - reference.high[axis]! > gap || reference.low[axis]! - resident.high[axis]! > gap) return false;
  }
  const n = reference.sign.planeNormal;
  if (Math.abs(dot(n, resident.sign.planeNormal)) < PARALLEL_COSINE) return false;
  const a = reference.centre;
  const b = resident.centre;
  return Math.abs((b[0] - a[0]) * n[0] + (b[1] - a[1]) * n[1] + (b[2] - a[2]) * n[2]) <= tolerances.sliceDistanceMm;
}

function bucket(signs: Prepared[], key: (sign: SignGeometry) => string | undefined): Map<string, number[]> {
  const buckets = new Map<string, number[]>();
  signs.forEach((prepared, index) => {
    const name = key(prepared.sign);
    if (name === undefined) return;
    const list = buckets.get(name);
    if (list) list.push(index);
    else buckets.set(name, [index]);
  });
  return buckets;
}

// Adding 0 turns a rounded −0 into 0.
const round1 = (mm: number) => Math.round(mm * 10) / 10 + 0;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Which of the resident's drawings show which reference drawing. Each reference drawing is found by
 * at most one resident drawing and each resident drawing finds at most one. Uids are taken to be
 * unique on each side, as annotation UIDs are.
 */
export function compareSigns(reference: SignGeometry[], resident: SignGeometry[], tolerances: MatchTolerances = DEFAULT_TOLERANCES): SignComparison {
  const references = reference.map(prepare);
  const residents = resident.map(prepare);
  const bySeries = bucket(references, sign => sign.seriesInstanceUID);
  const byFrame = bucket(references, sign => sign.frameOfReferenceUID);
  const farthest = tolerances.sliceDistanceMm + Math.max(tolerances.pointDistanceMm, tolerances.segmentDistanceMm);

  const pairs: Array<{ reference: number; resident: number; quality: number }> = [];
  const seenFor = new Int32Array(references.length).fill(-1);
  residents.forEach((candidate, residentIndex) => {
    const { seriesInstanceUID, frameOfReferenceUID } = candidate.sign;
    // Only drawings on images that share a space are candidates: those of its series and its frame of reference.
    const consider = (referenceIndex: number) => {
      if (seenFor[referenceIndex] === residentIndex) return;
      seenFor[referenceIndex] = residentIndex;
      const target = references[referenceIndex]!;
      if (!samePlace(target, candidate, tolerances, farthest)) return;
      const quality = matchQuality(target, candidate, tolerances);
      if (quality !== undefined) pairs.push({ reference: referenceIndex, resident: residentIndex, quality });
    };
    bySeries.get(seriesInstanceUID)?.forEach(consider);
    if (frameOfReferenceUID) byFrame.get(frameOfReferenceUID)?.forEach(consider);
  });

  // Greedy by descending quality: the best pair left is taken and both its drawings leave the pool,
  // so no drawing is used twice. A tutor expects each reference drawing to go to the resident's
  // closest drawing; unlike maximising the number of pairs, this never gives a drawing a worse
  // partner while its best one is free. Equal qualities fall to the uids, so the input order does
  // not change the result.
  pairs.sort(
    (a, b) =>
      b.quality - a.quality ||
      byText(references[a.reference]!.sign.uid, references[b.reference]!.sign.uid) ||
      byText(residents[a.resident]!.sign.uid, residents[b.resident]!.sign.uid),
  );
  const referenceTaken = new Set<number>();
  const residentTaken = new Set<number>();
  const found: SignComparison['found'] = [];
  for (const pair of pairs) {
    if (referenceTaken.has(pair.reference) || residentTaken.has(pair.resident)) continue;
    referenceTaken.add(pair.reference);
    residentTaken.add(pair.resident);
    const a = references[pair.reference]!.sign;
    const b = residents[pair.resident]!.sign;
    const measured =
      a.measurementMm !== undefined && b.measurementMm !== undefined
        ? { referenceMm: round1(a.measurementMm), residentMm: round1(b.measurementMm), differenceMm: round1(round1(b.measurementMm) - round1(a.measurementMm)) }
        : {};
    found.push({ referenceUid: a.uid, residentUid: b.uid, ...measured });
  }
  found.sort((a, b) => byText(a.referenceUid, b.referenceUid));
  return {
    found,
    missed: references.filter((_, index) => !referenceTaken.has(index)).map(prepared => prepared.sign.uid).sort(byText),
    extra: residents.filter((_, index) => !residentTaken.has(index)).map(prepared => prepared.sign.uid).sort(byText),
  };
}
