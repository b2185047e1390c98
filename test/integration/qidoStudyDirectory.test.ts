import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_STUDIES } from '../../src/dicomweb/sample/sampleCatalogue';
import { qidoStudyDirectory } from '../../src/records/studies/qidoStudyDirectory';
import { StudyDirectoryUnavailable } from '../../src/records/studies/StudyDirectory';
import { caseInput, recordsWorld, type RecordsWorld } from '../fixtures/recordsWorld';
import { freePort } from '../support/net';
import { startOrthancWithSamples, type RunningOrthanc } from '../support/orthanc';
import { testDatabases } from '../support/postgres';

/** The records service run beside a department's PACS checks a case's studies with QIDO-RS: here against a real Orthanc. */
describe('case studies checked with QIDO-RS against Orthanc', () => {
  const databases = testDatabases();
  let workDir: string;
  let orthanc: RunningOrthanc;
  let world: RecordsWorld;

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-qido-'));
    orthanc = await startOrthancWithSamples(workDir);
    // The world's own case is on a study Orthanc does not hold: the directory joins once it is made.
    world = await recordsWorld(databases.locations.sqlite);
    world.deps.studies = qidoStudyDirectory(`${orthanc.dicomWebUrl}/`);
  }, 120_000);

  afterAll(async () => {
    await world?.close();
    await orthanc?.stop();
    await databases.cleanup();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('finds the studies Orthanc holds and names the ones it does not; an archive not answering is said to be unavailable', async () => {
    const directory = qidoStudyDirectory(orthanc.dicomWebUrl);
    const { chestCt, chestCtPrior, brainMr } = SAMPLE_STUDIES;
    expect(await directory.missingStudies([chestCt.studyUID, chestCtPrior.studyUID, brainMr.studyUID])).toEqual([]);
    // A prefix of a real UID must not count as that study.
    const prefix = chestCt.studyUID.slice(0, chestCt.studyUID.lastIndexOf('.'));
    expect(await directory.missingStudies(['1.2.999.7', chestCt.studyUID, prefix])).toEqual(['1.2.999.7', prefix]);

    const nobody = qidoStudyDirectory(`http://127.0.0.1:${await freePort()}/dicom-web`);
    await expect(nobody.missingStudies([chestCt.studyUID])).rejects.toBeInstanceOf(StudyDirectoryUnavailable);
    await expect(qidoStudyDirectory(`${orthanc.httpUrl}/no-such-root`).missingStudies([chestCt.studyUID])).rejects.toThrow(/HTTP 404/);

    // Through the API: a case on Orthanc's studies is prepared, one on a study it lacks is refused naming it.
    const prepared = await world.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: world.cookies.tutor }, payload: { ...caseInput(), studyInstanceUIDs: [chestCt.studyUID, chestCtPrior.studyUID] } });
    expect(prepared.statusCode, prepared.body).toBe(201);
    const refused = await world.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: world.cookies.tutor }, payload: { ...caseInput(), studyInstanceUIDs: [chestCt.studyUID, '1.2.999.7'] } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().problems).toEqual([{ code: 'case.studyNotInPacs', field: 'studyInstanceUIDs.1', messages: { zh: 'PACS 中没有检查 1.2.999.7', en: 'The PACS has no study 1.2.999.7' } }]);
  });
});
