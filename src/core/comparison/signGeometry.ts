import { z } from 'zod';

const vec3 = z.tuple([z.number().finite(), z.number().finite(), z.number().finite()]);
export type Vec3 = z.infer<typeof vec3>;

/**
 * How a drawing is compared: an area (ellipse, circle, rectangle, freehand contour) by overlap, a
 * length or bidirectional by its segments, a point or arrow by distance.
 */
export const SIGN_SHAPES = ['area', 'segments', 'point'] as const;
export type SignShape = (typeof SIGN_SHAPES)[number];

/**
 * One annotation reduced to what matching needs, in patient coordinates (millimetres, the DICOM
 * patient frame cornerstone's world coordinates are in).
 */
export const signGeometry = z.object({
  uid: z.string().min(1),
  toolName: z.string(),
  shape: z.enum(SIGN_SHAPES),
  seriesInstanceUID: z.string(),
  frameOfReferenceUID: z.string().optional(),
  /** Unit normal of the image plane it was drawn on. */
  planeNormal: vec3,
  /** area: the closed contour in order; segments: consecutive pairs (a bidirectional has two); point: one (an arrow's tip). */
  points: z.array(vec3).min(1),
  /** What it measures in mm: a length, a bidirectional's long axis, an area's longest diameter. */
  measurementMm: z.number().finite().optional(),
  label: z.string().optional(),
});
export type SignGeometry = z.infer<typeof signGeometry>;

/** Configuration of the matching; a department may set its own (TEACHING_SIGN_TOLERANCES). */
export const matchTolerances = z.object({
  /** Farthest apart two image planes may be and still count as the same or an adjacent slice. */
  sliceDistanceMm: z.number().finite().positive(),
  /** Points and arrows: farthest apart their tips may be. */
  pointDistanceMm: z.number().finite().positive(),
  /** Lengths and bidirectionals: the largest mean distance between matched segments' end points. */
  segmentDistanceMm: z.number().finite().positive(),
  /** Areas: the least intersection over union. */
  minimumOverlap: z.number().min(0).max(1),
});
export type MatchTolerances = z.infer<typeof matchTolerances>;

export const DEFAULT_TOLERANCES: MatchTolerances = { sliceDistanceMm: 6, pointDistanceMm: 10, segmentDistanceMm: 5, minimumOverlap: 0.3 };
