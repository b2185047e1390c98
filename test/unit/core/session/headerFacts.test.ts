import { describe, expect, it } from 'vitest';
import {
  clinicalPrefill,
  itemsFromImages,
  NOT_RECORDED,
  prefillClinicalWork,
  techniqueFacts,
  type DicomHeader,
  type SeriesTechnique,
} from '../../../../src/core/session/headerFacts';
import { clinicalInfoWork, emptyWork } from '../../../../src/core/session/stageWork';

/** A study header as OHIF holds it: dcmjs-naturalized DICOM JSON. */
const chestCtHeader: DicomHeader = {
  PatientSex: 'M',
  PatientAge: '058Y',
  StudyDescription: 'CT Chest without contrast',
  ReferringPhysicianName: [{ Alphabetic: 'Chen^Jing' }],
  ReasonForTheRequestedProcedure: '咳嗽 2 周，体检发现右肺结节',
  AdmittingDiagnosesDescription: ['右肺上叶结节', '高血压'],
  AdditionalPatientHistory: '吸烟 40 年',
};

const valuesOf = (technique: SeriesTechnique) => Object.fromEntries(technique.facts.map(fact => [fact.key, fact.value?.en ?? null]));

describe('clinicalPrefill', () => {
  it('gives each field the header carries, with its label, its text in both languages, and where it goes in the 4.1 work', () => {
    const prefill = clinicalPrefill(chestCtHeader);
    expect(prefill.map(item => [item.key, item.value, item.target])).toEqual([
      ['sex', { zh: '男', en: 'Male' }, 'summary'],
      ['age', { zh: '58 岁', en: '58 years' }, 'summary'],
      ['studyDescription', { zh: 'CT Chest without contrast', en: 'CT Chest without contrast' }, null],
      ['referringPhysician', { zh: 'Chen Jing', en: 'Chen Jing' }, null],
      ['examReason', { zh: '咳嗽 2 周，体检发现右肺结节', en: '咳嗽 2 周，体检发现右肺结节' }, 'examReason'],
      ['admittingDiagnosis', { zh: '右肺上叶结节；高血压', en: '右肺上叶结节; 高血压' }, 'history'],
      ['history', { zh: '吸烟 40 年', en: '吸烟 40 年' }, 'history'],
    ]);
    expect(prefill.every(item => item.source === 'header')).toBe(true);
    expect(prefill.find(item => item.key === 'referringPhysician')?.label).toEqual({ zh: '申请医师', en: 'Referring physician' });
  });

  it('reads the request from the Request Attributes Sequence where it is not at the top level', () => {
    const asArray = clinicalPrefill({
      RequestAttributesSequence: [
        { RequestedProcedureDescription: '胸部 CT 平扫', ReasonForTheRequestedProcedure: '右肺结节复查' },
        { RequestedProcedureDescription: '上腹部 CT 平扫', ReasonForTheRequestedProcedure: '右肺结节复查' },
      ],
    });
    expect(asArray.map(item => [item.key, item.value.zh])).toEqual([
      ['requestedProcedure', '胸部 CT 平扫；上腹部 CT 平扫'],
      ['examReason', '右肺结节复查'],
    ]);
    const asItem = clinicalPrefill({ RequestAttributesSequence: { ReasonForTheRequestedProcedure: '咳嗽 1 周' } });
    expect(asItem.map(item => item.value.zh)).toEqual(['咳嗽 1 周']);
  });

  it('says ages in days, weeks, months and years, and shows a malformed age as recorded', () => {
    const age = (PatientAge: string) => clinicalPrefill({ PatientAge })[0]?.value;
    expect(age('006M')).toEqual({ zh: '6 个月', en: '6 months' });
    expect(age('001Y')).toEqual({ zh: '1 岁', en: '1 year' });
    expect(age('003W')).toEqual({ zh: '3 周', en: '3 weeks' });
    expect(age('010D')).toEqual({ zh: '10 天', en: '10 days' });
    expect(age('58')).toEqual({ zh: '58', en: '58' });
  });

  it('writes person names family name first, the ideographic form in Chinese where the header has one', () => {
    const referrer = (ReferringPhysicianName: unknown) => clinicalPrefill({ ReferringPhysicianName })[0]?.value;
    expect(referrer('Chen^Jing')).toEqual({ zh: 'Chen Jing', en: 'Chen Jing' });
    expect(referrer('Chen^Jing=陈^静')).toEqual({ zh: '陈静', en: 'Chen Jing' });
    expect(referrer([{ Alphabetic: 'Chen^Jing', Ideographic: '陈^静' }, { Alphabetic: 'Li^Ming' }])).toEqual({ zh: '陈静、Li Ming', en: 'Chen Jing, Li Ming' });
    expect(referrer([{}])).toBeUndefined();
  });

  it('gives nothing for a silent header: no study, no fields, or fields present but empty', () => {
    expect(clinicalPrefill(undefined)).toEqual([]);
    expect(clinicalPrefill({})).toEqual([]);
    expect(clinicalPrefill({ PatientSex: '', PatientAge: undefined, ReferringPhysicianName: [], AdditionalPatientHistory: '  ', AdmittingDiagnosesDescription: [''] })).toEqual([]);
  });

  it('shows a sex outside M, F and O as recorded', () => {
    expect(clinicalPrefill({ PatientSex: 'F' })[0]?.value).toEqual({ zh: '女', en: 'Female' });
    expect(clinicalPrefill({ PatientSex: 'O' })[0]?.value).toEqual({ zh: '其他', en: 'Other' });
    expect(clinicalPrefill({ PatientSex: 'X' })[0]?.value).toEqual({ zh: 'X', en: 'X' });
  });
});

