import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import dicomParser from 'dicom-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geometryOf, type ComparedAnnotation, type SignGeometry } from '../../../../src/core/comparison';
import { scanFiles } from '../../../../src/dicomweb/store/scanFiles';
import { SAMPLE_STUDIES } from '../../../../src/dicomweb/sample/sampleCatalogue';
import { demoCases, type DemoCaseKey } from '../../../../src/records/seed/demoCases';
import { demoReferenceAnnotations } from '../../../../src/records/seed/demoReferenceAnnotations';
import { sampleDataDir } from '../../../fixtures/sampleDataDir';

const REFERENCE = demoReferenceAnnotations();
const ALL = Object.values(REFERENCE).flat();
const KEYS = Object.keys(REFERENCE) as DemoCaseKey[];
const AT = new Date('2026-09-01T02:00:00Z');

function geometry(annotation: ComparedAnnotation): SignGeometry {
  const read = geometryOf(annotation);
  if (!read.ok) throw new Error(`${annotation.uid}: ${read.reason.en}`);
  return read.geometry;
}

const byUid = (uid: string) => ALL.find(annotation => annotation.uid === uid)!;

describe('the demo reference drawings', () => {
  it('can all be compared', () => {
    expect(ALL.map(annotation => geometryOf(annotation).ok)).toEqual(ALL.map(() => true));
    expect(new Set(ALL.map(annotation => annotation.uid)).size).toBe(ALL.length);
  });

  it('measure the nodule 14 mm now and 8 mm on the prior, the brain lesion 20 mm and the liver nodule 21 mm', () => {
    const [now, prior] = REFERENCE.chestCt.map(geometry);
    expect(now!.measurementMm).toBeGreaterThanOrEqual(13.5);
    expect(now!.measurementMm).toBeLessThanOrEqual(14.5);
    expect(prior!.measurementMm).toBeCloseTo(8, 1);
    expect(geometry(byUid('demo-ref-brain-mr-lesion')).measurementMm).toBeCloseTo(20, 6);
    expect(geometry(byUid('demo-ref-brain-mr-oedema'))).toMatchObject({ shape: 'area', measurementMm: 38 });
    expect(geometry(byUid('demo-ref-liver-us-nodule')).measurementMm).toBe(21);
  });

  it('leave the normal radiograph without a drawing', () => {
    expect(REFERENCE.chestRadiograph).toEqual([]);
  });

  it("are the drawings the cases' positive findings point to, and every such pointer leads to one", () => {
    const cases = demoCases({ chestCt: AT, brainMr: AT, chestRadiograph: AT, liverUltrasound: AT });
    for (const key of KEYS) {
      const findings = cases[key].referenceAnswer!.findings;
      const pointed = new Set(findings.flatMap(finding => finding.annotationIds));
      expect([...pointed].sort(), key).toEqual(REFERENCE[key].map(annotation => annotation.uid).sort());
      expect(findings.filter(finding => finding.kind === 'negative').every(finding => finding.annotationIds.length === 0)).toBe(true);
      for (const annotation of REFERENCE[key]) expect(cases[key].studyInstanceUIDs).toContain(annotation.studyInstanceUID);
    }
  });

  describe('on the generated sample images', () => {
    let dataDir: string;
    const images = new Map<string, { file: Buffer; dataSet: dicomParser.DataSet }>();

    beforeAll(async () => {
      dataDir = await sampleDataDir();
      for (const file of await scanFiles(path.join(dataDir, 'samples'))) {
        const bytes = await readFile(file);
        const dataSet = dicomParser.parseDicom(bytes);
        images.set(dataSet.string('x00080018')!, { file: bytes, dataSet });
      }
    }, 120_000);

    afterAll(async () => {
      await rm(dataDir, { recursive: true, force: true });
    });

    it('lie on an instance of their series, in its frame of reference and its plane', () => {
      for (const annotation of ALL) {
        const image = images.get(annotation.sopInstanceUID);
        expect(image, annotation.uid).toBeDefined();
        const { dataSet } = image!;
        expect(dataSet.string('x0020000e')).toBe(annotation.seriesInstanceUID);
        expect(dataSet.string('x0020000d')).toBe(annotation.studyInstanceUID);
        const sign = geometry(annotation);
        expect(dataSet.string('x00200052')).toBe(sign.frameOfReferenceUID);
        const position = dataSet.string('x00200032');
        // Ultrasound has no patient position: cornerstone puts it at z = 0, as the drawing is.
        const z = position ? Number(position.split('\\')[2]) : 0;
        expect(sign.points.every(point => Math.abs(point[2] - z) < 1e-9), annotation.uid).toBe(true);
      }
    });

    it('measure the chest CT nodule from lung to lung across its solid centre', () => {
      const { columns, originXMm, originYMm, pixelSpacingMm } = SAMPLE_STUDIES.chestCt.ct!.geometry;
      for (const annotation of REFERENCE.chestCt) {
        const { file, dataSet } = images.get(annotation.sopInstanceUID)!;
        const pixels = dataSet.elements.x7fe00010!;
        const values = new Int16Array(file.buffer.slice(file.byteOffset + pixels.dataOffset, file.byteOffset + pixels.dataOffset + pixels.length));
        const meanHu = (x: number, y: number) => {
          const column = Math.round((x - originXMm) / pixelSpacingMm);
          const row = Math.round((y - originYMm) / pixelSpacingMm);
          let sum = 0;
          for (let r = -1; r <= 1; r++) for (let c = -1; c <= 1; c++) sum += values[(row + r) * columns + column + c]! - 1024;
          return sum / 9;
        };
        const [[x0, y], [x1]] = geometry(annotation).points as [[number, number, number], [number, number, number]];
        expect(meanHu((x0 + x1) / 2, y), annotation.uid).toBeGreaterThan(-150);
        expect(meanHu(x0 + 1.5, y), annotation.uid).toBeGreaterThan(-400);
        expect(meanHu(x0 - 3, y), annotation.uid).toBeLessThan(-500);
        expect(meanHu(x1 + 3, y), annotation.uid).toBeLessThan(-500);
      }
    });

    it('put the liver drawing across the bright nodule', () => {
      const annotation = REFERENCE.liverUltrasound[0]!;
      const { file, dataSet } = images.get(annotation.sopInstanceUID)!;
      const pixels = dataSet.elements.x7fe00010!;
      const columns = dataSet.uint16('x00280011')!;
      const brightness = (column: number, row: number) => {
        let sum = 0;
        for (let r = -3; r <= 3; r++) for (let c = -3; c <= 3; c++) sum += file[pixels.dataOffset + (Math.round(row) + r) * columns + Math.round(column) + c]!;
        return sum / 49;
      };
      const [[c0, row], [c1]] = geometry(annotation).points as [[number, number, number], [number, number, number]];
      const width = c1 - c0;
      expect(brightness((c0 + c1) / 2, row)).toBeGreaterThan(1.4 * brightness(c0 - width / 2, row));
      expect(brightness((c0 + c1) / 2, row)).toBeGreaterThan(1.4 * brightness(c1 + width / 2, row));
    });
  });
});
