import { seriesEncoder } from './encodePart10';
import { MmCanvas, type Ellipse } from './mmCanvas';
import { SeededRandom } from './seededRandom';
import { instanceAttributes, instanceFileName, seriesAttributes, studyAttributes, type GeneratedInstance } from './commonAttributes';
import { CHEST_CT_GEOMETRY as G, CHEST_CT_NODULE, type SampleNodule, type SampleStudy } from './sampleCatalogue';
import { uidFromName } from './deterministicUid';
import {
  AIRWAYS,
  at,
  BACK_Y,
  bodyFront,
  bodyOutline,
  bodyWidth,
  cageEllipse,
  CLAVICLES,
  domeEllipse,
  heart,
  HU,
  isDiscLevel,
  lungEllipse,
  MEDIASTINAL_TUBES,
  ribStartDepth,
  ringPoint,
  SIDES,
  slabFootprint,
  TABLE_TOP_Y,
  vertebra,
  type Side,
  type Tube,
} from './chestCtAnatomy';
import { pulmonaryFootprints, type Footprint } from './pulmonaryTrees';

/** Depth of a slice below the first one; the anatomy is described in depths (see chestCtAnatomy). */
function depthOf(z: number): number {
  return G.firstSliceZMm - z;
}

function grown(e: Ellipse, mm: number): Ellipse {
  return { ...e, rx: e.rx + mm, ry: e.ry + mm };
}

/** The carbon-fibre table top under the patient: thin shells round a foam core. */
function paintTable(canvas: MmCanvas): void {
  canvas.fill({ cx: 0, cy: TABLE_TOP_Y + 7, rx: 260, ry: 7 }, HU.table);
  canvas.fill({ cx: 0, cy: TABLE_TOP_Y + 7, rx: 255, ry: 5.5 }, HU.foam);
}

function paintBody(canvas: MmCanvas, d: number): void {
  for (const shape of bodyOutline(d)) canvas.fill(shape, HU.skin);
  for (const shape of bodyOutline(d, 2.2)) canvas.fill(shape, HU.fat);
}

/** Muscles of the chest wall, back, neck and shoulders, kept within the skin. */
function paintChestWallMuscles(canvas: MmCanvas, d: number): void {
  const width = bodyWidth(d);
  const front = bodyFront(d);
  const { cy: spineY, ry: spineRy } = vertebra(d);
  // Only within the body: never over the air round it.
  const muscle = (shape: Ellipse) => canvas.fill(shape, HU.muscle, { atLeast: HU.fat - 50 });
  const trapezius = at(d, [[0, 1.1], [60, 1], [120, 0.5], [150, 0]]);
  if (trapezius > 0) muscle({ cx: 0, cy: BACK_Y - 12, rx: 100 * trapezius, ry: 6 });
  const pectoralis = at(d, [[20, 0], [38, 16], [100, 18], [150, 12], [192, 0]]);
  for (const side of SIDES) {
    muscle({ cx: side * 34, cy: BACK_Y - 33, rx: at(d, [[0, 22], [265, 26]]), ry: at(d, [[0, 17], [265, 21]]) });
    if (d > 20 && d < 140) muscle({ cx: side * 54, cy: BACK_Y - 22, rx: 26, ry: 5, angle: side * -0.25 });
    if (pectoralis > 1) {
      muscle({ cx: side * width * 0.2, cy: front + 11 + pectoralis / 2, rx: width * 0.19, ry: pectoralis / 2, angle: side * 0.2 });
      if (d > 35 && d < 120) muscle({ cx: side * width * 0.24, cy: front + 16 + pectoralis, rx: 30, ry: 5, angle: side * 0.5 });
    }
    if (d < 40) {
      muscle({ cx: side * 40, cy: front + 15, rx: 13, ry: 8, angle: side * 0.5 });
      muscle({ cx: side * 12, cy: front + 9, rx: 9, ry: 3.5 });
    }
    if (d < 30) muscle({ cx: side * 47, cy: 8, rx: 12, ry: 7, angle: side * 0.6 });
    // Shoulder girdle at the thoracic inlet: trapezius, levator scapulae and supraspinatus.
    const shoulder = at(d, [[0, 1], [30, 0.8], [55, 0]]);
    if (shoulder > 0) muscle({ cx: side * 100, cy: 48, rx: 58 * shoulder, ry: 36 * shoulder, angle: side * 0.45 });
    if (d < 70) muscle({ cx: side * 8, cy: spineY - spineRy - 3.5, rx: 7, ry: 3.5 });
    const rectus = at(d, [[195, 0], [215, 1]]);
    if (rectus > 0) muscle({ cx: side * 32, cy: front + 14, rx: 30 * rectus, ry: 5 * rectus, angle: side * 0.12 });
  }
}

