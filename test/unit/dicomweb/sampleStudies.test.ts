import { readFile, rm, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import dicomParser from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import { scanFiles } from '../../../src/dicomweb/store/scanFiles';
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
  return { dataSet, meanHu };
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
