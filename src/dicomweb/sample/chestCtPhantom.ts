import { encodePart10 } from './encodePart10';
import { MmCanvas } from './mmCanvas';
import { SeededRandom } from './seededRandom';
import { instanceAttributes, instanceFileName, seriesAttributes, studyAttributes, type GeneratedInstance } from './commonAttributes';
import { CHEST_CT_GEOMETRY as G, type SampleNodule, type SampleStudy } from './sampleCatalogue';
import { uidFromName } from './deterministicUid';

// Hounsfield units of the tissues the phantom is made of.
const HU = { air: -1000, lung: -850, fat: -95, softTissue: 40, muscle: 50, blood: 42, liver: 62, spleen: 50, bone: 700, marrow: 220, disc: 85, fluid: 12 } as const;

/** Craniocaudal extent of the lungs along the series: 0 at the first (apical) slice, 1 at the last. */
function fraction(z: number): number {
  return (G.firstSliceZMm - z) / ((G.slices - 1) * G.sliceThicknessMm);
}

function bell(t: number, start: number, end: number): number {
  if (t <= start || t >= end) return 0;
  return Math.sin((Math.PI * (t - start)) / (end - start));
}

interface VesselSegment {
  from: [number, number, number];
  to: [number, number, number];
  radiusFrom: number;
  radiusTo: number;
}

/** Lung cross-section (centre and semi-axes) at a craniocaudal fraction; apices are narrow. */
function lungEllipse(side: -1 | 1, t: number): { cx: number; cy: number; rx: number; ry: number } {
  const scale = t < 0.35 ? 0.4 + 0.6 * Math.sin((Math.PI / 2) * (t / 0.35)) : 1;
  return side < 0
    ? { cx: -33, cy: 4, rx: 27 * scale, ry: 40 * scale }
    : { cx: 34, cy: 6, rx: 25 * scale, ry: 39 * scale };
}

/** Pulmonary vessels as tapering tubes fanning out from each hilum, with one generation of branches. */
function buildVessels(random: SeededRandom): VesselSegment[] {
  const segments: VesselSegment[] = [];
  for (const side of [-1, 1] as const) {
    const hilum: [number, number, number] = [side * 20, 6, -78];
    for (let i = 0; i < 55; i++) {
      const targetZ = random.between(-185, -12);
      const lung = lungEllipse(side, fraction(targetZ));
      const angle = random.between(0, 2 * Math.PI);
      const reach = Math.sqrt(random.between(0.35, 0.95));
      const target: [number, number, number] = [
        lung.cx + Math.cos(angle) * lung.rx * reach,
        lung.cy + Math.sin(angle) * lung.ry * reach,
        targetZ,
      ];
      const trunk = { from: hilum, to: target, radiusFrom: random.between(2.2, 3.6), radiusTo: 0.7 };
      segments.push(trunk);
      const split = random.between(0.35, 0.65);
      const branchStart: [number, number, number] = [
        hilum[0] + (target[0] - hilum[0]) * split,
        hilum[1] + (target[1] - hilum[1]) * split,
        hilum[2] + (target[2] - hilum[2]) * split,
      ];
      const branchEnd: [number, number, number] = [
        branchStart[0] + random.between(-22, 22),
        branchStart[1] + random.between(-22, 22),
        branchStart[2] + random.between(-30, 30),
      ];
      segments.push({ from: branchStart, to: branchEnd, radiusFrom: 1.6, radiusTo: 0.6 });
    }
  }
  return segments;
}

function paintVessels(canvas: MmCanvas, z: number, vessels: VesselSegment[], lung: Uint8Array): void {
  for (const vessel of vessels) {
    const [x0, y0, z0] = vessel.from;
    const [x1, y1, z1] = vessel.to;
    const dz = z1 - z0;
    if (Math.abs(dz) < 1e-6 || (z - z0) * (z - z1) > 0) continue;
    const u = (z - z0) / dz;
    const inPlaneX = x1 - x0;
    const inPlaneY = y1 - y0;
    const inPlane = Math.hypot(inPlaneX, inPlaneY);
    // An oblique tube cuts the slice in an ellipse elongated along its in-plane direction.
    const elongation = Math.min(5, Math.hypot(inPlane, dz) / Math.abs(dz));
    const radius = vessel.radiusFrom + (vessel.radiusTo - vessel.radiusFrom) * u;
    canvas.fill(
      { cx: x0 + inPlaneX * u, cy: y0 + inPlaneY * u, rx: radius * elongation, ry: radius, angle: Math.atan2(inPlaneY, inPlaneX) },
      HU.blood,
      lung,
    );
  }
}

