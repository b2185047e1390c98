import { readFile } from 'node:fs/promises';
import dcmjs from 'dcmjs';
import dicomParser from 'dicom-parser';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { dicomWebPlugin } from '../../../src/dicomweb/plugin';
import { SAMPLE_STUDIES } from '../../../src/dicomweb/sample/generateSampleStudies';
import { DicomStore, type InstanceRecord } from '../../../src/dicomweb/store/DicomStore';
import { useDicomWebTestApp, multipartParts, PREFIX } from '../../fixtures/dicomWebApp';
import { silentLog } from '../../fixtures/sampleDataDir';

type Dataset = Record<string, { vr: string; Value?: unknown[] }>;

const { DicomMessage, DicomDict } = dcmjs.data;
const { chestCt, brainMr } = SAMPLE_STUDIES;

const t = useDicomWebTestApp();

function someRecord(studyUID: string): InstanceRecord {
  const study = t.store.study(studyUID)!;
  return [...[...study.series.values()][0]!.instances.values()][0]!;
}

/** A copy of a stored file with new UIDs (and optionally a new study), as a viewer would create a derived instance. */
async function copyWithNewUids(record: InstanceRecord, suffix: string, studyUID?: string): Promise<{ part10: Buffer; sopInstanceUID: string; seriesUID: string; studyUID: string }> {
  const file = await readFile(record.filePath);
  const { meta, dict } = DicomMessage.readFile(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength));
  const sopInstanceUID = `2.25.77${suffix}`;
  const seriesUID = `2.25.78${suffix}`;
  const study = studyUID ?? record.studyUID;
  dict['00080018'] = { vr: 'UI', Value: [sopInstanceUID] };
  dict['0020000E'] = { vr: 'UI', Value: [seriesUID] };
  dict['0020000D'] = { vr: 'UI', Value: [study] };
  dict['0008103E'] = { vr: 'LO', Value: [`Copy ${suffix}`] };
  meta['00020003'] = { vr: 'UI', Value: [sopInstanceUID] };
  const out = new DicomDict(meta);
  out.dict = dict;
  return { part10: Buffer.from(out.write()), sopInstanceUID, seriesUID, studyUID: study };
}

