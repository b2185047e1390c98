import type { Capsule, Ellipse } from './mmCanvas';

/**
 * The adult chest of the CT phantom, in millimetres. Positions are patient coordinates: x towards
 * the patient's left, y posterior (LPS), and `d` the depth below the first (most cranial) slice,
 * so that z = firstSliceZ − d. Depth landmarks: lung apices at d≈3, sternal notch d≈40, aortic
 * arch d≈62–85, carina d≈95, heart d≈118–222, right hemidiaphragm dome d≈183, left d≈197,
 * posterior costophrenic recesses d≈255.
 */

/** Hounsfield units of the tissues the phantom is made of (non-contrast CT). */
export const HU = {
  air: -1000,
  lung: -860,
  fat: -100,
  skin: 20,
  muscle: 48,
  blood: 40,
  myocardium: 50,
  liver: 60,
  spleen: 48,
  thyroid: 95,
  cortex: 650,
  marrow: 210,
  ribCortex: 720,
  cartilage: 115,
  disc: 85,
  csf: 8,
  cord: 32,
  fluid: 14,
  table: 180,
  foam: -970,
} as const;

/** Piecewise-linear interpolation of `knots` ([depth, value], ascending depth), constant beyond the ends. */
export function at(d: number, knots: readonly (readonly [number, number])[]): number {
  const first = knots[0]!;
  if (d <= first[0]) return first[1];
  for (let i = 1; i < knots.length; i++) {
    const [d1, v1] = knots[i]!;
    if (d <= d1) {
      const [d0, v0] = knots[i - 1]!;
      return v0 + ((v1 - v0) * (d - d0)) / (d1 - d0);
    }
  }
  return knots[knots.length - 1]![1];
}

/** 0 outside (start, end), rising smoothly to 1 in the middle. */
export function bell(d: number, start: number, end: number, power = 1): number {
  if (d <= start || d >= end) return 0;
  return Math.sin((Math.PI * (d - start)) / (end - start)) ** power;
}

export type Side = -1 | 1;
export const SIDES: readonly Side[] = [-1, 1];

// ---------------------------------------------------------------------------------------------
// Body outline

/** Posterior skin, flattened on the table top. */
export const BACK_Y = 113;
export const TABLE_TOP_Y = 114;

export function bodyDepth(d: number): number {
  return at(d, [[0, 160], [20, 176], [40, 200], [60, 215], [100, 226], [180, 230], [265, 226]]);
}

export function bodyWidth(d: number): number {
  return at(d, [[0, 336], [30, 334], [60, 328], [120, 330], [200, 326], [265, 314]]);
}

export function bodyFront(d: number): number {
  return BACK_Y - bodyDepth(d);
}

/** The trunk's cross-section as a union of ellipses: rounded, broad in front, flat behind. */
export function bodyOutline(d: number, inset = 0): Ellipse[] {
  const width = bodyWidth(d);
  const depth = bodyDepth(d);
  const front = BACK_Y - depth;
  const shapes: Ellipse[] = [
    { cx: 0, cy: BACK_Y - depth / 2, rx: width / 2 - inset, ry: depth / 2 - inset },
    { cx: 0, cy: BACK_Y - 48, rx: width / 2 - 22 - inset, ry: 48 - inset },
  ];
  const pectoral = at(d, [[0, 0.9], [40, 1], [265, 1]]);
  for (const side of SIDES) {
    shapes.push({ cx: side * width * 0.17, cy: front + 50, rx: width * 0.25 * pectoral - inset, ry: 50 - inset });
  }
  return shapes;
}

// ---------------------------------------------------------------------------------------------
// Lungs and thoracic cage

const LUNG = {
  cx: [[0, 40], [10, 42], [30, 48], [60, 60], [100, 68], [160, 71], [265, 71]],
  cy: [[0, 27], [10, 25], [30, 15], [60, 2], [100, -3], [160, -3], [265, -2]],
  rx: [[3, 0], [5, 10], [10, 20], [20, 30], [35, 42], [60, 57], [100, 67], [160, 71], [265, 71]],
  ry: [[3, 0], [5, 12], [10, 24], [20, 36], [35, 50], [60, 68], [100, 80], [160, 84], [265, 84]],
} as const;