/** Intercostal layer round each hemithorax, with a fat plane between it and the outer muscles; latissimus dorsi behind. */
function paintDeepWall(canvas: MmCanvas, d: number): void {
  for (const side of SIDES) canvas.fill(grown(cageEllipse(side, d), 11.5), HU.fat);
  for (const side of SIDES) canvas.fill(grown(cageEllipse(side, d), 10.5), HU.muscle);
  const latissimus = at(d, [[50, 0], [70, 4], [120, 6], [265, 5]]);
  if (latissimus > 0) for (const side of SIDES) paintPolyline(canvas, arc(side, cageEllipse(side, d), 0.1, 0.95, 17 + latissimus, 4), latissimus, HU.muscle);
}

function arc(side: Side, e: Ellipse, from: number, to: number, offset: number, steps: number): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i <= steps; i++) points.push(ringPoint(side, e, from + ((to - from) * i) / steps, offset));
  return points;
}

function paintPolyline(canvas: MmCanvas, points: [number, number][], r: number, value: number): void {
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1]!;
    const [x1, y1] = points[i]!;
    canvas.fillCapsule({ x0, y0, x1, y1, r }, value);
  }
}

/** Scapulae on the posterolateral ribs, with subscapularis in front and infraspinatus behind. */
function paintScapulae(canvas: MmCanvas, d: number): void {
  if (d < 4 || d > 172) return;
  const lateral = at(d, [[0, 0.22], [60, 0.3], [172, 1.15]]);
  const medial = at(d, [[0, 1.95], [60, 1.85], [172, 1.2]]);
  const taper = at(d, [[150, 1], [172, 0.4]]);
  for (const side of SIDES) {
    const cage = cageEllipse(side, d);
    paintPolyline(canvas, arc(side, cage, lateral, medial, 11, 4), 5.5 * taper, HU.muscle);
    paintPolyline(canvas, arc(side, cage, lateral, medial, d < 32 ? 31 : 27, 4), (d < 32 ? 11 : 7.5) * taper, HU.muscle);
    paintPolyline(canvas, arc(side, cage, lateral, medial, 19, 4), 1.5, HU.cortex - 150);
    const [lx, ly] = ringPoint(side, cage, lateral, 19);
    const [mx, my] = ringPoint(side, cage, medial, 19);
    const border = d < 55 ? 7 : 4.5 * taper;
    canvas.fillCapsule({ x0: lx, y0: ly, x1: lx, y1: ly, r: border }, HU.cortex);
    canvas.fillCapsule({ x0: lx, y0: ly, x1: lx, y1: ly, r: border - 1.6 }, HU.marrow);
    canvas.fillCapsule({ x0: mx, y0: my, x1: mx, y1: my, r: 2.4 }, HU.cortex - 100);
    if (d > 8 && d < 42) {
      // Spine of the scapula, a ridge on the back of the blade.
      const middle = (lateral + medial) / 2;
      const [sx, sy] = ringPoint(side, cage, middle + 0.25, 19);
      const [tx, ty] = ringPoint(side, cage, middle - 0.1, 36);
      canvas.fillCapsule({ x0: sx, y0: sy, x1: tx, y1: ty, r: 3 }, HU.cortex);
    }
  }
}

const RIB_DROP = [32, 48, 62, 72, 80, 85, 86, 84, 80, 72, 48, 28];
const RIB_END = [-2.15, -2.15, -2.15, -2.15, -2.15, -2.1, -2.0, -1.85, -1.55, -1.25, -0.35, 0.55];
const RIB_START = 2.3;
const RIB_STEPS = 64;

interface RibPiece {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  fill: number;
  cartilage: boolean;
}

