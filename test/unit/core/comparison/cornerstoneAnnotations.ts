import type { ComparedAnnotation } from '../../../../src/core/comparison';

type Point = [number, number, number];

export const STUDY = '1.2.826.0.1.3680043.8.498.1';
export const SERIES = '1.2.826.0.1.3680043.8.498.1.2';
export const FRAME = '1.2.826.0.1.3680043.8.498.1.9';
const IMAGE = 'wadors:http://127.0.0.1:41234/dicom-web/studies/1.2/series/1.2.3/instances/1.2.3.4/frames/1';

export interface Placement {
  seriesInstanceUID?: string;
  sopInstanceUID?: string;
  frameOfReferenceUID?: string | null;
  viewPlaneNormal?: Point | null;
  label?: string;
}

/**
 * An annotation as toSavedAnnotation keeps it from cornerstoneTools 5: metadata with the tool and
 * the plane, the handles in world mm, a text box, the scalar statistics per image.
 */
export function drawn(uid: string, toolName: string, data: Record<string, unknown>, placement: Placement = {}): ComparedAnnotation {
  const metadata: Record<string, unknown> = { toolName, referencedImageId: IMAGE, viewUp: [0, -1, 0] };
  if (placement.frameOfReferenceUID !== null) metadata.FrameOfReferenceUID = placement.frameOfReferenceUID ?? FRAME;
  if (placement.viewPlaneNormal !== null) metadata.viewPlaneNormal = placement.viewPlaneNormal ?? [0, 0, -1];
  return {
    uid,
    studyInstanceUID: STUDY,
    seriesInstanceUID: placement.seriesInstanceUID ?? SERIES,
    sopInstanceUID: placement.sopInstanceUID ?? `${SERIES}.13`,
    frameNumber: null,
    annotation: {
      annotationUID: uid,
      isLocked: false,
      isVisible: true,
      metadata,
      data: { label: placement.label ?? '', ...data },
    },
  };
}

const textBox = { hasMoved: false };

export const length = (uid: string, a: Point, b: Point, placement?: Placement, stats: Record<string, unknown> = {}) =>
  drawn(uid, 'Length', { handles: { points: [a, b], textBox }, cachedStats: stats }, placement);

export const bidirectional = (uid: string, long: [Point, Point], short: [Point, Point], placement?: Placement) =>
  drawn(uid, 'Bidirectional', { handles: { points: [...long, ...short], textBox }, cachedStats: {} }, placement);

/** Axis-aligned on an axial slice at z, as the tool keeps its handles: bottom, top, left, right. */
export const ellipse = (uid: string, centre: Point, rx: number, ry: number, placement?: Placement) => {
  const [x, y, z] = centre;
  return drawn(
    uid,
    'EllipticalROI',
    { handles: { points: [[x, y + ry, z], [x, y - ry, z], [x - rx, y, z], [x + rx, y, z]], textBox }, cachedStats: {} },
    placement,
  );
};

export const circle = (uid: string, centre: Point, radius: number, placement?: Placement) =>
  drawn(uid, 'CircleROI', { handles: { points: [centre, [centre[0], centre[1] - radius, centre[2]]], textBox }, cachedStats: {} }, placement);

/** Corners as the tool keeps them: 0 and 3 opposite. */
export const rectangle = (uid: string, [x0, y0]: [number, number], [x1, y1]: [number, number], z: number, placement?: Placement) =>
  drawn(
    uid,
    'RectangleROI',
    { handles: { points: [[x0, y1, z], [x1, y1, z], [x0, y0, z], [x1, y0, z]], textBox }, cachedStats: {} },
    placement,
  );

export const freehand = (uid: string, polyline: Point[], placement?: Placement, toolName = 'PlanarFreehandROI') =>
  drawn(uid, toolName, { handles: { points: [], textBox }, contour: { polyline, closed: true }, cachedStats: {} }, placement);

export const arrow = (uid: string, head: Point, tail: Point, placement?: Placement, arrowFirst = true) =>
  drawn(uid, 'ArrowAnnotate', { text: 'nodule', handles: { points: arrowFirst ? [head, tail] : [tail, head], arrowFirst, textBox } }, placement);

export const probe = (uid: string, at: Point, placement?: Placement) => drawn(uid, 'Probe', { handles: { points: [at] }, cachedStats: {} }, placement);
