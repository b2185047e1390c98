import { readFile, rm, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import dicomParser from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import { scanFiles } from '../../../src/dicomweb/store/scanFiles';
import { insideLung } from '../../../src/dicomweb/sample/pulmonaryTrees';
import {
  CHEST_CT_GEOMETRY,
  CHEST_CT_NODULE,
  CHEST_CT_PRIOR_NODULE,
  ensureSampleStudies,
  SAMPLE_STUDIES,
  sopInstanceUidFor,
} from '../../../src/dicomweb/sample/generateSampleStudies';

const totalInstances = Object.values(SAMPLE_STUDIES).reduce((sum, s) => sum + s.instances, 0);

async function ctSlice(dataDir: string, folder: string, instanceNumber: number) {
  const file = await readFile(path.join(dataDir, 'samples', folder, '2', `${String(instanceNumber).padStart(3, '0')}.dcm`));
  const dataSet = dicomParser.parseDicom(file);
  const pixels = dataSet.elements.x7fe00010!;
  const values = new Int16Array(file.buffer.slice(file.byteOffset + pixels.dataOffset, file.byteOffset + pixels.dataOffset + pixels.length));
  const hu = (row: number, column: number) => values[row * CHEST_CT_GEOMETRY.columns + column]! - 1024;
  /** Mean HU over a small square, to see through noise. */
  const meanHu = (row: number, column: number, half = 2) => {
    let sum = 0;
    for (let r = -half; r <= half; r++) for (let c = -half; c <= half; c++) sum += hu(row + r, column + c);
    return sum / (2 * half + 1) ** 2;
  };
  /** Mean HU round the pixel nearest a patient position (mm). */
  const huAt = (x: number, y: number, half = 1) => meanHu(rowOf(y), columnOf(x), half);
  /** Millimetres along a row (y) or column (x) of the image whose HU lies within [low, high). */
  const lengthWithin = (line: { y: number } | { x: number }, low: number, high: number, from = -Infinity, to = Infinity) => {
    let count = 0;
    for (let i = 0; i < CHEST_CT_GEOMETRY.columns; i++) {
      const mm = ('y' in line ? CHEST_CT_GEOMETRY.originXMm : CHEST_CT_GEOMETRY.originYMm) + i * CHEST_CT_GEOMETRY.pixelSpacingMm;
      if (mm < from || mm > to) continue;
      const value = 'y' in line ? hu(rowOf(line.y), i) : hu(i, columnOf(line.x));
      if (value >= low && value < high) count++;
    }
    return count * CHEST_CT_GEOMETRY.pixelSpacingMm;
  };
  /** Millimetres from the first to the last pixel along a row whose HU is at least `low`: the width of the trunk. */
  const extentAbove = (y: number, low: number) => {
    const row = rowOf(y);
    let first = -1;
    let last = -1;
    for (let i = 0; i < CHEST_CT_GEOMETRY.columns; i++) {
      if (meanHu(row, Math.min(Math.max(i, 1), CHEST_CT_GEOMETRY.columns - 2), 1) < low) continue;
      if (first < 0) first = i;
      last = i;
    }
    return first < 0 ? 0 : (last - first + 1) * CHEST_CT_GEOMETRY.pixelSpacingMm;
  };
  /** Millimetres across the run of pixels at or above `low` along the row through (x, y). */
  const runAcross = (x: number, y: number, low: number) => {
    const row = rowOf(y);
    let first = columnOf(x);
    let last = first;
    while (first > 1 && meanHu(row, first - 1, 1) >= low) first--;
    while (last < CHEST_CT_GEOMETRY.columns - 2 && meanHu(row, last + 1, 1) >= low) last++;
    return (last - first + 1) * CHEST_CT_GEOMETRY.pixelSpacingMm;
  };
  return { dataSet, meanHu, huAt, lengthWithin, extentAbove, runAcross };
}

const columnOf = (x: number) => Math.round((x - CHEST_CT_GEOMETRY.originXMm) / CHEST_CT_GEOMETRY.pixelSpacingMm);
const rowOf = (y: number) => Math.round((y - CHEST_CT_GEOMETRY.originYMm) / CHEST_CT_GEOMETRY.pixelSpacingMm);
const instanceAt = (z: number) => Math.round((CHEST_CT_GEOMETRY.firstSliceZMm - z) / CHEST_CT_GEOMETRY.sliceThicknessMm) + 1;

/** Diameter (mm) of the nodule along its centre row, edges where HU crosses halfway between lung and nodule. */
function measuredDiameter(slice: Awaited<ReturnType<typeof ctSlice>>, centerRow: number, centerColumn: number): number {
  const halfway = (-860 + 35) / 2;
  const edge = (step: -1 | 1) => {
    for (let k = 1; k < 40; k++) {
      const outer = slice.meanHu(centerRow, centerColumn + step * k, 0);
      if (outer < halfway) {
        const inner = slice.meanHu(centerRow, centerColumn + step * (k - 1), 0);
        return k - 1 + (inner - halfway) / (inner - outer);
      }
    }
    return Infinity;
  };
  return (edge(-1) + edge(1)) * CHEST_CT_GEOMETRY.pixelSpacingMm;
}

describe('ensureSampleStudies', () => {
  it('writes byte-identical files on every run and only once per data dir', { timeout: 60_000 }, async () => {
    const [first, second] = await Promise.all([mkdtemp(path.join(os.tmpdir(), 'samples-a-')), mkdtemp(path.join(os.tmpdir(), 'samples-b-'))]);
    const started = performance.now();
    expect(await ensureSampleStudies(first)).toEqual({ generated: true, files: totalInstances });
    const elapsed = performance.now() - started;
    expect(await ensureSampleStudies(second)).toEqual({ generated: true, files: totalInstances });
    expect(await ensureSampleStudies(first)).toEqual({ generated: false, files: totalInstances });

    const filesA = (await scanFiles(first)).map((f) => path.relative(first, f)).sort();
    const filesB = (await scanFiles(second)).map((f) => path.relative(second, f)).sort();
    expect(filesA).toHaveLength(totalInstances);
    expect(filesB).toEqual(filesA);
    for (const relative of filesA) {
      const [a, b] = await Promise.all([readFile(path.join(first, relative)), readFile(path.join(second, relative))]);
      expect(a.equals(b), relative).toBe(true);
    }
    // Generous for a loaded CI machine; the target is well under this.
    expect(elapsed).toBeLessThan(15_000);

    await expectFilesMatchCatalogue(first);
    await expectAdultChest(first);
    await Promise.all([rm(first, { recursive: true, force: true }), rm(second, { recursive: true, force: true })]);
  });
});

async function expectFilesMatchCatalogue(dataDir: string): Promise<void> {
  const { chestCt, chestCtPrior, liverUltrasound, chestRadiograph } = SAMPLE_STUDIES;

  expect(chestCt.ct?.nodule).toBe(CHEST_CT_NODULE);
  expect(chestCtPrior.ct?.nodule.diameterMm).toBeLessThan(chestCt.ct!.nodule.diameterMm);
  // The catalogue describes the files.
  const center = await ctSlice(dataDir, chestCt.folder, CHEST_CT_NODULE.centerInstanceNumber);
  expect(center.dataSet.string('x0020000d')).toBe(chestCt.studyUID);
  expect(center.dataSet.string('x00100020')).toBe(chestCt.patient.id);
  expect(center.dataSet.string('x00080018')).toBe(sopInstanceUidFor(chestCt, 2, CHEST_CT_NODULE.centerInstanceNumber));
  expect(center.dataSet.string('x00280030')).toBe(`${CHEST_CT_GEOMETRY.pixelSpacingMm}\\${CHEST_CT_GEOMETRY.pixelSpacingMm}`);
  expect(center.dataSet.floatString('x00201041')).toBe(CHEST_CT_NODULE.centerMm[2]);
  expect(center.dataSet.floatString('x00200032', 2)).toBe(CHEST_CT_NODULE.centerMm[2]);

  // A solid nodule in aerated lung: soft tissue at its centre, lung just beyond its edge.
  const { centerRow, centerColumn } = CHEST_CT_NODULE;
  const radiusPx = CHEST_CT_NODULE.diameterMm / 2 / CHEST_CT_GEOMETRY.pixelSpacingMm;
  expect(center.meanHu(centerRow, centerColumn)).toBeGreaterThan(0);
  expect(center.meanHu(centerRow, centerColumn - Math.round(radiusPx + 5))).toBeLessThan(-700);

  // Six months earlier the same nodule was smaller: at 5.5 mm from the centre, solid now, lung then.
  const ringPx = Math.round(5.5 / CHEST_CT_GEOMETRY.pixelSpacingMm);
  const prior = await ctSlice(dataDir, chestCtPrior.folder, CHEST_CT_PRIOR_NODULE.centerInstanceNumber);
  expect(prior.dataSet.string('x00100020')).toBe(chestCt.patient.id);
  expect(prior.dataSet.string('x00080020')).toBe('20260415');
  expect(prior.meanHu(centerRow, centerColumn)).toBeGreaterThan(0);
  expect(center.meanHu(centerRow, centerColumn + ringPx, 1)).toBeGreaterThan(-100);
  expect(prior.meanHu(centerRow, centerColumn + ringPx, 1)).toBeLessThan(-500);
  expect(CHEST_CT_NODULE.instanceNumbers.length).toBeGreaterThanOrEqual(3);

  // What a resident measures across the nodule on its centre slice: its catalogue diameter.
  expect(measuredDiameter(center, centerRow, centerColumn)).toBeGreaterThan(CHEST_CT_NODULE.diameterMm - 1.2);
  expect(measuredDiameter(center, centerRow, centerColumn)).toBeLessThan(CHEST_CT_NODULE.diameterMm + 1.2);
  expect(measuredDiameter(prior, centerRow, centerColumn)).toBeGreaterThan(CHEST_CT_PRIOR_NODULE.diameterMm - 1.2);
  expect(measuredDiameter(prior, centerRow, centerColumn)).toBeLessThan(CHEST_CT_PRIOR_NODULE.diameterMm + 1.2);
  // Solitary: aerated lung all round it, no vessel touching it, and well inside the lung (off the pleura).
  const [nx, ny, nz] = CHEST_CT_NODULE.centerMm;
  const noduleRadius = CHEST_CT_NODULE.diameterMm / 2;
  for (let k = 0; k < 24; k++) {
    const angle = (2 * Math.PI * k) / 24;
    const ring = center.huAt(nx + (noduleRadius + 4) * Math.cos(angle), ny + (noduleRadius + 4) * Math.sin(angle));
    expect(ring, `lung ${noduleRadius + 4} mm from the nodule centre at ${k * 15}°`).toBeLessThan(-650);
  }
  expect(insideLung(nx, ny, CHEST_CT_GEOMETRY.firstSliceZMm - nz, noduleRadius + 15)).toBe(true);
  // Right upper lobe: the patient's right (negative x), above the hila.
  expect(nx).toBeLessThan(-30);
  expect(CHEST_CT_NODULE.centerInstanceNumber).toBeLessThan(instanceAt(-115));

  // Ultrasound regions give calibrated measurements; the radiograph names its detector spacing.
  const cine = dicomParser.parseDicom(await readFile(path.join(dataDir, 'samples', liverUltrasound.folder, '2', '001.dcm')));
  const region = cine.elements.x00186011!.items![0]!.dataSet!;
  expect(region.double('x0018602c')).toBeGreaterThan(0);
  expect(region.uint16('x00186024')).toBe(3);
  expect(cine.intString('x00280008')).toBe(liverUltrasound.series[1]!.framesPerInstance);
  const dx = dicomParser.parseDicom(await readFile(path.join(dataDir, 'samples', chestRadiograph.folder, '1', '001.dcm')));
  expect(dx.string('x00181164')).toBeDefined();
  expect(dx.string('x00185101')).toBe('PA');
  expect(dx.string('x00080016')).toBe(chestRadiograph.series[0]!.sopClassUID);
}

async function expectAdultChest(dataDir: string): Promise<void> {
  const { chestCt } = SAMPLE_STUDIES;
  const g = CHEST_CT_GEOMETRY;
  // An adult field of view and coverage: 5 mm slices from above the apices to below the lung bases.
  expect(g.columns * g.pixelSpacingMm).toBeGreaterThanOrEqual(350);
  expect(g.columns * g.pixelSpacingMm).toBeLessThanOrEqual(365);
  expect(g.sliceThicknessMm).toBe(5);
  expect(g.slices).toBeGreaterThanOrEqual(50);
  expect(g.slices).toBeLessThanOrEqual(56);
  const slice = (z: number) => ctSlice(dataDir, chestCt.folder, instanceAt(z));

  // Hila (z = −120): an adult-sized trunk, lungs of adult width and depth.
  const hila = await slice(-120);
  expect(hila.dataSet.uint16('x00280010')).toBe(g.rows);
  const trunk = hila.extentAbove(0, -500);
  expect(trunk).toBeGreaterThan(290);
  expect(trunk).toBeLessThan(345);
  for (const side of [-1, 1]) {
    // Aerated lung along the widest of a few rows and columns (the hilum interrupts some); the
    // vessels crossing them are not counted, so these are a little under the lung's size.
    const across = Math.max(...[-40, -20, 0, 20, 40].map((y) => hila.lengthWithin({ y }, -950, -600, side < 0 ? -Infinity : 0, side < 0 ? 0 : Infinity)));
    expect(across, `lung width, side ${side}`).toBeGreaterThan(88);
    expect(across, `lung width, side ${side}`).toBeLessThan(140);
    const depth = Math.max(...[50, 70, 90].map((x) => hila.lengthWithin({ x: side * x }, -950, -600)));
    expect(depth, `lung depth, side ${side}`).toBeGreaterThan(135);
    expect(depth, `lung depth, side ${side}`).toBeLessThan(195);
  }
  // Heart about 12 cm across with its pericardial fat; descending aorta about 25 mm beside the spine.
  const heart = (await slice(-175)).runAcross(20, -40, -500);
  expect(heart).toBeGreaterThan(105);
  expect(heart).toBeLessThan(150);
  const aorta = (await slice(-150)).runAcross(21, 27, -30);
  expect(aorta).toBeGreaterThan(20);
  expect(aorta).toBeLessThan(32);
  // Trachea at the thoracic inlet: an air column about 18 mm across, in the midline.
  const inlet = await slice(-20);
  const trachea = inlet.lengthWithin({ y: -14 }, -Infinity, -900, -40, 40);
  expect(trachea).toBeGreaterThan(14);
  expect(trachea).toBeLessThan(22);
  // Craniocaudal extent: no lung above the apices, lung all the way to the posterior recesses, and
  // the liver dome in the lung bases.
  const [top, apices] = [await ctSlice(dataDir, chestCt.folder, 1), await ctSlice(dataDir, chestCt.folder, 3)];
  for (const side of [-1, 1]) {
    expect(top.huAt(side * 42, 25, 2), `above the apex, side ${side}`).toBeGreaterThan(-200);
    expect(apices.huAt(side * 42, 25, 2), `apex, side ${side}`).toBeLessThan(-700);
  }
  const bases = await slice(-240);
  expect(bases.lengthWithin({ x: -70 }, -950, -600, 40)).toBeGreaterThan(5);
  expect(bases.huAt(-50, -27, 2)).toBeGreaterThan(40);
  expect(bases.huAt(-50, -27, 2)).toBeLessThan(80);
  expect(hila.huAt(-75, -40, 1)).toBeLessThan(-650);
  const last = await ctSlice(dataDir, chestCt.folder, g.slices);
  for (const side of [-1, 1]) expect(last.huAt(side * 70, 60, 2), `below the recess, side ${side}`).toBeGreaterThan(-200);
}
