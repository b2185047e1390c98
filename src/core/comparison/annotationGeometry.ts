import type { LocalizedText } from '../schema/common';
import type { ComparedAnnotation } from './signComparison';
import type { SignGeometry, SignShape, Vec3 } from './signGeometry';
import { add, cross, distance, dot, midpoint, norm, planeAxes, scale, subtract, unit } from './vec3';

type Json = Record<string, unknown>;

export type GeometryResult = { ok: true; geometry: SignGeometry } | { ok: false; reason: LocalizedText };

/** Points on an ellipse's or circle's outline; a multiple of 4 so that the axis ends are among them. */
const OUTLINE_POINTS = 64;

/**
 * Below this share of their reach off the line through them, the points span no plane (they lie
 * on one line): a tenth of a millimetre across a 10 cm drawing, less than a pixel.
 */
const FLAT_SINE = 1e-3;

/** What a tool's handles come to: how it is compared, its points, what it measures. */
interface Reading {
  shape: SignShape;
  points: Vec3[];
  measurementMm?: number;
}

type Reader = (handles: Vec3[], data: Json, normal: Vec3) => Reading | LocalizedText;

const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A point as the viewer stores it: an array, or the {"0":…} object a typed array becomes in older JSON. */
function asVec3(value: unknown): Vec3 | undefined {
  const source = Array.isArray(value) ? value : isJson(value) ? [value['0'], value['1'], value['2']] : undefined;
  if (!source || source.length < 3) return undefined;
  const [x, y, z] = source;
  return [x, y, z].every(c => typeof c === 'number' && Number.isFinite(c)) ? ([x, y, z] as Vec3) : undefined;
}

function asPoints(value: unknown): Vec3[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const points = value.map(asVec3);
  return points.every((point): point is Vec3 => point !== undefined) ? points : undefined;
}

const tooFew = (tool: string, needed: number): LocalizedText => ({
  zh: `“${tool}”标注的控制点不足 ${needed} 个，无法比较`,
  en: `The "${tool}" drawing has fewer than ${needed} points and cannot be compared`,
});

const degenerate = (tool: string): LocalizedText => ({
  zh: `“${tool}”标注的控制点重合，没有可比较的长度或面积`,
  en: `The "${tool}" drawing's points coincide: it has no length or area to compare`,
});

/**
 * The tool's own measured length when it is in millimetres. On ultrasound the world coordinates are
 * pixels (the image has no patient position) and only the tool, which read the calibrated regions,
 * knows the length in mm; elsewhere it equals the distance of the handles.
 */
function statedLengthMm(data: Json): number | undefined {
  const stats = data.cachedStats;
  if (!isJson(stats)) return undefined;
  for (const entry of Object.values(stats)) {
    if (isJson(entry) && entry.unit === 'mm' && typeof entry.length === 'number' && Number.isFinite(entry.length) && entry.length > 0) return entry.length;
  }
  return undefined;
}