/**
 * Twelve pairs of ribs, each descending from its vertebra round the side of the chest to its costal
 * cartilage in front: an axial slab cuts each rib where its band crosses the slab, posteriorly,
 * laterally and anteriorly at different rib numbers, with partial volume at the band's edges.
 */
function paintRibs(canvas: MmCanvas, d: number): void {
  const thickness = G.sliceThicknessMm;
  const { cy: spineY } = vertebra(d);
  const pieces: RibPiece[] = [];
  for (const side of SIDES) {
    const cage = cageEllipse(side, d);
    for (let n = 1; n <= 12; n++) {
      const start = ribStartDepth(n);
      const drop = RIB_DROP[n - 1]!;
      const end = RIB_END[n - 1]!;
      const height = n === 1 ? 12 : 9.5;
      if (d + thickness / 2 < start - height / 2 || d - thickness / 2 > start + drop + height / 2) continue;
      const cartilageFrom = n <= 7 ? 0.8 : n <= 10 ? 0.84 : 2;
      let previous: { x: number; y: number; fill: number } | undefined;
      for (let i = 0; i <= RIB_STEPS; i++) {
        const a = i / RIB_STEPS;
        const depth = start + drop * a ** 1.5;
        const overlap = Math.min(d + thickness / 2, depth + height / 2) - Math.max(d - thickness / 2, depth - height / 2);
        const fill = Math.min(1, overlap / thickness);
        if (fill < 0.15) {
          previous = undefined;
          continue;
        }
        const [x, y] = ringPoint(side, cage, RIB_START + (end - RIB_START) * a, 7);
        if (previous) {
          pieces.push({ x0: previous.x, y0: previous.y, x1: x, y1: y, fill: (fill + previous.fill) / 2, cartilage: a > cartilageFrom });
        } else if (i === 0) {
          // Neck and head of the rib, reaching in to the side of the vertebral body.
          pieces.push({ x0: side * 15, y0: spineY + 2, x1: x, y1: y, fill, cartilage: false });
        }
        previous = { x, y, fill };
      }
    }
  }
  // Cortex first, then marrow, so that the joins between pieces do not show.
  for (const piece of pieces) {
    const value = piece.cartilage ? HU.cartilage + 60 : HU.ribCortex;
    canvas.fillCapsule({ ...piece, r: piece.cartilage ? 4 : 3.8 }, HU.muscle + (value - HU.muscle) * piece.fill);
  }
  for (const piece of pieces) {
    const value = piece.cartilage ? HU.cartilage : HU.marrow;
    canvas.fillCapsule({ ...piece, r: piece.cartilage ? 2.8 : 2.2 }, HU.muscle + (value - HU.muscle) * piece.fill);
  }
}

function paintSternum(canvas: MmCanvas, d: number): void {
  const front = bodyFront(d);
  let shape: Ellipse | undefined;
  if (d >= 40 && d < 86) shape = { cx: 0, cy: front + 14, rx: at(d, [[40, 26], [86, 17]]), ry: 7.5 };
  else if (d >= 86 && d < 190) shape = { cx: 0, cy: front + 13, rx: 15, ry: 6.5 };
  else if (d >= 190 && d < 210) shape = { cx: 0, cy: front + 14, rx: 7, ry: 4 };
  if (!shape) return;
  canvas.fill(shape, HU.cortex);
  canvas.fill(grown(shape, -1.6), HU.marrow);
}

/**
 * Tubes in order, each with its fat halo just before it, so that a later tube is parted from an
 * earlier one it abuts by a thin fat plane, as vessels are in the mediastinum.
 */
function paintTubes(canvas: MmCanvas, tubes: readonly Tube[], d: number, base: number): void {
  const thickness = G.sliceThicknessMm;
  for (const tube of tubes) {
    const footprints = [];
    for (let i = 1; i < tube.path.length; i++) {
      const a = tube.path[i - 1]!;
      const b = tube.path[i]!;
      const footprint = slabFootprint(a, b, d, thickness);
      if (footprint && footprint.fraction >= 0.05) footprints.push({ ...footprint, halo: (a[2] + b[2]) / 2 < (tube.haloUntil ?? Infinity) ? tube.halo : 0 });
    }
    for (const footprint of footprints) {
      if (footprint.halo > 0 && footprint.fraction > 0.35) canvas.fillCapsule({ ...footprint, r: footprint.r + footprint.halo }, HU.fat);
    }
    for (const footprint of footprints) canvas.fillCapsule(footprint, base + (tube.value - base) * footprint.fraction);
    if (tube.wall === undefined) continue;
    for (let i = 1; i < tube.path.length; i++) {
      const a = tube.path[i - 1]!;
      const b = tube.path[i]!;
      const lumen = slabFootprint(a, b, d, thickness, (a[3] + b[3]) / 2 - tube.wall);
      if (!lumen || lumen.fraction < 0.05) continue;
      canvas.fillCapsule(lumen, HU.fat + (HU.air - HU.fat) * lumen.fraction);
    }
  }
}