/** Cross-section of one lung (before the mediastinum and the diaphragm carve it), zero above the apex. */
export function lungEllipse(side: Side, d: number): Ellipse {
  return {
    cx: side * at(d, LUNG.cx),
    cy: at(d, LUNG.cy),
    rx: d < 3 ? 0 : at(d, LUNG.rx),
    ry: d < 3 ? 0 : at(d, LUNG.ry),
  };
}

/** The rib cage of one side: the lung outline, kept at least first-rib size above the apex. */
export function cageEllipse(side: Side, d: number): Ellipse {
  const lung = lungEllipse(side, d);
  return { ...lung, rx: Math.max(lung.rx, 34), ry: Math.max(lung.ry, 42) };
}

/** Point on a ring `offset` mm outside an ellipse: psi 0 lateral, π/2 posterior, −π/2 anterior. */
export function ringPoint(side: Side, e: Ellipse, psi: number, offset: number): [number, number] {
  return [e.cx + side * (e.rx + offset) * Math.cos(psi), e.cy + (e.ry + offset) * Math.sin(psi)];
}

/** Depth of the top of the liver (right) or left upper-quadrant (left) dome, and its in-plane ellipse at `d`. */
export function domeEllipse(side: Side, d: number): Ellipse | undefined {
  const top = side < 0 ? 183 : 197;
  const span = side < 0 ? 80 : 72;
  if (d <= top) return undefined;
  const grow = Math.sqrt((d - top) / span);
  return side < 0
    ? { cx: -50, cy: -27, rx: 96 * grow, ry: 104 * grow }
    : { cx: 50, cy: -27, rx: 88 * grow, ry: 102 * grow };
}

// ---------------------------------------------------------------------------------------------
// Spine

const VERTEBRA = {
  cy: [[0, 36], [100, 42], [265, 44]],
  rx: [[0, 16], [130, 19], [265, 22]],
  ry: [[0, 13], [130, 15], [265, 17]],
} as const;

export function vertebra(d: number): { cy: number; rx: number; ry: number; phase: number } {
  // Vertebral bodies 19 mm high with 4.5 mm discs; T1 centred at d = 5.
  const period = 23.5;
  const phase = ((((d - 5) % period) + period) % period);
  return {
    cy: at(d, VERTEBRA.cy),
    rx: at(d, VERTEBRA.rx),
    ry: at(d, VERTEBRA.ry),
    phase,
  };
}

export function isDiscLevel(d: number): boolean {
  const { phase } = vertebra(d);
  return Math.abs(phase - 11.75) > 9.5;
}

/** Posterior end of rib n (1–12): at the level of vertebra n. */
export function ribStartDepth(n: number): number {
  return 5 + 24 * (n - 1) - 7;
}

// ---------------------------------------------------------------------------------------------
// Heart

export interface HeartShapes {
  ventricles?: Ellipse;
  rightAtrium?: Ellipse;
  leftAtrium?: Ellipse;
}

const HEART = {
  cx: [[120, 10], [170, 22], [224, 28]],
  cy: [[120, -32], [170, -42], [224, -50]],
} as const;

export function heart(d: number): HeartShapes {
  const shapes: HeartShapes = {};
  const size = bell(d, 118, 224, 0.55);
  if (size > 0.05) {
    shapes.ventricles = {
      cx: at(d, HEART.cx),
      cy: at(d, HEART.cy),
      rx: 60 * size,
      ry: 43 * size,
      angle: -0.65,
    };
  }
  const atrium = bell(d, 132, 212, 0.6);
  if (atrium > 0.05) shapes.rightAtrium = { cx: -28, cy: -22, rx: 24 * atrium, ry: 28 * atrium, angle: 0.3 };
  const left = bell(d, 118, 166, 0.5);
  if (left > 0.05) shapes.leftAtrium = { cx: 6, cy: -8, rx: 37 * left, ry: 17 * left };
  return shapes;
}

export function insideEllipse(e: Ellipse, x: number, y: number, grow = 0): boolean {
  if (e.rx + grow <= 0 || e.ry + grow <= 0) return false;
  const cos = Math.cos(e.angle ?? 0);
  const sin = Math.sin(e.angle ?? 0);
  const dx = x - e.cx;
  const dy = y - e.cy;
  const u = (dx * cos + dy * sin) / (e.rx + grow);
  const v = (-dx * sin + dy * cos) / (e.ry + grow);
  return u * u + v * v <= 1;
}