function multipartRequest(parts: { contentType: string; body: Buffer }[]): { payload: Buffer; contentType: string } {
  const boundary = 'test-boundary-4f1c';
  // dicomweb-client starts its body with a CRLF before the first delimiter; so does this.
  const chunks = parts.flatMap((part) => [Buffer.from(`\r\n--${boundary}\r\nContent-Type: ${part.contentType}\r\n\r\n`), part.body]);
  chunks.push(Buffer.from(`\r\n--${boundary}--`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/related; type="application/dicom"; boundary="${boundary}"` };
}

async function frame(studyUID: string, seriesUID: string, sopInstanceUID: string, app = t.app): Promise<Buffer> {
  const response = await app.inject({
    url: `${PREFIX}/studies/${studyUID}/series/${seriesUID}/instances/${sopInstanceUID}/frames/1`,
    headers: { accept: 'multipart/related; type="application/octet-stream"; transfer-syntax=*' },
  });
  expect(response.statusCode).toBe(200);
  return multipartParts(String(response.headers['content-type']), response.rawPayload)[0]!.body;
}

describe('STOW-RS', () => {
  it('stores a derived copy that QIDO then finds, with identical pixels, and that survives reopening the store', async () => {
    const source = someRecord(chestCt.studyUID);
    const copy = await copyWithNewUids(source, '1');
    const { payload, contentType } = multipartRequest([{ contentType: 'application/dicom', body: copy.part10 }]);
    const response = await t.app.inject({ method: 'POST', url: `${PREFIX}/studies`, payload, headers: { 'content-type': contentType } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/dicom+json');
    const body = JSON.parse(response.body) as Dataset;
    const referenced = body['00081199']?.Value?.[0] as Dataset;
    expect(referenced['00081155']?.Value).toEqual([copy.sopInstanceUID]);
    expect(referenced['00081150']?.Value).toEqual([source.sopClassUID]);
    expect(referenced['00081190']?.Value).toEqual([`${PREFIX}/studies/${copy.studyUID}/series/${copy.seriesUID}/instances/${copy.sopInstanceUID}`]);
    expect(body['00081190']?.Value).toEqual([`${PREFIX}/studies/${copy.studyUID}`]);
    expect(body['00081198']?.Value).toBeUndefined();

    const found = JSON.parse((await t.app.inject({ url: `${PREFIX}/studies/${chestCt.studyUID}/series?SeriesInstanceUID=${copy.seriesUID}` })).body) as Dataset[];
    expect(found.map((s) => s['0008103E']?.Value?.[0])).toEqual(['Copy 1']);
    const studies = JSON.parse((await t.app.inject({ url: `${PREFIX}/studies?StudyInstanceUID=${chestCt.studyUID}` })).body) as Dataset[];
    expect(studies[0]?.['00201206']?.Value).toEqual([chestCt.series.length + 1]);

    const original = await frame(source.studyUID, source.seriesUID, source.sopInstanceUID);
    expect((await frame(copy.studyUID, copy.seriesUID, copy.sopInstanceUID)).equals(original)).toBe(true);

    const reopened = await DicomStore.open(t.dataDir, silentLog());
    const app = Fastify();
    await app.register(dicomWebPlugin, { prefix: PREFIX, store: reopened });
    expect((await frame(copy.studyUID, copy.seriesUID, copy.sopInstanceUID, app)).equals(original)).toBe(true);
    await app.close();
  });

  it('accepts a single application/dicom body and POST /studies/{study}', async () => {
    const copy = await copyWithNewUids(someRecord(brainMr.studyUID), '2');
    const response = await t.app.inject({ method: 'POST', url: `${PREFIX}/studies/${brainMr.studyUID}`, payload: copy.part10, headers: { 'content-type': 'application/dicom' } });
    expect(response.statusCode).toBe(200);
    expect(t.store.instance(brainMr.studyUID, copy.seriesUID, copy.sopInstanceUID)).toBeDefined();
  });

  it('replaces an instance stored again under the same SOP Instance UID', async () => {
    const first = await copyWithNewUids(someRecord(brainMr.studyUID), '3');
    await t.store.store(first.part10);
    const moved = await copyWithNewUids(someRecord(chestCt.studyUID), '3', '2.25.7799');
    const response = await t.app.inject({ method: 'POST', url: `${PREFIX}/studies`, payload: moved.part10, headers: { 'content-type': 'application/dicom' } });
    expect(response.statusCode).toBe(200);
    expect(t.store.instance(brainMr.studyUID, first.seriesUID, first.sopInstanceUID)).toBeUndefined();
    const record = t.store.instance('2.25.7799', moved.seriesUID, moved.sopInstanceUID)!;
    expect(record.attributes['00080060']?.Value).toEqual(['CT']);
    const instances = JSON.parse((await t.app.inject({ url: `${PREFIX}/instances?SOPInstanceUID=${moved.sopInstanceUID}` })).body) as Dataset[];
    expect(instances).toHaveLength(1);
  });

  it('answers 400 with a reason when nothing in the request is DICOM', async () => {
    const single = await t.app.inject({ method: 'POST', url: `${PREFIX}/studies`, payload: Buffer.from('this is not a DICOM file'), headers: { 'content-type': 'application/dicom' } });
    expect(single.statusCode).toBe(400);
    expect(JSON.parse(single.body).error).toMatch(/not a DICOM Part 10 file/);

    const { payload, contentType } = multipartRequest([{ contentType: 'text/plain', body: Buffer.from('hello') }]);
    const multipart = await t.app.inject({ method: 'POST', url: `${PREFIX}/studies`, payload, headers: { 'content-type': contentType } });
    expect(multipart.statusCode).toBe(400);
    expect(JSON.parse(multipart.body).error).toContain('text/plain');

    const noBoundary = await t.app.inject({ method: 'POST', url: `${PREFIX}/studies`, payload: Buffer.from('x'), headers: { 'content-type': 'multipart/related; type="application/dicom"' } });
    expect(noBoundary.statusCode).toBe(400);
  });

  it('reports bad and foreign-study parts in FailedSOPSequence while storing the good ones', async () => {
    const good = await copyWithNewUids(someRecord(chestCt.studyUID), '4');
    const otherStudy = await copyWithNewUids(someRecord(brainMr.studyUID), '5');
    const { payload, contentType } = multipartRequest([
      { contentType: 'application/dicom', body: good.part10 },
      { contentType: 'application/dicom', body: Buffer.from('garbage') },
      { contentType: 'application/dicom', body: otherStudy.part10 },
    ]);
    const response = await t.app.inject({ method: 'POST', url: `${PREFIX}/studies/${chestCt.studyUID}`, payload, headers: { 'content-type': contentType } });
    expect(response.statusCode).toBe(202);
    expect(String(response.headers.warning)).toContain('belongs to study');
    const body = JSON.parse(response.body) as Dataset;
    expect((body['00081199']?.Value as Dataset[]).map((r) => r['00081155']?.Value?.[0])).toEqual([good.sopInstanceUID]);
    const failed = body['00081198']?.Value as Dataset[];
    expect(failed.map((f) => f['00081197']?.Value?.[0])).toEqual([0xc000, 0xc409]);
    expect(failed[1]?.['00081155']?.Value).toEqual([otherStudy.sopInstanceUID]);
    expect(t.store.instance(brainMr.studyUID, otherStudy.seriesUID, otherStudy.sopInstanceUID)).toBeUndefined();
  });

  it('answers 409 when every DICOM part belongs to another study', async () => {
    const otherStudy = await copyWithNewUids(someRecord(brainMr.studyUID), '6');
    const response = await t.app.inject({ method: 'POST', url: `${PREFIX}/studies/${chestCt.studyUID}`, payload: otherStudy.part10, headers: { 'content-type': 'application/dicom' } });
    expect(response.statusCode).toBe(409);
    expect((JSON.parse(response.body) as Dataset)['00081198']?.Value).toHaveLength(1);
  });

  it('rejects other content types with 415 without storing anything', async () => {
    const response = await t.app.inject({ method: 'POST', url: `${PREFIX}/studies`, payload: '{}', headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(415);
    expect(JSON.parse(response.body).error).toContain('application/json');
  });

  it('keeps pixel data byte-exact through STOW and whole-instance retrieval', async () => {
    const copy = await copyWithNewUids(someRecord(chestCt.studyUID), '7');
    await t.app.inject({ method: 'POST', url: `${PREFIX}/studies`, payload: copy.part10, headers: { 'content-type': 'application/dicom' } });
    const retrieved = await t.app.inject({ url: `${PREFIX}/studies/${copy.studyUID}/series/${copy.seriesUID}/instances/${copy.sopInstanceUID}`, headers: { accept: 'application/dicom' } });
    expect(retrieved.rawPayload.equals(copy.part10)).toBe(true);
    expect(dicomParser.parseDicom(retrieved.rawPayload).string('x00080018')).toBe(copy.sopInstanceUID);
  });
});