function paintRibs(canvas: MmCanvas, z: number): void {
  for (const side of [-1, 1] as const) {
    for (let rib = 0; rib < 12; rib++) {
      const posteriorZ = 8 - 16.5 * rib;
      // Ribs descend from the spine round to the front, so each axial slice cuts them at
      // different points of their arc.
      const along = (posteriorZ - z) / 75;
      if (along < 0 || along > 1) continue;
      const phi = Math.PI / 2 - along * (Math.PI * 0.95);
      const cx = side * 73 * Math.cos(phi);
      const cy = 3 + 53 * Math.sin(phi);
      const shape = { cx, cy, rx: 6.5, ry: 3.2, angle: side * phi + Math.PI / 2 };
      canvas.fill(shape, HU.bone);
      canvas.fill({ ...shape, rx: 4.8, ry: 1.6 }, HU.marrow);
    }
  }
}

function paintSpine(canvas: MmCanvas, z: number): void {
  const isDisc = (((-z + 4) % 27) + 27) % 27 < 5;
  canvas.fill({ cx: -24, cy: 52, rx: 14, ry: 10 }, HU.muscle);
  canvas.fill({ cx: 24, cy: 52, rx: 14, ry: 10 }, HU.muscle);
  canvas.fill({ cx: 0, cy: 31, rx: 14, ry: 13 }, isDisc ? HU.disc : HU.bone);
  if (!isDisc) canvas.fill({ cx: 0, cy: 31, rx: 12.3, ry: 11.3 }, HU.marrow);
  canvas.fill({ cx: -8, cy: 52, rx: 9, ry: 3, angle: 1.1 }, HU.bone);
  canvas.fill({ cx: 8, cy: 52, rx: 9, ry: 3, angle: -1.1 }, HU.bone);
  canvas.fill({ cx: 0, cy: 60, rx: 2.8, ry: 7 }, HU.bone);
  canvas.fill({ cx: 0, cy: 48, rx: 7, ry: 6.5 }, HU.fluid);
  canvas.fill({ cx: 0, cy: 48, rx: 4.5, ry: 4 }, 35);
}

function paintMediastinum(canvas: MmCanvas, t: number): void {
  const heart = bell(t, 0.42, 1.05);
  if (heart > 0) {
    const shape = { cx: 9, cy: -14, rx: 10 + 24 * heart, ry: 8 + 19 * heart, angle: -0.5 };
    canvas.fill({ ...shape, rx: shape.rx + 3, ry: shape.ry + 3 }, HU.fat);
    canvas.fill(shape, HU.blood);
    canvas.fill({ cx: shape.cx - 6, cy: shape.cy + 4, rx: shape.rx * 0.45, ry: shape.ry * 0.4, angle: -0.5 }, 55);
  }
  if (t > 0.22 && t < 0.52) canvas.fill({ cx: 4, cy: -16, rx: 13, ry: 13 }, HU.blood);
  if (t > 0.15 && t <= 0.22) canvas.fill({ cx: 6, cy: 2, rx: 11, ry: 27, angle: -0.45 }, HU.blood);
  if (t > 0.36 && t < 0.5) canvas.fill({ cx: 17, cy: -10, rx: 14, ry: 11, angle: 0.5 }, HU.blood);
  if (t < 0.5) canvas.fill({ cx: -17, cy: -9, rx: 9, ry: 9 }, HU.blood);
  if (t > 0.2) canvas.fill({ cx: 15, cy: 18, rx: 11, ry: 11 }, HU.blood);
  canvas.fill({ cx: 4, cy: 17, rx: 6, ry: 5 }, HU.softTissue);
  canvas.fill({ cx: 4, cy: 16.5, rx: 1.6, ry: 1.2 }, HU.air);
  if (t < 0.38) {
    canvas.fill({ cx: 0, cy: 5, rx: 10, ry: 9 }, HU.softTissue);
    canvas.fill({ cx: 0, cy: 5, rx: 8, ry: 7 }, HU.air);
  } else if (t < 0.5) {
    const spread = 8 + (t - 0.38) * 120;
    for (const side of [-1, 1]) {
      canvas.fill({ cx: side * spread, cy: 7, rx: 7, ry: 7 }, HU.softTissue);
      canvas.fill({ cx: side * spread, cy: 7, rx: 5.5, ry: 5.5 }, HU.air);
    }
  }
}