// ---------------------------------------------------------------------------------------------
// Tubular structures: vessels, airways, oesophagus, clavicles

/** A polyline of [x, y, d, radius] points. */
export type TubePath = readonly (readonly [number, number, number, number])[];

export interface Tube {
  path: TubePath;
  value: number;
  /** Fat painted around the tube first, mm. */
  halo: number;
  /** No halo below this depth, where the tube runs within the pericardium. */
  haloUntil?: number;
  /** An air lumen with walls of this thickness (mm), for airways. */
  wall?: number;
}

/** Aortic root and ascending aorta, within the pericardium. */
export const AORTIC_ROOT: TubePath = [[2, -24, 152, 14], [0, -34, 132, 15.5], [-4, -43, 108, 16]];

export const AORTA: TubePath = [
  [-4, -43, 108, 16], [-3, -42, 86, 15], [6, -38, 72, 14],
  [20, -28, 64, 14], [31, -11, 63, 13.5], [32, 6, 67, 13], [28, 20, 80, 12.5], [24, 25, 100, 12.5],
  [21, 27, 150, 12], [15, 27, 210, 11.5], [8, 24, 270, 11],
];

/** Great vessels, systemic veins, pulmonary arteries and oesophagus; the aorta is listed first. */
export const MEDIASTINAL_TUBES: readonly Tube[] = [
  { path: AORTIC_ROOT, value: HU.blood, halo: 0 },
  { path: AORTA, value: HU.blood, halo: 2.5 },
  // Main pulmonary artery from the right ventricular outflow tract to its bifurcation, and its branches.
  { path: [[24, -60, 136, 14], [28, -46, 116, 14], [26, -34, 103, 13.5]], value: HU.blood, halo: 2, haloUntil: 118 },
  { path: [[26, -34, 103, 11], [38, -20, 98, 11], [46, -4, 100, 10], [52, 6, 106, 8]], value: HU.blood, halo: 2 },
  { path: [[24, -32, 108, 11], [8, -20, 112, 11], [-14, -15, 114, 10.5], [-36, -10, 116, 10], [-48, -6, 118, 8]], value: HU.blood, halo: 2 },
  // Superior vena cava from the right brachiocephalic vein into the right atrium; internal jugular veins.
  { path: [[-34, -28, 0, 9], [-34, -30, 20, 9], [-30, -31, 52, 11], [-30, -30, 110, 11], [-29, -26, 140, 11]], value: HU.blood, halo: 2, haloUntil: 122 },
  { path: [[34, -32, 0, 8], [40, -40, 22, 7], [22, -54, 38, 7], [-4, -50, 46, 7.5], [-27, -37, 52, 8]], value: HU.blood, halo: 2 },
  // Subclavian veins.
  { path: [[-34, -30, 20, 7.5], [-70, -40, 22, 7], [-122, -30, 27, 7]], value: HU.blood, halo: 1.5 },
  { path: [[40, -40, 25, 7], [76, -44, 24, 7], [124, -32, 28, 7]], value: HU.blood, halo: 1.5 },
  // Branches of the arch: brachiocephalic trunk with right subclavian and common carotid, left carotid, left subclavian.
  { path: [[6, -38, 66, 7], [-6, -32, 45, 7], [-14, -24, 25, 6.5], [-22, -18, 8, 6], [-24, -16, 0, 5]], value: HU.blood, halo: 2 },
  { path: [[-20, -19, 13, 5], [-40, -8, 8, 5], [-72, -8, 6, 5], [-112, -18, 13, 5]], value: HU.blood, halo: 1.5 },
  { path: [[16, -32, 63, 5], [18, -24, 30, 5], [22, -16, 0, 5]], value: HU.blood, halo: 2 },
  { path: [[28, -18, 63, 6], [30, -6, 40, 6], [34, 0, 16, 5.5], [60, -4, 7, 5], [100, -14, 11, 5], [126, -22, 21, 5]], value: HU.blood, halo: 2 },
  // Azygos vein up the right of the spine, arching over the right main bronchus into the SVC.
  { path: [[-12, 22, 270, 4], [-12, 22, 100, 4.5], [-16, 16, 89, 5], [-24, -4, 86, 5.5], [-29, -20, 88, 6]], value: HU.blood, halo: 1.5 },
  // Inferior vena cava through the liver into the right atrium.
  { path: [[-20, -4, 196, 13], [-20, 2, 230, 13], [-20, 4, 270, 12]], value: HU.blood, halo: 0 },
  // Oesophagus: behind the trachea and left atrium, then forward and left to the hiatus.
  { path: [[4, 12, 0, 7], [5, 13, 90, 7], [7, 14, 150, 7], [12, 12, 200, 7], [22, 2, 235, 8], [34, -8, 255, 9], [44, -16, 270, 9]], value: HU.muscle - 5, halo: 2 },
];

