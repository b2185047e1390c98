import dcmjs from 'dcmjs';
import { describe, expect, it } from 'vitest';
import { clinicalPrefill, techniqueFacts, type DicomHeader, type SeriesTechnique } from '../../../src/core/session/headerFacts';
import { SAMPLE_STUDIES, type SampleStudy } from '../../../src/dicomweb/sample/generateSampleStudies';
import { PREFIX, useDicomWebTestApp } from '../../fixtures/dicomWebApp';

const t = useDicomWebTestApp();

// The server's declaration of dcmjs leaves out what only the viewer uses.
const { naturalizeDataset } = dcmjs.data.DicomMetaDictionary as unknown as { naturalizeDataset(dataset: object): DicomHeader };

/**
 * The study's headers as the viewer holds them: its WADO-RS metadata naturalized by dcmjs, as OHIF's
 * DICOMweb data source does, one header per series from its first instance.
 */
async function viewerHeaders(study: SampleStudy): Promise<{ study: DicomHeader; series: DicomHeader[] }> {
  const response = await t.app.inject({ url: `${PREFIX}/studies/${study.studyUID}/metadata` });
  expect(response.statusCode).toBe(200);
  const instances = (JSON.parse(response.body) as object[]).map(instance => naturalizeDataset(instance));
  const series = study.series.map(
    ({ seriesUID }) => instances.filter(instance => instance.SeriesInstanceUID === seriesUID).sort((a, b) => Number(a.InstanceNumber) - Number(b.InstanceNumber))[0]!,
  );
  return { study: series[0]!, series };
}

const prefillOf = async (study: SampleStudy) => Object.fromEntries(clinicalPrefill((await viewerHeaders(study)).study).map(item => [item.key, item.value]));
const factsOf = async (study: SampleStudy) => techniqueFacts((await viewerHeaders(study)).series);
const english = (technique: SeriesTechnique) => Object.fromEntries(technique.facts.map(fact => [fact.key, fact.value?.en ?? null]));

describe('sample study headers, read as the viewer reads them', () => {
  it('carry the patient and the request in Chinese: age at the study, sex, reason, clinical diagnosis, history', async () => {
    expect(await prefillOf(SAMPLE_STUDIES.chestCt)).toEqual({
      sex: { zh: '男', en: 'Male' },
      age: { zh: '68 岁', en: '68 years' },
      studyDescription: { zh: 'CT Chest without contrast', en: 'CT Chest without contrast' },
      requestedProcedure: { zh: '胸部 CT 平扫', en: '胸部 CT 平扫' },
      referringPhysician: { zh: 'Chen Jing', en: 'Chen Jing' },
      examReason: { zh: '右肺结节 6 个月复查', en: '右肺结节 6 个月复查' },
      admittingDiagnosis: { zh: '右肺上叶结节', en: '右肺上叶结节' },
      history: { zh: '吸烟 40 年，每日约 20 支，未戒烟；高血压病史 10 年', en: '吸烟 40 年，每日约 20 支，未戒烟；高血压病史 10 年' },
    });
    const ages = await Promise.all(Object.values(SAMPLE_STUDIES).map(async study => (await prefillOf(study)).age?.en));
    // Each patient's age on the day of the study: the prior CT was taken after the March birthday.
    expect(ages).toEqual(['68 years', '68 years', '47 years', '36 years', '58 years']);
  });

  it('leave out what a request did not give, for the resident to obtain', async () => {
    const prior = await prefillOf(SAMPLE_STUDIES.chestCtPrior);
    expect(prior.examReason?.zh).toBe('健康体检，长期吸烟者肺部筛查');
    expect(prior.admittingDiagnosis).toBeUndefined();
    for (const study of [SAMPLE_STUDIES.brainMr, SAMPLE_STUDIES.liverUltrasound]) {
      const prefill = await prefillOf(study);
      expect(prefill.history, study.key).toBeUndefined();
      expect(prefill.examReason, study.key).toBeDefined();
      expect(prefill.admittingDiagnosis, study.key).toBeDefined();
    }
    expect((await prefillOf(SAMPLE_STUDIES.chestRadiograph)).examReason?.zh).toBe('咳嗽 1 周');
  });

  it('record the CT technique and dose; a scan without contrast records no agent', async () => {
    for (const study of [SAMPLE_STUDIES.chestCt, SAMPLE_STUDIES.chestCtPrior]) {
      const [ct] = await factsOf(study);
      expect(ct!.seriesInstanceUID).toBe(study.series[0]!.seriesUID);
      expect(english(ct!)).toEqual({
        modality: 'CT',
        seriesDescription: 'Chest 5.0 mm axial',
        protocol: 'Routine chest',
        sliceThickness: '5 mm',
        sliceSpacing: '5 mm',
        kvp: '120 kV',
        tubeCurrent: '200 mA',
        exposure: '100 mAs',
        rotationTime: '0.5 s',
        pitch: '1',
        kernel: 'LUNG',
        contrastAgent: null,
        contrastPhase: null,
        ctdiVol: '6.8 mGy',
      });
    }
  });

  it('record each MR sequence: field strength, sequence, TR/TE, slices 5 mm with a 1 mm gap', async () => {
    const [t1, t2] = await factsOf(SAMPLE_STUDIES.brainMr);
    expect(english(t1!)).toMatchObject({
      protocol: 'T1 axial brain',
      fieldStrength: '1.5 T',
      sequence: 'spin echo (*se2d1)',
      repetitionTime: '550 ms',
      echoTime: '12 ms',
      sliceThickness: '5 mm',
      sliceSpacing: '6 mm (gap 1 mm)',
    });
    expect(english(t2!)).toMatchObject({ sequence: 'spin echo (*tse2d1_15)', repetitionTime: '4500 ms', echoTime: '95 ms', echoTrainLength: '15' });
  });

  it('record the radiograph exposure and the ultrasound transducer, its frequency and the safety indices', async () => {
    const [dx] = await factsOf(SAMPLE_STUDIES.chestRadiograph);
    expect(english(dx!)).toEqual({
      modality: 'DX',
      seriesDescription: 'Chest PA',
      protocol: 'Chest PA erect',
      viewPosition: 'posteroanterior',
      kvp: '125 kV',
      tubeCurrent: '250 mA',
      exposureTime: '8 ms',
      exposure: '2 mAs',
      sourceToDetector: '180 cm',
      areaDoseProduct: '0.9 dGy·cm²',
    });
    const series = await factsOf(SAMPLE_STUDIES.liverUltrasound);
    expect(series).toHaveLength(2);
    for (const us of series) {
      expect(english(us)).toMatchObject({
        transducer: 'C5-1 (curved linear)',
        transducerFrequency: '3.5 MHz',
        preset: 'ABDOMEN',
        scanDepth: '147 mm',
        mechanicalIndex: '1.1',
        thermalIndex: '0.4',
      });
    }
  });
});