describe('prefillClinicalWork', () => {
  it('writes the header into the empty items and the summary, as work stage 4.1 accepts', () => {
    const work = prefillClinicalWork(emptyWork()['4.1'], clinicalPrefill(chestCtHeader), 'zh-CN');
    expect(clinicalInfoWork.parse(work)).toEqual(work);
    expect(work.items.examReason).toEqual({ status: 'available', text: '咳嗽 2 周，体检发现右肺结节' });
    expect(work.items.history).toEqual({ status: 'available', text: '临床诊断：右肺上叶结节；高血压；吸烟 40 年' });
    expect(work.items.complaint).toEqual({ status: 'available', text: '' });
    expect(work.summary).toBe('男，58 岁。');

    const english = prefillClinicalWork(emptyWork()['4.1'], clinicalPrefill(chestCtHeader), 'en');
    expect(english.items.history.text).toBe('Clinical diagnosis: 右肺上叶结节; 高血压; 吸烟 40 年');
    expect(english.summary).toBe('Male, 58 years.');
  });

  it('never overwrites what the resident wrote, nor an item they marked missing or obtained', () => {
    const start = emptyWork()['4.1'];
    start.items.examReason = { status: 'available', text: '右肺结节复查' };
    start.items.history = { status: 'missing', text: '' };
    start.summary = '老年男性，右肺结节。';
    const work = prefillClinicalWork(start, clinicalPrefill(chestCtHeader), 'zh-CN');
    expect(work).toEqual(start);

    const obtained = emptyWork()['4.1'];
    obtained.items.history = { status: 'obtained', text: '高血压 10 年', from: 'patient' };
    expect(prefillClinicalWork(obtained, clinicalPrefill(chestCtHeader), 'zh-CN').items.history).toEqual(obtained.items.history);
  });

  it('leaves the work as it is when the header is silent', () => {
    const start = emptyWork()['4.1'];
    expect(prefillClinicalWork(start, clinicalPrefill({}), 'zh-CN')).toEqual(start);
  });
});