/** Trachea and bronchi, with air lumens. */
export const AIRWAYS: readonly Tube[] = [
  { path: [[0, -16, -5, 10.5], [0, -12, 40, 10.5], [0, -7, 80, 10.5], [0, -5, 95, 10]], value: HU.muscle, halo: 2, wall: 1.8 },
  { path: [[0, -5, 95, 7.5], [-18, 0, 106, 7.5], [-24, 2, 110, 7]], value: HU.muscle, halo: 1.5, wall: 1.6 },
  { path: [[-24, 2, 110, 5.2], [-44, -2, 106, 4.8]], value: HU.muscle, halo: 0, wall: 1.3 },
  { path: [[-24, 2, 110, 6], [-30, 6, 130, 6]], value: HU.muscle, halo: 1, wall: 1.4 },
  { path: [[-30, 6, 130, 4.5], [-44, -14, 138, 4]], value: HU.muscle, halo: 0, wall: 1.2 },
  { path: [[-30, 6, 130, 5], [-40, 14, 152, 4.5]], value: HU.muscle, halo: 0, wall: 1.2 },
  { path: [[0, -5, 95, 7], [22, 2, 108, 7], [34, 6, 118, 6.5]], value: HU.muscle, halo: 1.5, wall: 1.5 },
  { path: [[34, 6, 118, 5.5], [44, -6, 114, 5]], value: HU.muscle, halo: 0, wall: 1.3 },
  { path: [[34, 6, 118, 5.5], [42, 16, 142, 5]], value: HU.muscle, halo: 0, wall: 1.3 },
];

export const CLAVICLES: readonly Tube[] = [-1, 1].map((side) => ({
  path: [
    [side * 21, -62, 40, 8.5],
    [side * 55, -52, 31, 7],
    [side * 95, -36, 22, 6],
    [side * 128, -13, 14, 6.5],
  ] as const,
  value: HU.cortex,
  halo: 0,
}));

/** The part of a tube segment inside a slab, as an in-plane capsule and the fraction of the slab it fills. */
export function slabFootprint(
  a: readonly [number, number, number, number],
  b: readonly [number, number, number, number],
  d: number,
  thickness: number,
  radius = (a[3] + b[3]) / 2,
): (Capsule & { fraction: number }) | undefined {
  const lo = d - thickness / 2;
  const hi = d + thickness / 2;
  const ex = b[0] - a[0];
  const ey = b[1] - a[1];
  const ed = b[2] - a[2];
  const horizontal = Math.hypot(ex, ey);
  const length = Math.hypot(horizontal, ed);
  // Depth extent of the tube wall above and below its axis at any point of its footprint.
  const halfDepth = horizontal < 1e-6 ? Infinity : (radius * length) / horizontal;
  const cap = Math.min(halfDepth, radius);
  const overlap = Math.min(hi, Math.max(a[2], b[2]) + cap) - Math.max(lo, Math.min(a[2], b[2]) - cap);
  if (overlap <= 0) return undefined;
  const fraction = Math.min(1, overlap / thickness, (2 * halfDepth) / thickness);
  let u0 = 0;
  let u1 = 1;
  if (Math.abs(ed) > 1e-6) {
    const margin = 0.5 * Math.min(halfDepth, thickness / 2);
    const ua = (lo - margin - a[2]) / ed;
    const ub = (hi + margin - a[2]) / ed;
    u0 = Math.max(0, Math.min(ua, ub));
    u1 = Math.min(1, Math.max(ua, ub));
    if (u0 > u1) u0 = u1 = Math.max(0, Math.min(1, (d - a[2]) / ed));
  }
  return {
    x0: a[0] + ex * u0,
    y0: a[1] + ey * u0,
    x1: a[0] + ex * u1,
    y1: a[1] + ey * u1,
    r: radius,
    fraction,
  };
}