/** Fat between the lungs: the mediastinum into which the heart, vessels and airways are set. */
function paintMediastinalFat(canvas: MmCanvas, d: number): void {
  const front = bodyFront(d);
  canvas.fill({ cx: 3, cy: at(d, [[0, -4], [100, -8], [200, -2], [265, 6]]), rx: at(d, [[0, 24], [60, 30], [95, 34], [140, 34], [200, 30], [265, 24]]), ry: 33 }, HU.fat);
  if (d < 215) canvas.fill({ cx: 0, cy: front + 32, rx: at(d, [[0, 13], [40, 14], [100, 11], [140, 14], [215, 20]]), ry: 30 }, HU.fat);
}

function paintHeart(canvas: MmCanvas, d: number): void {
  const { ventricles, rightAtrium, leftAtrium } = heart(d);
  const chambers = [ventricles, rightAtrium].filter((e): e is Ellipse => e !== undefined);
  if (leftAtrium) {
    canvas.fill(grown(leftAtrium, 3), HU.fat);
    canvas.fill(leftAtrium, HU.blood);
  }
  // Pericardial fat, thickest round the apex and in front; the pericardium a thin line within it.
  for (const e of chambers) canvas.fill({ ...grown(e, 6), cx: e.cx + 2, cy: e.cy - 2 }, HU.fat);
  for (const e of chambers) canvas.fill(grown(e, 3.2), HU.skin);
  for (const e of chambers) canvas.fill(grown(e, 2.2), HU.fat);
  for (const e of chambers) canvas.fill(e, HU.myocardium);
  if (rightAtrium) canvas.fill(grown(rightAtrium, -2.5), HU.blood - 2);
  if (ventricles) {
    const cos = Math.cos(ventricles.angle ?? 0);
    const sin = Math.sin(ventricles.angle ?? 0);
    // Short axis of the heart points back and to the left, from the right ventricle to the left.
    const [sx, sy] = [-sin, cos];
    const { cx, cy, rx, ry } = ventricles;
    canvas.fill({ cx: cx + sx * ry * 0.3, cy: cy + sy * ry * 0.3, rx: rx * 0.56, ry: ry * 0.4, angle: ventricles.angle }, HU.blood - 2);
    canvas.fill({ cx: cx - sx * ry * 0.42, cy: cy - sy * ry * 0.42, rx: rx * 0.72, ry: ry * 0.32, angle: ventricles.angle }, HU.blood - 2);
  }
}

function paintThyroid(canvas: MmCanvas, d: number): void {
  if (d > 22) return;
  const trachea = at(d, [[-5, -16], [40, -12]]);
  for (const side of SIDES) canvas.fill({ cx: side * 20, cy: trachea - 2, rx: 9, ry: 15 * at(d, [[0, 1], [22, 0.5]]), angle: side * -0.35 }, HU.thyroid);
  if (d < 8) canvas.fill({ cx: 0, cy: trachea - 14, rx: 12, ry: 3.5 }, HU.thyroid);
}

