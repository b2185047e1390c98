/** A point or direction in patient coordinates (DICOM LPS, mm). */
export type Vec3 = readonly [number, number, number];

/** What the slice synchroniser needs of a series: its images' positions and orientation, and their frame. */
export interface SeriesGeometry {
  frameOfReferenceUID: string | undefined;
  /** ImageOrientationPatient: the row direction, then the column direction. */
  orientation: readonly number[] | undefined;
  /** ImagePositionPatient of every image, in any order. */
  positions: readonly Vec3[];
}

/**
 * How a position on the current series maps onto the prior. `sameFrame`: both share a
 * FrameOfReferenceUID, so a patient position means the same place in both. `approximate`: they do
 * not, so the prior's slices are shifted along the slice normal until the two scanned ranges meet
 * at their head ends (transverse slices: both scans assumed to start at the same anatomical
 * level) or, for other planes, at their middles. `none`: no defensible mapping (no geometry, or
 * slices not parallel).
 */
export type SliceAlignment =
  | { kind: 'sameFrame'; translationMm: Vec3 }
  | { kind: 'approximate'; anchor: 'headEnd' | 'rangeMiddle'; translationMm: Vec3; shiftMm: number }
  | { kind: 'none'; reason: 'noGeometry' | 'notParallel' };

/** Slices more than about 1° apart are not the same plane: slice positions would not match anatomy. */
const PARALLEL_COSINE = Math.cos((1 * Math.PI) / 180);

const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const scaled = (a: Vec3, factor: number): Vec3 => [a[0] * factor, a[1] * factor, a[2] * factor];
const minus = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];

/** The unit normal of the slices (row × column), or undefined when the orientation is unusable. */
export function sliceNormal(orientation: readonly number[] | undefined): Vec3 | undefined {
  if (!orientation || orientation.length < 6 || orientation.some(value => !Number.isFinite(value))) return undefined;
  const [rx, ry, rz, cx, cy, cz] = orientation as [number, number, number, number, number, number];
  const normal: Vec3 = [ry * cz - rz * cy, rz * cx - rx * cz, rx * cy - ry * cx];
  const length = Math.hypot(...normal);
  return length > 1e-6 ? scaled(normal, 1 / length) : undefined;
}

/**
 * Where a series is pinned along the slice normal: at its image nearest the head (greatest z in LPS,
 * where z grows towards the head). For slices that are not transverse the head end is no
 * landmark, so the middle of the scanned range is taken instead.
 */
const isTransverse = (normal: Vec3) => Math.abs(normal[2]) >= Math.max(Math.abs(normal[0]), Math.abs(normal[1]));

function alignmentLevel(positions: readonly Vec3[], normal: Vec3): number {
  if (isTransverse(normal)) return dot(positions.reduce((highest, position) => (position[2] > highest[2] ? position : highest)), normal);
  const along = positions.map(position => dot(position, normal));
  return (Math.min(...along) + Math.max(...along)) / 2;
}

/**
 * The translation (prior − current, mm) that carries a position on the current series to the
 * matching position on the prior. Only the component along the slice normal is kept: slice
 * synchronisation picks the prior image nearest the carried position, and an in-plane offset that
 * is the same for every slice cannot change which one that is, while pretending to know it would
 * claim an in-plane registration nobody computed.
 */
export function sliceAlignment(current: SeriesGeometry, prior: SeriesGeometry): SliceAlignment {
  const currentNormal = sliceNormal(current.orientation);
  const priorNormal = sliceNormal(prior.orientation);
  if (!currentNormal || !priorNormal || current.positions.length === 0 || prior.positions.length === 0) return { kind: 'none', reason: 'noGeometry' };
  if (Math.abs(dot(currentNormal, priorNormal)) < PARALLEL_COSINE) return { kind: 'none', reason: 'notParallel' };
  if (current.frameOfReferenceUID && current.frameOfReferenceUID === prior.frameOfReferenceUID) return { kind: 'sameFrame', translationMm: [0, 0, 0] };
  const shiftMm = alignmentLevel(prior.positions, currentNormal) - alignmentLevel(current.positions, currentNormal);
  const rounded = Math.round(shiftMm * 100) / 100;
  return { kind: 'approximate', anchor: isTransverse(currentNormal) ? 'headEnd' : 'rangeMiddle', translationMm: scaled(currentNormal, rounded), shiftMm: rounded };
}

/** The 0-based index of the prior image nearest a current position carried over by the alignment. */
export function nearestSlice(priorPositions: readonly Vec3[], currentPosition: Vec3, translationMm: Vec3): number {
  const target: Vec3 = [currentPosition[0] + translationMm[0], currentPosition[1] + translationMm[1], currentPosition[2] + translationMm[2]];
  let best = -1;
  let bestDistance = Infinity;
  priorPositions.forEach((position, index) => {
    const distance = Math.hypot(...minus(position, target));
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}

/** A translation as the column-major 4 × 4 matrix cornerstone's registration provider takes. */
export function translationMatrix(translationMm: Vec3): number[] {
  return [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, translationMm[0], translationMm[1], translationMm[2], 1];
}
