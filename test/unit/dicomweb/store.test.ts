import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePart10 } from '../../../src/dicomweb/sample/encodePart10';
import { SAMPLE_STUDIES } from '../../../src/dicomweb/sample/generateSampleStudies';
import { DicomStore, InvalidDicomError } from '../../../src/dicomweb/store/DicomStore';
import { sampleDataDir, silentLog } from '../../fixtures/sampleDataDir';

const totalInstances = Object.values(SAMPLE_STUDIES).reduce((sum, s) => sum + s.instances, 0);

function minimalInstance(uids: { study: string; series: string; sop: string }, patientName = 'Test^Patient'): Uint8Array {
  return encodePart10({
    SpecificCharacterSet: 'ISO_IR 192',
    SOPClassUID: '1.2.840.10008.5.1.4.1.1.7',
    SOPInstanceUID: uids.sop,
    StudyInstanceUID: uids.study,
    SeriesInstanceUID: uids.series,
    Modality: 'OT',
    PatientName: patientName,
  });
}

let dataDir: string;
beforeAll(async () => {
  dataDir = await sampleDataDir();
}, 60_000);
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('DicomStore', () => {
  it('indexes every sample instance by study, series and SOP Instance UID', async () => {
    const log = silentLog();
    const store = await DicomStore.open(dataDir, log);
    expect(log.warnings).toEqual([]);
    expect(store.studies().map((s) => s.uid).sort()).toEqual(Object.values(SAMPLE_STUDIES).map((s) => s.studyUID).sort());
    const counted = store.studies().reduce((sum, study) => sum + [...study.series.values()].reduce((n, s) => n + s.instances.size, 0), 0);
    expect(counted).toBe(totalInstances);
    const cine = SAMPLE_STUDIES.liverUltrasound.series[1]!;
    const [record] = [...store.series(SAMPLE_STUDIES.liverUltrasound.studyUID, cine.seriesUID)!.instances.values()];
    expect(record).toMatchObject({ numberOfFrames: cine.framesPerInstance, rows: cine.rows, columns: cine.columns, bitsAllocated: 8, transferSyntaxUID: '1.2.840.10008.1.2.1' });
    expect(record!.pixelData).toMatchObject({ encapsulated: false, length: cine.rows * cine.columns * cine.framesPerInstance });
  });

  it('skips corrupt and non-DICOM files with a warning that names the file and the reason', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'store-corrupt-'));
    await mkdir(path.join(dir, 'nested', 'deeper'), { recursive: true });
    const good = minimalInstance({ study: '2.25.1', series: '2.25.2', sop: '2.25.3' });
    await writeFile(path.join(dir, 'nested', 'deeper', 'good.bin'), good);
    await writeFile(path.join(dir, 'notes.txt'), 'not an image');
    await writeFile(path.join(dir, 'nested', 'truncated.dcm'), good.subarray(0, 200));
    const noUids = encodePart10({ SOPClassUID: '1.2.840.10008.5.1.4.1.1.7', SOPInstanceUID: '2.25.4', Modality: 'OT' });
    await writeFile(path.join(dir, 'no-study.dcm'), noUids);
    const log = silentLog();
    const store = await DicomStore.open(dir, log);
    expect(store.instance('2.25.1', '2.25.2', '2.25.3')?.filePath).toBe(path.join(dir, 'nested', 'deeper', 'good.bin'));
    expect(log.warnings).toHaveLength(3);
    expect(log.warnings.find((w) => w.includes('notes.txt'))).toMatch(/DICM/);
    expect(log.warnings.find((w) => w.includes('truncated.dcm'))).toBeDefined();
    expect(log.warnings.find((w) => w.includes('no-study.dcm'))).toMatch(/StudyInstanceUID/);
    await rm(dir, { recursive: true, force: true });
  });

  it('stores an instance, indexes it at once and finds it again after reopening', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'store-write-'));
    const store = await DicomStore.open(dir, silentLog());
    const ids = await store.store(minimalInstance({ study: '2.25.10', series: '2.25.11', sop: '2.25.12' }, 'Müller^Zoë'));
    expect(ids).toEqual({ studyUID: '2.25.10', seriesUID: '2.25.11', sopInstanceUID: '2.25.12', sopClassUID: '1.2.840.10008.5.1.4.1.1.7' });
    const record = store.instance('2.25.10', '2.25.11', '2.25.12')!;
    expect(record.attributes['00100010']?.Value).toEqual([{ Alphabetic: 'Müller^Zoë' }]);
    expect(record.filePath.startsWith(dir)).toBe(true);

    const reopened = await DicomStore.open(dir, silentLog());
    expect(reopened.instance('2.25.10', '2.25.11', '2.25.12')?.attributes['00100010']?.Value).toEqual([{ Alphabetic: 'Müller^Zoë' }]);
    await rm(dir, { recursive: true, force: true });
  });

  it('replaces an instance stored again, also when it moves to another series', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'store-replace-'));
    const store = await DicomStore.open(dir, silentLog());
    await store.store(minimalInstance({ study: '2.25.20', series: '2.25.21', sop: '2.25.22' }, 'First^Version'));
    const before = store.instance('2.25.20', '2.25.21', '2.25.22')!.filePath;
    await store.store(minimalInstance({ study: '2.25.20', series: '2.25.23', sop: '2.25.22' }, 'Second^Version'));
    expect(store.series('2.25.20', '2.25.21')).toBeUndefined();
    expect(store.instance('2.25.20', '2.25.23', '2.25.22')?.attributes['00100010']?.Value).toEqual([{ Alphabetic: 'Second^Version' }]);
    await expect(readFile(before)).rejects.toThrow();
    const reopened = await DicomStore.open(dir, silentLog());
    expect(reopened.studies()).toHaveLength(1);
    expect([...reopened.study('2.25.20')!.series.keys()]).toEqual(['2.25.23']);
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses bytes that are not a storable instance with InvalidDicomError and a reason', async () => {
    const store = await DicomStore.open(await mkdtemp(path.join(os.tmpdir(), 'store-invalid-')), silentLog());
    await expect(store.store(new TextEncoder().encode('plain text'))).rejects.toThrow(InvalidDicomError);
    await expect(store.store(new TextEncoder().encode('plain text'))).rejects.toThrow(/DICM/);
    const noSeries = encodePart10({ SOPClassUID: '1.2.840.10008.5.1.4.1.1.7', SOPInstanceUID: '2.25.30', StudyInstanceUID: '2.25.31' });
    await expect(store.store(noSeries)).rejects.toThrow(/SeriesInstanceUID/);
    expect(store.studies()).toEqual([]);
    await rm(store.dataDir, { recursive: true, force: true });
  });
});