function paintSpine(canvas: MmCanvas, d: number): void {
  const { cy, rx, ry, phase } = vertebra(d);
  const canalY = cy + ry + 9;
  for (const side of SIDES) {
    if (phase > 3 && phase < 15) canvas.fill({ cx: side * 27, cy: canalY + 2, rx: 13, ry: 4.5, angle: side * 0.45 }, HU.cortex);
    canvas.fill({ cx: side * 11, cy: cy + ry + 5, rx: 4, ry: 6.5 }, HU.cortex);
    canvas.fill({ cx: side * 9, cy: canalY + 10, rx: 9.5, ry: 3.2, angle: side * -0.55 }, HU.cortex);
  }
  canvas.fill({ cx: 0, cy: canalY + 22, rx: 3.8, ry: 11 }, HU.cortex);
  canvas.fill({ cx: 0, cy: canalY + 22, rx: 2, ry: 9 }, HU.marrow);
  const body = { cx: 0, cy, rx, ry };
  if (isDiscLevel(d)) {
    canvas.fill(body, HU.disc);
  } else {
    canvas.fill(body, HU.cortex);
    canvas.fill(grown(body, -1.8), HU.marrow);
  }
  canvas.fill({ cx: 0, cy: canalY, rx: 8.5, ry: 7.5 }, HU.csf);
  canvas.fill({ cx: 0, cy: canalY - 0.5, rx: 5, ry: 4 }, HU.cord);
}

/**
 * 1 where there is still lung at depth `d`, partial volumes at its edges included: pixels within
 * either lung's outline whose value is below that of fat (so not mediastinum, heart or wall).
 */
function lungRegion(canvas: MmCanvas, d: number): Uint8Array {
  const mask = maskBuffer(canvas).fill(0);
  const { values, spacing, originX, originY, columns, rows } = canvas;
  for (const side of SIDES) {
    const lung = grown(lungEllipse(side, d), 1.5);
    for (let row = 0; row < rows; row++) {
      const v = (originY + row * spacing - lung.cy) / lung.ry;
      if (v * v >= 1) continue;
      const half = lung.rx * Math.sqrt(1 - v * v);
      const first = Math.max(0, Math.ceil((lung.cx - half - originX) / spacing));
      const last = Math.min(columns - 1, Math.floor((lung.cx + half - originX) / spacing));
      for (let i = row * columns + first, end = row * columns + last; i <= end; i++) {
        const value = values[i]!;
        if (value >= -950 && value < HU.fat - 50) mask[i] = 1;
      }
    }
  }
  return mask;
}

/** Liver under the right hemidiaphragm, stomach and spleen under the left: domes rising into the lung bases. */
function paintUpperAbdomen(canvas: MmCanvas, d: number): void {
  const right = domeEllipse(-1, d);
  if (!right) return;
  // One region for all the organs, painted one over another; the liver last, over the stomach where they meet.
  const region = lungRegion(canvas, d);
  const left = domeEllipse(1, d);
  if (left) {
    // Fundus of the stomach (fluid behind, gas in front), spleen behind it, splenic flexure to the side.
    canvas.fill(grown(left, 4), HU.muscle, region);
    canvas.fill(left, HU.fat + 10, region);
    const stomach = { cx: left.cx - left.rx * 0.12, cy: left.cy - left.ry * 0.08, rx: left.rx * 0.78, ry: left.ry * 0.7, angle: -0.35 };
    canvas.fill(stomach, HU.muscle - 5, region);
    canvas.fill(grown(stomach, -3.5), HU.fluid, region);
    canvas.fill({ ...grown(stomach, -4), cy: stomach.cy - stomach.ry * 0.55, ry: stomach.ry * 0.42 }, HU.air, region);
    canvas.fill({ cx: left.cx + left.rx * 0.55, cy: left.cy + left.ry * 0.72, rx: left.rx * 0.42, ry: left.ry * 0.18, angle: 1.0 }, HU.spleen, region);
    canvas.fill({ cx: left.cx + left.rx * 0.78, cy: left.cy - left.ry * 0.2, rx: left.rx * 0.16, ry: left.ry * 0.14 }, HU.air, region);
  }
  canvas.fill(grown(right, 4), HU.muscle, region);
  canvas.fill(right, HU.liver, region);
  if (d > 204) {
    const grow = Math.sqrt((d - 204) / 60);
    canvas.fill({ cx: 2, cy: -66, rx: 62 * grow, ry: 30 * grow, angle: 0.1 }, HU.liver, region);
  }
}

function paintFootprints(canvas: MmCanvas, footprints: readonly Footprint[]): void {
  for (const footprint of footprints) canvas.fillCapsule(footprint, footprint.value, footprint.below);
}

let sharedMask: Uint8Array | undefined;

function maskBuffer(canvas: MmCanvas): Uint8Array {
  if (sharedMask?.length !== canvas.values.length) sharedMask = new Uint8Array(canvas.values.length);
  return sharedMask;
}