/** The outline's convex hull in its plane (Andrew's monotone chain): the longest distance across lies between two of its corners. */
function hullInPlane(outline: readonly Vec3[], normal: Vec3): Array<[number, number]> {
  const { u, v } = planeAxes(normal);
  const flat = outline.map(point => [dot(point, u), dot(point, v)] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const turn = (o: [number, number], a: [number, number], b: [number, number]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (points: Array<[number, number]>) => {
    const chain: Array<[number, number]> = [];
    for (const point of points) {
      while (chain.length >= 2 && turn(chain[chain.length - 2]!, chain[chain.length - 1]!, point) <= 0) chain.pop();
      chain.push(point);
    }
    chain.pop();
    return chain;
  };
  return [...half(flat), ...half([...flat].reverse())];
}

/** The longest distance across an outline as it lies in its image plane. */
function longestDiameter(outline: readonly Vec3[], normal: Vec3): number {
  const corners = hullInPlane(outline, normal);
  let longest = 0;
  for (let i = 0; i < corners.length; i++) {
    for (let j = i + 1; j < corners.length; j++) longest = Math.max(longest, (corners[i]![0] - corners[j]![0]) ** 2 + (corners[i]![1] - corners[j]![1]) ** 2);
  }
  return Math.sqrt(longest);
}

function segmentsOf(tool: string, handles: Vec3[], needed: number, pairs: Array<[number, number]>, data: Json, measures: boolean): Reading | LocalizedText {
  if (handles.length < needed) return tooFew(tool, needed);
  const points = pairs.flatMap(([a, b]) => [handles[a]!, handles[b]!]);
  const lengths = pairs.map(([a, b]) => distance(handles[a]!, handles[b]!));
  if (Math.max(...lengths) < 1e-6) return degenerate(tool);
  if (!measures) return { shape: 'segments', points };
  return { shape: 'segments', points, measurementMm: statedLengthMm(data) ?? Math.max(...lengths) };
}

function outlineArea(tool: string, outline: Vec3[], measurementMm: number): Reading | LocalizedText {
  if (measurementMm < 1e-6) return degenerate(tool);
  return { shape: 'area', points: outline, measurementMm };
}

/** The ellipse through its two axes (handles: bottom, top, left, right ends, as cornerstone keeps them). */
function ellipseOutline(centre: Vec3, a: Vec3, b: Vec3): Vec3[] {
  return Array.from({ length: OUTLINE_POINTS }, (_, k) => {
    const angle = (2 * Math.PI * k) / OUTLINE_POINTS;
    return add(centre, add(scale(a, Math.cos(angle)), scale(b, Math.sin(angle))));
  });
}

function contourPolyline(data: Json): Vec3[] | undefined {
  const contour = data.contour;
  return asPoints(isJson(contour) ? contour.polyline : undefined) ?? asPoints(data.polyline);
}

/**
 * An outlined region: the tool's contour polyline. An open contour (the person let go before closing
 * it) is still read as the region it nearly encloses, which is what was meant.
 */
const contourReader =
  (tool: string): Reader =>
  (_handles, data, normal) => {
    const polyline = contourPolyline(data);
    if (!polyline || polyline.length < 3) return tooFew(tool, 3);
    return outlineArea(tool, polyline, longestDiameter(polyline, normal));
  };

const READERS: Record<string, Reader> = {
  Length: (handles, data) => segmentsOf('Length', handles, 2, [[0, 1]], data, true),
  // The long axis is handles 0–1 and the short 2–3; either may be the longer after editing.
  Bidirectional: (handles, data) => segmentsOf('Bidirectional', handles, 4, [[0, 1], [2, 3]], data, true),
  CobbAngle: (handles, data) => segmentsOf('CobbAngle', handles, 4, [[0, 1], [2, 3]], data, false),
  Angle: (handles, data) => segmentsOf('Angle', handles, 3, [[0, 1], [1, 2]], data, false),
  EllipticalROI: handles => {
    if (handles.length < 4) return tooFew('EllipticalROI', 4);
    const [bottom, top, left, right] = handles as [Vec3, Vec3, Vec3, Vec3];
    const a = scale(subtract(top, bottom), 0.5);
    const b = scale(subtract(right, left), 0.5);
    if (norm(a) < 1e-6 || norm(b) < 1e-6) return degenerate('EllipticalROI');
    return outlineArea('EllipticalROI', ellipseOutline(midpoint(bottom, top), a, b), 2 * Math.max(norm(a), norm(b)));
  },
  CircleROI: (handles, _data, normal) => {
    if (handles.length < 2) return tooFew('CircleROI', 2);
    const [centre, onCircle] = handles as [Vec3, Vec3];
    const toCircle = subtract(onCircle, centre);
    // In the plane even where the normal was only assumed: the point on the circle may lie off it.
    const inPlane = subtract(toCircle, scale(normal, dot(toCircle, normal)));
    const u = unit(inPlane);
    if (!u) return degenerate('CircleROI');
    const radius = norm(inPlane);
    const v = unit(cross(normal, u))!;
    return outlineArea('CircleROI', ellipseOutline(centre, scale(u, radius), scale(v, radius)), 2 * radius);
  },
  // Corners as cornerstone keeps them: 0 and 3 are opposite, so the outline runs 0, 1, 3, 2.
  RectangleROI: handles => {
    if (handles.length < 4) return tooFew('RectangleROI', 4);
    if (distance(handles[0]!, handles[1]!) < 1e-6 || distance(handles[0]!, handles[2]!) < 1e-6) return degenerate('RectangleROI');
    return outlineArea('RectangleROI', [handles[0]!, handles[1]!, handles[3]!, handles[2]!], distance(handles[0]!, handles[3]!));
  },
  PlanarFreehandROI: contourReader('PlanarFreehandROI'),
  SplineROI: contourReader('SplineROI'),
  LivewireContour: contourReader('LivewireContour'),
  ArrowAnnotate: (handles, data) => {
    if (handles.length < 2) return tooFew('ArrowAnnotate', 2);
    // The head is drawn at handle 0 (arrowFirst, cornerstone's default) or at handle 1.
    const handlesData = isJson(data.handles) ? data.handles : {};
    return { shape: 'point', points: [handlesData.arrowFirst === false ? handles[1]! : handles[0]!] };
  },
  Probe: handles => (handles.length < 1 ? tooFew('Probe', 1) : { shape: 'point', points: [handles[0]!] }),
  DragProbe: handles => (handles.length < 1 ? tooFew('DragProbe', 1) : { shape: 'point', points: [handles[0]!] }),
};

/**
 * The normal of the plane through the points, if they span one: from the first point, the farthest
 * one, and the point farthest off the line between them.
 */
function normalOfPoints(points: readonly Vec3[]): Vec3 | undefined {
  if (points.length < 3) return undefined;
  const origin = points[0]!;
  let far = origin;
  for (const point of points) if (distance(point, origin) > distance(far, origin)) far = point;
  const axis = subtract(far, origin);
  const reach = norm(axis);
  if (reach < 1e-6) return undefined;
  let best: Vec3 = [0, 0, 0];
  for (const point of points) {
    const normal = cross(axis, subtract(point, origin));
    if (norm(normal) > norm(best)) best = normal;
  }
  // |axis × r| = reach · (distance off the line); flat when that distance is a tiny share of the reach.
  return norm(best) / (reach * reach) > FLAT_SINE ? unit(best) : undefined;
}

/**
 * Where the drawing's image plane faces. Every drawing this viewer stores says so; without it (a
 * drawing from elsewhere) the points tell it when they span a plane. A point or a line cannot, and
 * those are taken to lie on a plain stack image, which cornerstone places facing ±z when it has no
 * orientation: only whether two planes are parallel is compared, not which way they face.
 */
function planeNormal(metadata: Json, points: readonly Vec3[]): Vec3 {
  const stored = asVec3(metadata.viewPlaneNormal);
  return (stored && unit(stored)) ?? normalOfPoints(points) ?? [0, 0, 1];
}

/** The drawing reduced to what matching needs, or why it cannot be compared. */
export function geometryOf(annotation: ComparedAnnotation): GeometryResult {
  const json = annotation.annotation;
  const metadata = isJson(json.metadata) ? json.metadata : {};
  const data = isJson(json.data) ? json.data : {};
  const toolName = typeof metadata.toolName === 'string' ? metadata.toolName : undefined;
  if (!toolName) return { ok: false, reason: { zh: '标注未注明绘制工具，无法比较', en: 'The drawing does not say which tool drew it, so it cannot be compared' } };
  const reader = READERS[toolName];
  if (!reader) return { ok: false, reason: { zh: `“${toolName}”工具的标注不参与比较`, en: `Drawings of the "${toolName}" tool are not compared` } };
  const handlesJson = isJson(data.handles) ? data.handles.points : undefined;
  const handles = handlesJson === undefined ? [] : asPoints(handlesJson);
  if (!handles) return { ok: false, reason: { zh: `“${toolName}”标注的控制点不是有效坐标`, en: `The "${toolName}" drawing's points are not valid coordinates` } };
  const normal = planeNormal(metadata, contourPolyline(data) ?? handles);
  const reading = reader(handles, data, normal);
  if (!('shape' in reading)) return { ok: false, reason: reading };
  const frameOfReferenceUID = typeof metadata.FrameOfReferenceUID === 'string' && metadata.FrameOfReferenceUID ? metadata.FrameOfReferenceUID : undefined;
  // An arrow keeps what the person typed beside it as its text.
  const label = [data.label, data.text].find((text): text is string => typeof text === 'string' && text.trim() !== '');
  return {
    ok: true,
    geometry: {
      uid: annotation.uid,
      toolName,
      shape: reading.shape,
      seriesInstanceUID: annotation.seriesInstanceUID,
      ...(frameOfReferenceUID ? { frameOfReferenceUID } : {}),
      planeNormal: normal,
      points: reading.points,
      ...(reading.measurementMm !== undefined ? { measurementMm: reading.measurementMm } : {}),
      ...(label ? { label } : {}),
    },
  };
}
