import { execFileSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import dicomParser from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import { encodePart10 } from '../../../src/dicomweb/sample/encodePart10';
import { SAMPLE_STUDIES } from '../../../src/dicomweb/sample/generateSampleStudies';
import type { InstanceRecord } from '../../../src/dicomweb/store/DicomStore';
import { useDicomWebTestApp, multipartParts, PREFIX } from '../../fixtures/dicomWebApp';

type Dataset = Record<string, { vr: string; Value?: unknown[]; BulkDataURI?: string }>;

const OCTET_STREAM_ANY = 'multipart/related; type="application/octet-stream"; transfer-syntax=*';
const { chestCt, brainMr, chestRadiograph, liverUltrasound } = SAMPLE_STUDIES;

const t = useDicomWebTestApp();

function firstRecord(studyUID: string, seriesUID: string): InstanceRecord {
  return [...t.store.series(studyUID, seriesUID)!.instances.values()].sort(
    (a, b) => Number(a.attributes['00200013']?.Value?.[0]) - Number(b.attributes['00200013']?.Value?.[0]),
  )[0]!;
}

function instancePath(record: InstanceRecord): string {
  return `${PREFIX}/studies/${record.studyUID}/series/${record.seriesUID}/instances/${record.sopInstanceUID}`;
}

async function pixelDataOf(filePath: string): Promise<Buffer> {
  const bytes = await readFile(filePath);
  const element = dicomParser.parseDicom(bytes).elements.x7fe00010!;
  return bytes.subarray(element.dataOffset, element.dataOffset + element.length);
}

async function getFrames(url: string, accept = OCTET_STREAM_ANY) {
  const response = await t.app.inject({ url, headers: { accept } });
  return { response, parts: response.statusCode === 200 ? multipartParts(String(response.headers['content-type']), response.rawPayload) : [] };
}

describe('WADO-RS metadata', () => {
  it('returns every instance of a study, series or single instance as DICOM JSON', async () => {
    const study = await t.app.inject({ url: `${PREFIX}/studies/${brainMr.studyUID}/metadata` });
    expect(study.statusCode).toBe(200);
    expect(study.headers['content-type']).toContain('application/dicom+json');
    const studyInstances = JSON.parse(study.body) as Dataset[];
    expect(studyInstances).toHaveLength(brainMr.instances);

    const series = brainMr.series[1]!;
    const seriesInstances = JSON.parse((await t.app.inject({ url: `${PREFIX}/studies/${brainMr.studyUID}/series/${series.seriesUID}/metadata` })).body) as Dataset[];
    expect(seriesInstances).toHaveLength(series.instances);
    expect(new Set(seriesInstances.map((i) => i['0020000E']?.Value?.[0]))).toEqual(new Set([series.seriesUID]));

    const record = firstRecord(brainMr.studyUID, series.seriesUID);
    const [one] = JSON.parse((await t.app.inject({ url: `${instancePath(record)}/metadata` })).body) as Dataset[];
    expect(one?.['00080018']?.Value).toEqual([record.sopInstanceUID]);
    expect(one?.['00180081']).toEqual({ vr: 'DS', Value: [95] });
    expect(one?.['00180087']).toEqual({ vr: 'DS', Value: [1.5] });
    expect(one?.['00180024']?.Value).toEqual(['*tse2d1_15']);
    expect(one?.['00100010']).toEqual({ vr: 'PN', Value: [{ Alphabetic: brainMr.patient.name }] });
  });

  it('gives nested values, AT values as hex and pixel data as a BulkDataURI that resolves to the pixels', async () => {
    const cine = firstRecord(liverUltrasound.studyUID, liverUltrasound.series[1]!.seriesUID);
    const [metadata] = JSON.parse((await t.app.inject({ url: `${instancePath(cine)}/metadata` })).body) as Dataset[];
    const region = metadata?.['00186011']?.Value?.[0] as Dataset;
    expect(region['0018602C']).toEqual({ vr: 'FD', Value: [0.04] });
    expect(metadata?.['00280009']).toEqual({ vr: 'AT', Value: ['00181063'] });
    const pixelData = metadata?.['7FE00010'];
    expect(pixelData?.Value).toBeUndefined();
    expect(pixelData?.BulkDataURI).toBe(`${instancePath(cine)}/bulkdata/7FE00010`);

    const { response, parts } = await getFrames(pixelData!.BulkDataURI!, 'multipart/related; type="application/octet-stream"');
    expect(response.statusCode).toBe(200);
    expect(parts).toHaveLength(liverUltrasound.series[1]!.framesPerInstance);
    expect(Buffer.concat(parts.map((p) => p.body)).equals(await pixelDataOf(cine.filePath))).toBe(true);
  });

  it('builds BulkDataURIs from the proxy prefix when one is declared', async () => {
    const record = firstRecord(chestCt.studyUID, chestCt.series[0]!.seriesUID);
    const response = await t.app.inject({ url: `${instancePath(record)}/metadata`, headers: { 'x-forwarded-prefix': '/teaching' } });
    const [metadata] = JSON.parse(response.body) as Dataset[];
    expect(metadata?.['7FE00010']?.BulkDataURI).toBe(`/teaching${instancePath(record)}/bulkdata/7FE00010`);
  });

  it('resolves BulkDataURIs of binary elements inside sequences', async () => {
    const icon = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
    const part10 = encodePart10(
      {
        SOPClassUID: '1.2.840.10008.5.1.4.1.1.7',
        SOPInstanceUID: '2.25.9001',
        StudyInstanceUID: '2.25.9002',
        SeriesInstanceUID: '2.25.9003',
        Modality: 'OT',
        IconImageSequence: [{ Rows: 2, Columns: 4, BitsAllocated: 8, SamplesPerPixel: 1, PhotometricInterpretation: 'MONOCHROME2', PixelData: icon.buffer, _vrMap: { PixelData: 'OB' } }],
      },
      { vrOverrides: { PixelData: 'OB' } },
    );
    const stored = await t.store.store(part10);
    const record = t.store.instance(stored.studyUID, stored.seriesUID, stored.sopInstanceUID)!;
    const [metadata] = JSON.parse((await t.app.inject({ url: `${instancePath(record)}/metadata` })).body) as Dataset[];
    const item = metadata?.['00880200']?.Value?.[0] as Dataset;
    expect(item['7FE00010']?.BulkDataURI).toBe(`${instancePath(record)}/bulkdata/00880200/0/7FE00010`);
    const bulk = await t.app.inject({ url: item['7FE00010']!.BulkDataURI!, headers: { accept: 'application/octet-stream' } });
    expect(bulk.statusCode).toBe(200);
    expect(bulk.headers['content-type']).toBe('application/octet-stream');
    expect([...bulk.rawPayload]).toEqual([...icon]);
    const multipart = await t.app.inject({ url: item['7FE00010']!.BulkDataURI! });
    expect([...multipartParts(String(multipart.headers['content-type']), multipart.rawPayload)[0]!.body]).toEqual([...icon]);
    expect((await t.app.inject({ url: `${instancePath(record)}/bulkdata/00880200/3/7FE00010` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `${instancePath(record)}/bulkdata/not-a-tag` })).statusCode).toBe(400);
  });

  it('answers 404 with a reason for unknown UIDs', async () => {
    const series = chestCt.series[0]!;
    const cases = [
      [`/studies/1.2.3/metadata`, 'Study 1.2.3 not found'],
      [`/studies/${chestCt.studyUID}/series/4.5.6/metadata`, '4.5.6'],
      [`/studies/${chestCt.studyUID}/series/${series.seriesUID}/instances/7.8.9/metadata`, '7.8.9'],
      [`/studies/${chestCt.studyUID}/series/${series.seriesUID}/instances/7.8.9/frames/1`, '7.8.9'],
      [`/studies/${chestCt.studyUID}/series/${series.seriesUID}/instances/7.8.9`, '7.8.9'],
    ] as const;
    for (const [url, reason] of cases) {
      const response = await t.app.inject({ url: `${PREFIX}${url}` });
      expect(response.statusCode, url).toBe(404);
      expect(JSON.parse(response.body).error, url).toContain(reason);
    }
  });
});

describe('WADO-RS frames', () => {
  it('returns a native frame of rows × columns × bits/8 bytes, identical to the stored pixels', async () => {
    const series = chestCt.series[0]!;
    const record = firstRecord(chestCt.studyUID, series.seriesUID);
    const { response, parts } = await getFrames(`${instancePath(record)}/frames/1`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^multipart\/related; type="application\/octet-stream"; boundary=/);
    expect(response.headers['cache-control']).toContain('max-age');
    expect(parts).toHaveLength(1);
    expect(parts[0]!.headers).toContain('Content-Type: application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1');
    expect(parts[0]!.body.length).toBe(series.rows * series.columns * 2);
    expect(parts[0]!.body.equals(await pixelDataOf(record.filePath))).toBe(true);
  });

  it('returns the listed frames of a multi-frame instance in the order asked', async () => {
    const series = liverUltrasound.series[1]!;
    const record = firstRecord(liverUltrasound.studyUID, series.seriesUID);
    const frameLength = series.rows * series.columns;
    const pixels = await pixelDataOf(record.filePath);
    const { parts } = await getFrames(`${instancePath(record)}/frames/5,2`);
    expect(parts.map((p) => p.body.length)).toEqual([frameLength, frameLength]);
    expect(parts[0]!.body.equals(pixels.subarray(4 * frameLength, 5 * frameLength))).toBe(true);
    expect(parts[1]!.body.equals(pixels.subarray(frameLength, 2 * frameLength))).toBe(true);
    expect(parts[0]!.body.equals(parts[1]!.body)).toBe(false);
  });

  it('serves a large single frame (the radiograph) intact', async () => {
    const series = chestRadiograph.series[0]!;
    const record = firstRecord(chestRadiograph.studyUID, series.seriesUID);
    const { parts } = await getFrames(`${instancePath(record)}/frames/1`);
    expect(parts[0]!.body.length).toBe(series.rows * series.columns * 2);
  });

  it('rejects frame numbers beyond the instance with 404 and malformed frame lists with 400', async () => {
    const record = firstRecord(liverUltrasound.studyUID, liverUltrasound.series[1]!.seriesUID);
    const beyond = await t.app.inject({ url: `${instancePath(record)}/frames/1,9`, headers: { accept: OCTET_STREAM_ANY } });
    expect(beyond.statusCode).toBe(404);
    expect(JSON.parse(beyond.body).error).toContain('Frame 9');
    for (const list of ['0', 'a', '1,,2', '-1']) {
      const response = await t.app.inject({ url: `${instancePath(record)}/frames/${list}`, headers: { accept: OCTET_STREAM_ANY } });
      expect(response.statusCode, list).toBe(400);
    }
  });

  it('answers 406 when a transfer syntax it cannot produce is asked for', async () => {
    const record = firstRecord(chestCt.studyUID, chestCt.series[0]!.seriesUID);
    const response = await t.app.inject({
      url: `${instancePath(record)}/frames/1`,
      headers: { accept: 'multipart/related; type="application/octet-stream"; transfer-syntax=1.2.840.10008.1.2.4.50' },
    });
    expect(response.statusCode).toBe(406);
    expect(JSON.parse(response.body).error).toContain('1.2.840.10008.1.2.1');
    const implicit = await getFrames(`${instancePath(record)}/frames/1`, 'multipart/related; type="application/octet-stream"; transfer-syntax=1.2.840.10008.1.2');
    expect(implicit.response.statusCode).toBe(200);
  });

  it('returns each frame of encapsulated JPEG data as that frame’s bitstream, labelled image/jpeg', async () => {
    const frames = [new Uint8Array([0xff, 0xd8, 1, 2, 3, 4, 0xff, 0xd9]), new Uint8Array([0xff, 0xd8, 9, 9, 0xff, 0xd9]), new Uint8Array([0xff, 0xd8, 7, 7, 7, 7, 7, 7, 0xff, 0xd9])];
    const part10 = encodePart10(
      {
        SOPClassUID: '1.2.840.10008.5.1.4.1.1.7',
        SOPInstanceUID: '2.25.9101',
        StudyInstanceUID: '2.25.9102',
        SeriesInstanceUID: '2.25.9103',
        Modality: 'OT',
        Rows: 2,
        Columns: 2,
        BitsAllocated: 8,
        SamplesPerPixel: 1,
        NumberOfFrames: frames.length,
        PhotometricInterpretation: 'MONOCHROME2',
        PixelData: frames.map((frame) => frame.buffer),
      },
      { transferSyntaxUID: '1.2.840.10008.1.2.4.50', vrOverrides: { PixelData: 'OB' } },
    );
    const ids = await t.store.store(part10);
    const record = t.store.instance(ids.studyUID, ids.seriesUID, ids.sopInstanceUID)!;
    const { response, parts } = await getFrames(`${instancePath(record)}/frames/3,1`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('type="image/jpeg"');
    expect(parts[0]!.headers).toContain('Content-Type: image/jpeg; transfer-syntax=1.2.840.10008.1.2.4.50');
    expect([...parts[0]!.body]).toEqual([...frames[2]!]);
    expect([...parts[1]!.body]).toEqual([...frames[0]!]);
    const native = await t.app.inject({
      url: `${instancePath(record)}/frames/1`,
      headers: { accept: 'multipart/related; type="application/octet-stream"; transfer-syntax=1.2.840.10008.1.2.1' },
    });
    expect(native.statusCode).toBe(406);
  });

  const hasDcmtk = (() => {
    try {
      execFileSync('dcmcrle', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!hasDcmtk)('serves RLE frames of a file compressed by dcmtk', async () => {
    const record = firstRecord(brainMr.studyUID, brainMr.series[0]!.seriesUID);
    const rlePath = path.join(os.tmpdir(), `rle-${process.pid}.dcm`);
    execFileSync('dcmcrle', [record.filePath, rlePath]);
    const rle = new Uint8Array(await readFile(rlePath));
    await rm(rlePath, { force: true });
    const changed = Buffer.from(rle);
    const stored = await t.store.store(changed);
    expect(stored.sopInstanceUID).toBe(record.sopInstanceUID);
    const replaced = t.store.instance(stored.studyUID, stored.seriesUID, stored.sopInstanceUID)!;
    expect(replaced.transferSyntaxUID).toBe('1.2.840.10008.1.2.5');
    const { parts } = await getFrames(`${instancePath(replaced)}/frames/1`);
    expect(parts[0]!.headers).toContain('transfer-syntax=1.2.840.10008.1.2.5');
    const element = dicomParser.parseDicom(rle).elements.x7fe00010!;
    const fragment = element.fragments![0]!;
    expect(parts[0]!.body.equals(Buffer.from(rle.subarray(fragment.position, fragment.position + fragment.length)))).toBe(true);
    // The RLE header announces one segment per byte of a 16-bit sample.
    expect(parts[0]!.body.readUInt32LE(0)).toBe(2);
  });
});

describe('WADO-RS whole instance', () => {
  it('returns the Part 10 file as application/dicom or inside multipart/related', async () => {
    const record = firstRecord(chestRadiograph.studyUID, chestRadiograph.series[0]!.seriesUID);
    const file = await readFile(record.filePath);
    const single = await t.app.inject({ url: instancePath(record), headers: { accept: 'application/dicom' } });
    expect(single.statusCode).toBe(200);
    expect(single.headers['content-type']).toContain('application/dicom');
    expect(single.rawPayload.equals(file)).toBe(true);

    const multipart = await t.app.inject({ url: instancePath(record), headers: { accept: 'multipart/related; type="application/dicom"; transfer-syntax=*' } });
    const parts = multipartParts(String(multipart.headers['content-type']), multipart.rawPayload);
    expect(parts).toHaveLength(1);
    expect(parts[0]!.headers).toContain('application/dicom');
    expect(parts[0]!.body.equals(file)).toBe(true);
  });

  it('answers 406 for media types it cannot produce', async () => {
    const record = firstRecord(chestRadiograph.studyUID, chestRadiograph.series[0]!.seriesUID);
    const response = await t.app.inject({ url: instancePath(record), headers: { accept: 'image/png' } });
    expect(response.statusCode).toBe(406);
    const otherSyntax = await t.app.inject({ url: instancePath(record), headers: { accept: 'application/dicom; transfer-syntax=1.2.840.10008.1.2.4.90' } });
    expect(otherSyntax.statusCode).toBe(406);
  });
});
