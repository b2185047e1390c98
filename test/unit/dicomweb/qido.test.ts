import { describe, expect, it } from 'vitest';
import { CHEST_CT_GEOMETRY, SAMPLE_STUDIES } from '../../../src/dicomweb/sample/generateSampleStudies';
import { useDicomWebTestApp, PREFIX } from '../../fixtures/dicomWebApp';

type Dataset = Record<string, { vr: string; Value?: unknown[] }>;

const t = useDicomWebTestApp();

async function get(url: string): Promise<{ status: number; body: Dataset[] | { error: string }; headers: Record<string, unknown> }> {
  const response = await t.app.inject({ url: `${PREFIX}${url}`, headers: { accept: 'application/dicom+json' } });
  return { status: response.statusCode, body: JSON.parse(response.body), headers: response.headers };
}

async function search(url: string): Promise<Dataset[]> {
  const response = await get(url);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as Dataset[];
}

const studyUIDs = (results: Dataset[]) => results.map((r) => r['0020000D']?.Value?.[0]);
const all = Object.values(SAMPLE_STUDIES);
const { chestCt, chestCtPrior, brainMr, chestRadiograph, liverUltrasound } = SAMPLE_STUDIES;

describe('QIDO-RS study search', () => {
  it('lists every sample study, newest first, with the standard return attributes', async () => {
    const results = await search('/studies');
    expect(studyUIDs(results)).toEqual([...all].sort((a, b) => b.studyDate.localeCompare(a.studyDate)).map((s) => s.studyUID));
    const ct = results.find((r) => r['0020000D']?.Value?.[0] === chestCt.studyUID)!;
    expect(ct['00100010']).toEqual({ vr: 'PN', Value: [{ Alphabetic: chestCt.patient.name }] });
    expect(ct['00100020']?.Value).toEqual([chestCt.patient.id]);
    expect(ct['00080050']?.Value).toEqual([chestCt.accessionNumber]);
    expect(ct['00080020']?.Value).toEqual([chestCt.studyDate]);
    expect(ct['00081030']?.Value).toEqual([chestCt.description]);
    expect(ct['00080090']?.Value).toEqual([{ Alphabetic: chestCt.referringPhysicianName }]);
    expect(ct['00080061']?.Value).toEqual(['CT']);
    expect(ct['00201206']?.Value).toEqual([chestCt.series.length]);
    expect(ct['00201208']?.Value).toEqual([chestCt.instances]);
    for (const tag of ['00080030', '00100030', '00100040', '00200010']) expect(ct[tag]?.Value?.length).toBe(1);
  });

  it('answers Cache-Control no-cache and dicom+json', async () => {
    const response = await get('/studies');
    expect(response.headers['content-type']).toContain('application/dicom+json');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('matches PatientName with wildcards, case-insensitively, by keyword or tag', async () => {
    expect(studyUIDs(await search('/studies?PatientName=zhang*'))).toEqual([chestCt.studyUID, chestCtPrior.studyUID]);
    expect(studyUIDs(await search('/studies?00100010=*NA'))).toEqual([brainMr.studyUID]);
    expect(studyUIDs(await search('/studies?PatientName=L?^Na'))).toEqual([brainMr.studyUID]);
    expect(await search('/studies?PatientName=Zhang')).toEqual([]);
  });

  it('fuzzy matching finds a name by the start of any component', async () => {
    expect(await search('/studies?PatientName=wei')).toEqual([]);
    expect(studyUIDs(await search('/studies?PatientName=wei&fuzzymatching=true'))).toEqual([chestCt.studyUID, chestCtPrior.studyUID]);
  });

  it('matches PatientID, AccessionNumber and StudyDescription', async () => {
    expect(studyUIDs(await search(`/studies?00100020=${brainMr.patient.id}`))).toEqual([brainMr.studyUID]);
    expect(studyUIDs(await search(`/studies?AccessionNumber=${chestRadiograph.accessionNumber}`))).toEqual([chestRadiograph.studyUID]);
    expect(studyUIDs(await search('/studies?StudyDescription=*liver*'))).toEqual([liverUltrasound.studyUID]);
  });

  it('matches StudyDate as a single date and as ranges', async () => {
    expect(studyUIDs(await search(`/studies?StudyDate=${chestCtPrior.studyDate}`))).toEqual([chestCtPrior.studyUID]);
    expect(studyUIDs(await search('/studies?StudyDate=20260701-20260831'))).toEqual([chestRadiograph.studyUID, liverUltrasound.studyUID]);
    expect(studyUIDs(await search('/studies?StudyDate=20260901-'))).toEqual([chestCt.studyUID, brainMr.studyUID]);
    expect(studyUIDs(await search('/studies?StudyDate=-20260501'))).toEqual([chestCtPrior.studyUID]);
  });

  it('matches ModalitiesInStudy against a value list and StudyInstanceUID against a UID list', async () => {
    expect(studyUIDs(await search('/studies?ModalitiesInStudy=MR'))).toEqual([brainMr.studyUID]);
    expect(studyUIDs(await search('/studies?ModalitiesInStudy=US\\DX'))).toEqual([chestRadiograph.studyUID, liverUltrasound.studyUID]);
    expect(studyUIDs(await search('/studies?ModalitiesInStudy=US,DX'))).toEqual([chestRadiograph.studyUID, liverUltrasound.studyUID]);
    const uids = `${chestCtPrior.studyUID}\\${brainMr.studyUID}`;
    expect(studyUIDs(await search(`/studies?StudyInstanceUID=${encodeURIComponent(uids)}`))).toEqual([brainMr.studyUID, chestCtPrior.studyUID]);
  });

  it('accepts the query OHIF’s worklist sends', async () => {
    const query = `PatientName=*zhang*&00100020=*TEACH*&limit=101&offset=0&fuzzymatching=false&includefield=${encodeURIComponent('00081030,00080060,00080090,00100030')}&StudyDate=19700102-20261231`;
    expect(studyUIDs(await search(`/studies?${query}`))).toEqual([chestCt.studyUID, chestCtPrior.studyUID]);
  });

  it('combines filters with AND and returns [] when nothing matches', async () => {
    expect(studyUIDs(await search(`/studies?PatientID=${chestCt.patient.id}&StudyDate=20261015`))).toEqual([chestCt.studyUID]);
    expect(await search(`/studies?PatientID=${chestCt.patient.id}&ModalitiesInStudy=MR`)).toEqual([]);
  });

  it('pages with limit and offset', async () => {
    const everything = studyUIDs(await search('/studies'));
    expect(studyUIDs(await search('/studies?limit=2'))).toEqual(everything.slice(0, 2));
    expect(studyUIDs(await search('/studies?limit=2&offset=2'))).toEqual(everything.slice(2, 4));
    expect(studyUIDs(await search('/studies?offset=4'))).toEqual(everything.slice(4));
    expect(await search('/studies?offset=10')).toEqual([]);
  });

  it('adds include fields given as tags, keywords, repeated or all', async () => {
    const [ct] = await search(`/studies?StudyInstanceUID=${chestCt.studyUID}&includefield=PixelSpacing&includefield=00100040,InstitutionName`);
    expect(ct?.['00280030']).toEqual({ vr: 'DS', Value: [CHEST_CT_GEOMETRY.pixelSpacingMm, CHEST_CT_GEOMETRY.pixelSpacingMm] });
    expect(ct?.['00080080']?.Value).toEqual(['OHIF Teaching Hospital']);
    const [series] = await search(`/studies/${chestCt.studyUID}/series?includefield=BodyPartExamined`);
    expect(series?.['00180015']?.Value).toEqual(['CHEST']);
    const [studyWithModality] = await search(`/studies?StudyInstanceUID=${chestCt.studyUID}&includefield=00080060`);
    expect(studyWithModality?.['00080060']).toBeUndefined();
    const [withoutAll] = await search(`/studies?StudyInstanceUID=${chestCt.studyUID}`);
    expect(withoutAll?.['00280030']).toBeUndefined();
    const [instance] = await search(`/studies/${chestCt.studyUID}/instances?limit=1&includefield=all`);
    expect(instance?.['00281050']?.Value).toEqual([-600, 40]);
  });

  it('rejects malformed parameters with 400 and a reason', async () => {
    for (const query of ['limit=abc', 'limit=0', 'offset=-1', 'StudyDate=2026-10-15', 'StudyDate=20261301', 'StudyDate=20261015-20260101', 'NotAnAttribute=1', 'includefield=Nonsense', 'fuzzymatching=maybe', 'SOPInstanceUID=1.2']) {
      const response = await get(`/studies?${query}`);
      expect(response.status, query).toBe(400);
      expect((response.body as { error: string }).error.length, query).toBeGreaterThan(5);
    }
  });
});

describe('QIDO-RS series and instance search', () => {
  it('lists a study’s series with modality, number, description and instance count', async () => {
    const results = await search(`/studies/${brainMr.studyUID}/series`);
    expect(results.map((r) => r['0020000E']?.Value?.[0])).toEqual(brainMr.series.map((s) => s.seriesUID));
    expect(results.map((r) => r['00200011']?.Value?.[0])).toEqual(brainMr.series.map((s) => s.seriesNumber));
    expect(results.map((r) => r['0008103E']?.Value?.[0])).toEqual(brainMr.series.map((s) => s.description));
    expect(results.map((r) => r['00201209']?.Value?.[0])).toEqual(brainMr.series.map((s) => s.instances));
    expect(results.every((r) => r['00080060']?.Value?.[0] === 'MR' && r['0020000D']?.Value?.[0] === brainMr.studyUID)).toBe(true);
  });

  it('searches all series by Modality, SeriesInstanceUID and study attributes', async () => {
    const us = await search('/series?Modality=US');
    expect(us.map((r) => r['0020000E']?.Value?.[0])).toEqual(liverUltrasound.series.map((s) => s.seriesUID));
    const one = await search(`/series?SeriesInstanceUID=${brainMr.series[1]!.seriesUID}`);
    expect(one).toHaveLength(1);
    expect(await search(`/series?PatientID=${chestCt.patient.id}`)).toHaveLength(2);
  });

  it('lists instances of a series in InstanceNumber order with image attributes', async () => {
    const series = chestCt.series[0]!;
    const results = await search(`/studies/${chestCt.studyUID}/series/${series.seriesUID}/instances`);
    expect(results.map((r) => r['00200013']?.Value?.[0])).toEqual(Array.from({ length: series.instances }, (_, i) => i + 1));
    expect(results[0]?.['00280010']?.Value).toEqual([series.rows]);
    expect(results[0]?.['00280011']?.Value).toEqual([series.columns]);
    expect(results[0]?.['00080016']?.Value).toEqual([series.sopClassUID]);
  });

  it('reports NumberOfFrames and matches SOPInstanceUID across all instances', async () => {
    const [cine] = await search(`/studies/${liverUltrasound.studyUID}/instances?SOPClassUID=${liverUltrasound.series[1]!.sopClassUID}`);
    expect(cine?.['00280008']?.Value).toEqual([liverUltrasound.series[1]!.framesPerInstance]);
    const sop = cine?.['00080018']?.Value?.[0] as string;
    const found = await search(`/instances?SOPInstanceUID=${sop}`);
    expect(found.map((r) => r['0020000E']?.Value?.[0])).toEqual([liverUltrasound.series[1]!.seriesUID]);
    expect(await search(`/studies/${liverUltrasound.studyUID}/instances`)).toHaveLength(liverUltrasound.instances);
  });

  it('answers 404 for unknown studies and series', async () => {
    const study = await get('/studies/1.2.3/series');
    expect(study).toMatchObject({ status: 404, body: { error: 'Study 1.2.3 not found' } });
    const series = await get(`/studies/${chestCt.studyUID}/series/9.9.9/instances`);
    expect(series.status).toBe(404);
    expect((series.body as { error: string }).error).toContain('9.9.9');
  });
});