describe('itemsFromImages', () => {
  it('marks the items whose text is still the header’s, until the resident edits them', () => {
    const prefill = clinicalPrefill(chestCtHeader);
    const work = prefillClinicalWork(emptyWork()['4.1'], prefill, 'zh-CN');
    expect(itemsFromImages(work, prefill, 'zh-CN')).toEqual(['history', 'examReason']);
    work.items.examReason = { status: 'available', text: `${work.items.examReason.text}，6 个月复查` };
    expect(itemsFromImages(work, prefill, 'zh-CN')).toEqual(['history']);
    expect(itemsFromImages(emptyWork()['4.1'], prefill, 'zh-CN')).toEqual([]);
  });
});

describe('techniqueFacts', () => {
  it('reads a contrast CT: voltage, current, exposure, kernel, slices, contrast and dose, with units', () => {
    const [ct] = techniqueFacts([
      {
        Modality: 'CT',
        SeriesInstanceUID: '1.2.3',
        SeriesNumber: 3,
        SeriesDescription: 'Abdomen PV 1.25 mm',
        ProtocolName: 'Abdomen triphasic',
        SliceThickness: 1.25,
        SpacingBetweenSlices: 1,
        KVP: 100,
        XRayTubeCurrent: 280,
        Exposure: 140,
        RevolutionTime: 0.5,
        SpiralPitchFactor: 0.984,
        ConvolutionKernel: ['STANDARD'],
        ContrastBolusAgent: 'Iohexol 350',
        ContrastBolusVolume: 80,
        ContrastBolusRoute: 'IV',
        ContrastBolusAgentPhase: 'PORTAL_VENOUS',
        CTDIvol: 8.7999999999,
      },
    ]);
    expect(ct!.seriesInstanceUID).toBe('1.2.3');
    expect(ct!.seriesNumber).toBe(3);
    expect(valuesOf(ct!)).toEqual({
      modality: 'CT',
      seriesDescription: 'Abdomen PV 1.25 mm',
      protocol: 'Abdomen triphasic',
      sliceThickness: '1.25 mm',
      sliceSpacing: '1 mm (overlap 0.25 mm)',
      kvp: '100 kV',
      tubeCurrent: '280 mA',
      exposure: '140 mAs',
      rotationTime: '0.5 s',
      pitch: '0.984',
      kernel: 'STANDARD',
      contrastAgent: 'Iohexol 350, 80 ml, IV',
      contrastPhase: 'portal venous',
      ctdiVol: '8.8 mGy',
    });
    expect(ct!.facts.find(fact => fact.key === 'contrastPhase')?.value?.zh).toBe('门静脉期');
    expect(ct!.facts.find(fact => fact.key === 'kvp')?.label).toEqual({ zh: '管电压', en: 'Tube voltage' });
  });

  it('reads an MR series: field strength, sequence, TR/TE and the gap between slices', () => {
    const [mr] = techniqueFacts([
      { Modality: 'MR', ScanningSequence: ['SE'], SequenceName: '*tse2d1_15', MagneticFieldStrength: 3, RepetitionTime: 4500, EchoTime: 95, EchoTrainLength: 15, FlipAngle: 150, SliceThickness: 5, SpacingBetweenSlices: 6 },
    ]);
    expect(valuesOf(mr!)).toMatchObject({
      fieldStrength: '3 T',
      sequence: 'spin echo (*tse2d1_15)',
      repetitionTime: '4500 ms',
      echoTime: '95 ms',
      echoTrainLength: '15',
      flipAngle: '150°',
      sliceSpacing: '6 mm (gap 1 mm)',
      contrastAgent: null,
    });
    expect(mr!.facts.find(fact => fact.key === 'sequence')?.value?.zh).toBe('自旋回波（*tse2d1_15）');
    expect(mr!.facts.find(fact => fact.key === 'sliceSpacing')?.value?.zh).toBe('6 mm（层间隔 1 mm）');
    const [inversion] = techniqueFacts([{ Modality: 'MR', ScanningSequence: ['SE', 'IR'] }]);
    expect(valuesOf(inversion!).sequence).toBe('spin echo, inversion recovery');
  });

  it('reads a radiograph: view, exposure (µAs preferred), distance and dose-area product; numbers may come as strings', () => {
    const [dx] = techniqueFacts([
      { Modality: 'DX', ViewPosition: 'PA', KVP: '125', XRayTubeCurrent: 250, ExposureTime: 8, Exposure: 2, ExposureInuAs: 2000, DistanceSourceToDetector: 1800, ImageAndFluoroscopyAreaDoseProduct: 0.9 },
    ]);
    expect(valuesOf(dx!)).toMatchObject({
      viewPosition: 'posteroanterior',
      kvp: '125 kV',
      tubeCurrent: '250 mA',
      exposureTime: '8 ms',
      exposure: '2 mAs',
      sourceToDetector: '180 cm',
      areaDoseProduct: '0.9 dGy·cm²',
    });
    const [cr] = techniqueFacts([{ Modality: 'CR', ViewPosition: 'LL', Exposure: 16 }]);
    expect(valuesOf(cr!)).toMatchObject({ viewPosition: 'left lateral', exposure: '16 mAs' });
  });

  it('reads an ultrasound series: transducer and its frequency from the regions, preset, depth and safety indices', () => {
    const [us] = techniqueFacts([
      {
        Modality: 'US',
        TransducerData: 'C5-1',
        ProcessingFunction: 'ABDOMEN',
        DepthOfScanField: 147,
        MechanicalIndex: 1.1,
        SoftTissueThermalIndex: 0.4,
        SequenceOfUltrasoundRegions: [
          { TransducerType: 'CURVED LINEAR', TransducerFrequency: 3500 },
          { TransducerType: 'CURVED LINEAR', TransducerFrequency: 2500 },
        ],
      },
    ]);
    expect(valuesOf(us!)).toMatchObject({
      transducer: 'C5-1 (curved linear)',
      transducerFrequency: '3.5 / 2.5 MHz',
      preset: 'ABDOMEN',
      scanDepth: '147 mm',
      mechanicalIndex: '1.1',
      thermalIndex: '0.4',
    });
    expect(us!.facts.find(fact => fact.key === 'transducer')?.value?.zh).toBe('C5-1（凸阵）');
    const [typeOnly] = techniqueFacts([{ Modality: 'US', SequenceOfUltrasoundRegions: { TransducerType: 'SECTOR_PHASED' } }]);
    expect(valuesOf(typeOnly!).transducer).toBe('phased array');
  });

  it('gives null, to be shown as not recorded, for every fact a silent header lacks', () => {
    const [ct, silent] = techniqueFacts([{ Modality: 'CT' }, {}]);
    expect(ct!.facts.map(fact => fact.key)).toContain('ctdiVol');
    expect(ct!.facts.filter(fact => fact.value !== null).map(fact => fact.key)).toEqual(['modality']);
    expect(silent!.facts.map(fact => [fact.key, fact.value])).toEqual([
      ['modality', null],
      ['seriesDescription', null],
      ['protocol', null],
    ]);
    expect(silent!.seriesInstanceUID).toBeUndefined();
    expect(silent!.seriesNumber).toBeUndefined();
    expect(NOT_RECORDED).toEqual({ zh: '未记录', en: 'Not recorded' });
  });

  it('gives other modalities the common facts, and keeps the order of the series given', () => {
    const [nm, mr] = techniqueFacts([
      { Modality: 'NM', SeriesNumber: '7', SeriesDescription: 'Bone scan', ProtocolName: 'Whole body' },
      { Modality: 'mr', SeriesNumber: 2 },
    ]);
    expect(valuesOf(nm!)).toEqual({ modality: 'NM', seriesDescription: 'Bone scan', protocol: 'Whole body' });
    expect(nm!.seriesNumber).toBe(7);
    expect(mr!.facts.map(fact => fact.key)).toContain('fieldStrength');
  });
});
