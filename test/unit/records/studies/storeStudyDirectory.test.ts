import { beforeAll, describe, expect, it } from 'vitest';
import { DicomStore } from '../../../../src/dicomweb/store/DicomStore';
import { SAMPLE_STUDIES } from '../../../../src/dicomweb/sample/sampleCatalogue';
import { storeStudyDirectory } from '../../../../src/records/studies/storeStudyDirectory';
import { sampleDataDir, silentLog } from '../../../fixtures/sampleDataDir';

describe('the embedded archive as the study directory of npm start', () => {
  let store: DicomStore;
  beforeAll(async () => {
    store = await DicomStore.open(await sampleDataDir(), silentLog());
  });

  it('names exactly the studies the data folder does not hold, in the order asked', async () => {
    const directory = storeStudyDirectory(store);
    const held = [SAMPLE_STUDIES.chestCt.studyUID, SAMPLE_STUDIES.chestCtPrior.studyUID, SAMPLE_STUDIES.liverUltrasound.studyUID];
    expect(await directory.missingStudies(held)).toEqual([]);
    expect(await directory.missingStudies(['1.2.999.2', SAMPLE_STUDIES.chestCt.studyUID, '1.2.999.1'])).toEqual(['1.2.999.2', '1.2.999.1']);
    // A series UID is not a study.
    const series = [...store.study(SAMPLE_STUDIES.chestCt.studyUID)!.series.keys()][0]!;
    expect(await directory.missingStudies([series])).toEqual([series]);
  });
});