function paintNodule(canvas: MmCanvas, z: number, nodule: SampleNodule): void {
  const [nx, ny, nz] = nodule.centerMm;
  const radius = nodule.diameterMm / 2;
  const reach = radius * 1.15 + canvas.spacing;
  const firstColumn = Math.floor((nx - reach - canvas.originX) / canvas.spacing);
  const firstRow = Math.floor((ny - reach - canvas.originY) / canvas.spacing);
  const span = Math.ceil((2 * reach) / canvas.spacing);
  const subSlices = 7;
  for (let row = firstRow; row <= firstRow + span; row++) {
    for (let column = firstColumn; column <= firstColumn + span; column++) {
      const dx = canvas.originX + column * canvas.spacing - nx;
      const dy = canvas.originY + row * canvas.spacing - ny;
      // Lobulated margin, but every diameter through the centre is the nominal one (the wobble has
      // only odd harmonics, so it cancels across a half turn); partial volume across the slab
      // thickness softens the end slices.
      const theta = Math.atan2(dy, dx);
      const lobulated = radius * (1 + 0.045 * Math.sin(3 * theta + 0.5) + 0.035 * Math.sin(5 * theta + 1.3) + 0.02 * Math.sin(7 * theta + 2.1) + 0.012 * Math.cos(11 * theta));
      let covered = 0;
      for (let s = 0; s < subSlices; s++) {
        const dz = z + ((s + 0.5) / subSlices - 0.5) * G.sliceThicknessMm - nz;
        if (dx * dx + dy * dy + dz * dz <= lobulated * lobulated) covered++;
      }
      if (covered === 0) continue;
      const index = row * canvas.columns + column;
      const weight = covered / subSlices;
      canvas.values[index] = canvas.values[index]! * (1 - weight) + 35 * weight;
    }
  }
}

/** Vessel trees are the same patient's anatomy on both CTs, and keep clear of the larger (current) nodule. */
function vesselFootprints(): Footprint[][] {
  const [x, y, z] = CHEST_CT_NODULE.centerMm;
  return pulmonaryFootprints(G.slices, G.sliceThicknessMm, { center: [x, y, depthOf(z)], radius: CHEST_CT_NODULE.diameterMm / 2 });
}

function paintAnatomy(canvas: MmCanvas, table: MmCanvas, index: number, footprints: readonly Footprint[]): void {
  const d = index * G.sliceThicknessMm;
  canvas.copyFrom(table);
  paintBody(canvas, d);
  paintChestWallMuscles(canvas, d);
  paintDeepWall(canvas, d);
  paintScapulae(canvas, d);
  for (const side of SIDES) canvas.fill(lungEllipse(side, d), HU.lung);
  paintMediastinalFat(canvas, d);
  paintHeart(canvas, d);
  paintTubes(canvas, MEDIASTINAL_TUBES, d, HU.fat);
  paintThyroid(canvas, d);
  paintRibs(canvas, d);
  paintSternum(canvas, d);
  paintTubes(canvas, CLAVICLES, d, HU.fat);
  paintSpine(canvas, d);
  paintUpperAbdomen(canvas, d);
  paintFootprints(canvas, footprints);
  paintTubes(canvas, AIRWAYS, d, HU.lung);
}

const NOISE_SIZE = 1 << 16;

/** Stored values: HU + 1024 with quantum noise, read from a random place in a table of Gaussian samples. */
function toStoredPixels(values: Float32Array, noise: Float32Array, lungGradient: Float32Array, start: number): Int16Array {
  const stored = new Int16Array(values.length);
  for (let row = 0, i = 0; row < G.rows; row++) {
    // Dependent (posterior) lung is denser.
    const lungOffset = lungGradient[row]! + 1024.5;
    for (const end = i + G.columns; i < end; i++) {
      const hu = values[i]!;
      const deviation = noise[(start + i) & (NOISE_SIZE - 1)]!;
      let value: number;
      if (hu >= -650) value = (hu + 1024.5 + deviation) | 0;
      else if (hu > -985) value = (hu + lungOffset + deviation) | 0;
      else value = (hu + 1024.5 + deviation * 0.3) | 0;
      stored[i] = value < 0 ? 0 : value > 4095 ? 4095 : value;
    }
  }
  return stored;
}