/** Liver under the right hemidiaphragm, spleen and stomach under the left: domes that rise into the lung bases. */
function paintUpperAbdomen(canvas: MmCanvas, z: number): void {
  const liverRadius = Math.sqrt(Math.max(0, 72 ** 2 - (z + 212) ** 2));
  if (liverRadius > 0) canvas.fill({ cx: -16, cy: -2, rx: liverRadius * 0.72, ry: liverRadius * 0.6 }, HU.liver);
  const leftRadius = Math.sqrt(Math.max(0, 60 ** 2 - (z + 214) ** 2));
  if (leftRadius > 0) {
    canvas.fill({ cx: 36, cy: 6, rx: leftRadius * 0.62, ry: leftRadius * 0.6 }, HU.softTissue);
    canvas.fill({ cx: 46, cy: 26, rx: leftRadius * 0.3, ry: leftRadius * 0.25, angle: 0.6 }, HU.spleen);
    canvas.fill({ cx: 30, cy: -8, rx: leftRadius * 0.35, ry: leftRadius * 0.22 }, HU.fluid);
    canvas.fill({ cx: 30, cy: -14, rx: leftRadius * 0.3, ry: leftRadius * 0.12 }, HU.air);
  }
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
      // Lobulated margin; partial volume across the slab thickness softens the end slices.
      const lobulated = radius * (1 + 0.07 * Math.sin(5 * Math.atan2(dy, dx)) + 0.04 * Math.cos(3 * Math.atan2(dy, dx)));
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

/** Skin, subcutaneous fat and chest-wall muscle: the same on every slice. */
function paintChestWall(): MmCanvas {
  const canvas = new MmCanvas(G.columns, G.rows, G.pixelSpacingMm, G.originXMm, G.originYMm, HU.air);
  canvas.fill({ cx: 0, cy: 0, rx: 86, ry: 68 }, HU.softTissue);
  canvas.fill({ cx: 0, cy: 0, rx: 84, ry: 66 }, HU.fat);
  canvas.fill({ cx: 0, cy: 2, rx: 77, ry: 56 }, HU.muscle);
  return canvas;
}

function renderSlice(
  z: number,
  chestWall: MmCanvas,
  nodule: SampleNodule,
  vessels: VesselSegment[],
  noise: { table: Float32Array; random: SeededRandom },
): Int16Array {
  const t = fraction(z);
  const canvas = chestWall.clone();
  if (t < 0.55) {
    for (const side of [-1, 1]) canvas.fill({ cx: side * 47, cy: 52, rx: 19, ry: 3.2, angle: -side * 0.47 }, HU.bone);
  }
  canvas.fill({ cx: 0, cy: 3, rx: 69, ry: 49 }, HU.fat + 20);
  if (t < 0.75) canvas.fill({ cx: 0, cy: -57, rx: 12, ry: 5 }, HU.bone);
  paintRibs(canvas, z);
  for (const side of [-1, 1] as const) canvas.fill(lungEllipse(side, t), HU.lung);
  paintMediastinum(canvas, t);
  paintSpine(canvas, z);
  paintUpperAbdomen(canvas, z);
  const values = canvas.values;
  paintVessels(canvas, z, vessels, canvas.maskWhere((value) => value < -600));
  paintNodule(canvas, z, nodule);

  const stored = new Int16Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const hu = values[i]!;
    const deviation = noise.table[noise.random.nextIndex(noise.table.length)]! * (hu < -950 ? 4 : 14);
    stored[i] = Math.max(0, Math.min(4095, Math.round(hu + deviation + 1024)));
  }
  return stored;
}

export function generateChestCt(study: SampleStudy, nodule: SampleNodule): GeneratedInstance[] {
  const [series] = study.series;
  if (!series) throw new Error(`${study.key} has no series`);
  // The same vessel tree for current and prior: it is the same patient's anatomy.
  const vessels = buildVessels(new SeededRandom(1958));
  const random = new SeededRandom(study.studyDate === '20261015' ? 101 : 202);
  const noise = { table: random.gaussianTable(8192), random };
  const chestWall = paintChestWall();
  const frameOfReferenceUID = uidFromName(`${study.key}/frame-of-reference`);
  const instances: GeneratedInstance[] = [];
  for (let index = 0; index < G.slices; index++) {
    const instanceNumber = index + 1;
    const z = G.firstSliceZMm - index * G.sliceThicknessMm;
    const pixels = renderSlice(z, chestWall, nodule, vessels, noise);
    const dataset = {
      ...studyAttributes(study),
      ...seriesAttributes(study, series),
      ...instanceAttributes(study, series, instanceNumber),
      ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
      ManufacturerModelName: 'Chest phantom',
      PatientPosition: 'FFS',
      ScanOptions: 'HELICAL MODE',
      SliceThickness: G.sliceThicknessMm,
      KVP: 120,
      ConvolutionKernel: 'LUNG',
      FrameOfReferenceUID: frameOfReferenceUID,
      PositionReferenceIndicator: '',
      AcquisitionNumber: 1,
      ImagePositionPatient: [G.originXMm, G.originYMm, z],
      ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
      SliceLocation: z,
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
      PixelData: pixels.buffer,
    };
    instances.push({
      relativePath: instanceFileName(series, instanceNumber),
      part10: encodePart10(dataset, { vrOverrides: { PixelData: 'OW' } }),
    });
  }
  return instances;
}