export interface ChestCtRequest {
  study: SampleStudy;
  nodule: SampleNodule;
}

/**
 * The chest CTs of one patient (the current study and its prior): the same anatomy, painted once per
 * slice, with each study's nodule and its own noise.
 */
export function generateChestCts(requests: readonly ChestCtRequest[]): GeneratedInstance[][] {
  const table = new MmCanvas(G.columns, G.rows, G.pixelSpacingMm, G.originXMm, G.originYMm, HU.air);
  paintTable(table);
  const anatomy = table.clone();
  const canvas = table.clone();
  const lungGradient = new Float32Array(G.rows);
  for (let row = 0; row < G.rows; row++) lungGradient[row] = at(G.originYMm + row * G.pixelSpacingMm, [[-100, -22], [80, 38]]);
  const footprints = vesselFootprints();
  const outputs = requests.map(({ study, nodule }) => {
    const [series] = study.series;
    if (!series) throw new Error(`${study.key} has no series`);
    const random = new SeededRandom(study.studyDate === '20261015' ? 101 : 202);
    // Everything but the instance's own identity, position and pixels is the same on every slice.
    const encode = seriesEncoder(
      {
        ...studyAttributes(study),
        ...seriesAttributes(study, series),
        ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
        ManufacturerModelName: 'Chest phantom',
        PatientPosition: 'FFS',
        ScanOptions: 'HELICAL MODE',
        ProtocolName: 'Routine chest',
        SliceThickness: G.sliceThicknessMm,
        SpacingBetweenSlices: G.sliceThicknessMm,
        KVP: 120,
        DataCollectionDiameter: 500,
        ReconstructionDiameter: G.columns * G.pixelSpacingMm,
        // 200 mA over a 0.5 s rotation at pitch 1: 100 mAs, and the CTDIvol such a scan gives in the
        // 32 cm body phantom. Without contrast, the contrast/bolus attributes are left out.
        ExposureTime: 500,
        XRayTubeCurrent: 200,
        Exposure: 100,
        ConvolutionKernel: 'LUNG',
        RevolutionTime: 0.5,
        SpiralPitchFactor: 1,
        CTDIvol: 6.8,
        FrameOfReferenceUID: uidFromName(`${study.key}/frame-of-reference`),
        PositionReferenceIndicator: '',
        AcquisitionNumber: 1,
        ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
        SamplesPerPixel: 1,
        PhotometricInterpretation: 'MONOCHROME2',
        Rows: G.rows,
        Columns: G.columns,
        PixelSpacing: [G.pixelSpacingMm, G.pixelSpacingMm],
        BitsAllocated: 16,
        BitsStored: 16,
        HighBit: 15,
        PixelRepresentation: 1,
        WindowCenter: [-600, 40],
        WindowWidth: [1500, 400],
        WindowCenterWidthExplanation: ['LUNG', 'MEDIASTINUM'],
        RescaleIntercept: -1024,
        RescaleSlope: 1,
        RescaleType: 'HU',
      },
      { vrOverrides: { PixelData: 'OW' } },
    );
    return { study, series, nodule, random, encode, noise: random.gaussianTable(NOISE_SIZE).map((sample) => sample * 13), instances: [] as GeneratedInstance[] };
  });
  for (let index = 0; index < G.slices; index++) {
    paintAnatomy(anatomy, table, index, footprints[index]!);
    const instanceNumber = index + 1;
    const z = G.firstSliceZMm - index * G.sliceThicknessMm;
    for (const output of outputs) {
      canvas.copyFrom(anatomy);
      paintNodule(canvas, z, output.nodule);
      const pixels = toStoredPixels(canvas.values, output.noise, lungGradient, output.random.nextIndex(NOISE_SIZE));
      output.instances.push({
        relativePath: instanceFileName(output.series, instanceNumber),
        part10: output.encode({
          ...instanceAttributes(output.study, output.series, instanceNumber),
          ImagePositionPatient: [G.originXMm, G.originYMm, z],
          SliceLocation: z,
          PixelData: pixels.buffer,
        }),
      });
    }
  }
  return outputs.map((output) => output.instances);
}

export function generateChestCt(study: SampleStudy, nodule: SampleNodule): GeneratedInstance[] {
  return generateChestCts([{ study, nodule }])[0]!;
}
