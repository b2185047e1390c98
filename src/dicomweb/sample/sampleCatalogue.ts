import { uidFromName } from './deterministicUid';

export interface SamplePatient {
  id: string;
  /** DICOM PN, ASCII pinyin: Family^Given. */
  name: string;
  birthDate: string;
  sex: 'M' | 'F';
}

/**
 * The imaging request (申请单) as the modality copies it from the worklist into every header. What a
 * request leaves out is absent, as in the demo sessions where the resident obtained it afterwards.
 */
export interface SampleRequest {
  procedure: string;
  reason: string;
  /** The referring clinician's working diagnosis (临床诊断). */
  admittingDiagnosis?: string;
  history?: string;
}

export interface SampleSeries {
  seriesUID: string;
  seriesNumber: number;
  description: string;
  modality: string;
  sopClassUID: string;
  instances: number;
  framesPerInstance: number;
  rows: number;
  columns: number;
}

export interface SampleStudy {
  key: SampleStudyKey;
  /** Folder name under `<dataDir>/samples`. */
  folder: string;
  studyUID: string;
  studyID: string;
  patient: SamplePatient;
  accessionNumber: string;
  studyDate: string;
  studyTime: string;
  description: string;
  bodyPartExamined: string;
  referringPhysicianName: string;
  request: SampleRequest;
  modalities: string[];
  series: SampleSeries[];
  instances: number;
  /** For the chest CTs: the slice geometry and where the nodule is. */
  ct?: { geometry: ChestCtGeometry; nodule: SampleNodule };
}

/** Where the solid nodule of a chest CT sits, in patient coordinates (LPS, mm) and in the image grid. */
export interface SampleNodule {
  centerMm: [number, number, number];
  diameterMm: number;
  /** Zero-based pixel position of the centre on the slices listed in `instanceNumbers`. */
  centerColumn: number;
  centerRow: number;
  /** Slices whose section passes through the nodule, centre slice in the middle. */
  instanceNumbers: number[];
  centerInstanceNumber: number;
}

export interface ChestCtGeometry {
  rows: number;
  columns: number;
  slices: number;
  pixelSpacingMm: number;
  sliceThicknessMm: number;
  /** z (mm) of the first slice; each further slice is `sliceThicknessMm` lower (inferior). */
  firstSliceZMm: number;
  /** Patient position (mm) of the centre of the first transmitted pixel on every slice. */
  originXMm: number;
  originYMm: number;
}

export type SampleStudyKey = 'chestCt' | 'chestCtPrior' | 'brainMr' | 'chestRadiograph' | 'liverUltrasound';

export const SOP_CLASS = {
  ctImage: '1.2.840.10008.5.1.4.1.1.2',
  mrImage: '1.2.840.10008.5.1.4.1.1.4',
  digitalXRayForPresentation: '1.2.840.10008.5.1.4.1.1.1.1',
  ultrasoundImage: '1.2.840.10008.5.1.4.1.1.6.1',
  ultrasoundMultiFrameImage: '1.2.840.10008.5.1.4.1.1.3.1',
} as const;

/**
 * An adult chest: 384 × 384 pixels of 0.9375 mm (a 360 mm field of view) and 54 contiguous 5 mm
 * slices from just above the lung apices (z = 0) to below the costophrenic recesses (z = −265).
 */
export const CHEST_CT_GEOMETRY: ChestCtGeometry = {
  rows: 384,
  columns: 384,
  slices: 54,
  pixelSpacingMm: 0.9375,
  sliceThicknessMm: 5,
  firstSliceZMm: 0,
  originXMm: -179.53125,
  originYMm: -179.53125,
};

const REFERRING_PHYSICIAN = 'Chen^Jing';

const PATIENTS = {
  a: { id: 'TEACH-0001', name: 'Zhang^Wei', birthDate: '19580312', sex: 'M' },
  b: { id: 'TEACH-0002', name: 'Li^Na', birthDate: '19790605', sex: 'F' },
  c: { id: 'TEACH-0003', name: 'Wang^Fang', birthDate: '19900118', sex: 'F' },
  d: { id: 'TEACH-0004', name: 'Liu^Yang', birthDate: '19670923', sex: 'M' },
} as const satisfies Record<string, SamplePatient>;

function noduleAt(centerMm: [number, number, number], diameterMm: number): SampleNodule {
  const g = CHEST_CT_GEOMETRY;
  const centerSliceIndex = Math.round((g.firstSliceZMm - centerMm[2]) / g.sliceThicknessMm);
  const radius = diameterMm / 2;
  const instanceNumbers: number[] = [];
  for (let index = 0; index < g.slices; index++) {
    const sliceZ = g.firstSliceZMm - index * g.sliceThicknessMm;
    if (Math.abs(sliceZ - centerMm[2]) < radius) instanceNumbers.push(index + 1);
  }
  return {
    centerMm,
    diameterMm,
    centerColumn: Math.round((centerMm[0] - g.originXMm) / g.pixelSpacingMm),
    centerRow: Math.round((centerMm[1] - g.originYMm) / g.pixelSpacingMm),
    instanceNumbers,
    centerInstanceNumber: centerSliceIndex + 1,
  };
}

/** The right-upper-lobe nodule: 14 mm now, 8 mm on the prior six months earlier. */
export const CHEST_CT_NODULE = noduleAt([-62, -14, -60], 14);
export const CHEST_CT_PRIOR_NODULE = noduleAt([-62, -14, -60], 8);

function series(
  studyKey: SampleStudyKey,
  fields: Omit<SampleSeries, 'seriesUID'>,
): SampleSeries {
  return { seriesUID: uidFromName(`${studyKey}/series/${fields.seriesNumber}`), ...fields };
}

function study(fields: Omit<SampleStudy, 'studyUID' | 'instances' | 'modalities' | 'referringPhysicianName'>): SampleStudy {
  return {
    ...fields,
    studyUID: uidFromName(`${fields.key}/study`),
    referringPhysicianName: REFERRING_PHYSICIAN,
    modalities: [...new Set(fields.series.map((s) => s.modality))],
    instances: fields.series.reduce((sum, s) => sum + s.instances, 0),
  };
}

function chestCtSeries(key: SampleStudyKey): SampleSeries[] {
  return [
    series(key, {
      seriesNumber: 2,
      description: 'Chest 5.0 mm axial',
      modality: 'CT',
      sopClassUID: SOP_CLASS.ctImage,
      instances: CHEST_CT_GEOMETRY.slices,
      framesPerInstance: 1,
      rows: CHEST_CT_GEOMETRY.rows,
      columns: CHEST_CT_GEOMETRY.columns,
    }),
  ];
}

export const MR_SLICES = 20;

export const SAMPLE_STUDIES: Record<SampleStudyKey, SampleStudy> = {
  chestCt: study({
    key: 'chestCt',
    folder: 'chest-ct-2026-10-15',
    studyID: 'CT2610151',
    patient: PATIENTS.a,
    accessionNumber: 'ACC2610150001',
    studyDate: '20261015',
    studyTime: '093012',
    description: 'CT Chest without contrast',
    bodyPartExamined: 'CHEST',
    request: {
      procedure: '胸部 CT 平扫',
      reason: '右肺结节 6 个月复查',
      admittingDiagnosis: '右肺上叶结节',
      history: '吸烟 40 年，每日约 20 支，未戒烟；高血压病史 10 年',
    },
    series: chestCtSeries('chestCt'),
    ct: { geometry: CHEST_CT_GEOMETRY, nodule: CHEST_CT_NODULE },
  }),
  chestCtPrior: study({
    key: 'chestCtPrior',
    folder: 'chest-ct-2026-04-15',
    studyID: 'CT2604151',
    patient: PATIENTS.a,
    accessionNumber: 'ACC2604150007',
    studyDate: '20260415',
    studyTime: '101545',
    description: 'CT Chest without contrast',
    bodyPartExamined: 'CHEST',
    request: {
      procedure: '胸部 CT 平扫',
      reason: '健康体检，长期吸烟者肺部筛查',
      history: '吸烟 40 年，每日约 20 支；高血压病史 10 年',
    },
    series: chestCtSeries('chestCtPrior'),
    ct: { geometry: CHEST_CT_GEOMETRY, nodule: CHEST_CT_PRIOR_NODULE },
  }),
  brainMr: study({
    key: 'brainMr',
    folder: 'brain-mr-2026-09-22',
    studyID: 'MR2609221',
    patient: PATIENTS.b,
    accessionNumber: 'ACC2609220003',
    studyDate: '20260922',
    studyTime: '141003',
    description: 'MR Brain without contrast',
    bodyPartExamined: 'BRAIN',
    request: {
      procedure: '头颅 MRI 平扫',
      reason: '头痛伴低热，左手无力；CT 示右额叶病变',
      admittingDiagnosis: '右额叶占位性病变待查',
    },
    series: [
      series('brainMr', {
        seriesNumber: 3,
        description: 'T1 SE axial',
        modality: 'MR',
        sopClassUID: SOP_CLASS.mrImage,
        instances: MR_SLICES,
        framesPerInstance: 1,
        rows: 256,
        columns: 256,
      }),
      series('brainMr', {
        seriesNumber: 4,
        description: 'T2 TSE axial',
        modality: 'MR',
        sopClassUID: SOP_CLASS.mrImage,
        instances: MR_SLICES,
        framesPerInstance: 1,
        rows: 256,
        columns: 256,
      }),
    ],
  }),
  chestRadiograph: study({
    key: 'chestRadiograph',
    folder: 'chest-dx-2026-08-03',
    studyID: 'DX2608031',
    patient: PATIENTS.c,
    accessionNumber: 'ACC2608030012',
    studyDate: '20260803',
    studyTime: '083322',
    description: 'XR Chest PA',
    bodyPartExamined: 'CHEST',
    request: {
      procedure: '胸部 X 线后前位',
      reason: '咳嗽 1 周',
      admittingDiagnosis: '咳嗽待查',
      history: '既往体健，不吸烟，否认结核病史及接触史',
    },
    series: [
      series('chestRadiograph', {
        seriesNumber: 1,
        description: 'Chest PA',
        modality: 'DX',
        sopClassUID: SOP_CLASS.digitalXRayForPresentation,
        instances: 1,
        framesPerInstance: 1,
        rows: 1024,
        columns: 1024,
      }),
    ],
  }),
  liverUltrasound: study({
    key: 'liverUltrasound',
    folder: 'liver-us-2026-07-19',
    studyID: 'US2607191',
    patient: PATIENTS.d,
    accessionNumber: 'ACC2607190021',
    studyDate: '20260719',
    studyTime: '111207',
    description: 'US Abdomen liver',
    bodyPartExamined: 'LIVER',
    request: {
      procedure: '肝脏超声',
      reason: '体检发现肝内结节',
      admittingDiagnosis: '肝占位待查',
    },
    series: [
      series('liverUltrasound', {
        seriesNumber: 1,
        description: 'Liver right lobe',
        modality: 'US',
        sopClassUID: SOP_CLASS.ultrasoundImage,
        instances: 3,
        framesPerInstance: 1,
        rows: 384,
        columns: 512,
      }),
      series('liverUltrasound', {
        seriesNumber: 2,
        description: 'Liver cine sweep',
        modality: 'US',
        sopClassUID: SOP_CLASS.ultrasoundMultiFrameImage,
        instances: 1,
        framesPerInstance: 8,
        rows: 384,
        columns: 512,
      }),
    ],
  }),
};

export function sopInstanceUidFor(study: SampleStudy, seriesNumber: number, instanceNumber: number): string {
  return uidFromName(`${study.key}/series/${seriesNumber}/instance/${instanceNumber}`);
}

export function sampleFileCount(): number {
  return Object.values(SAMPLE_STUDIES).reduce((sum, s) => sum + s.instances, 0);
}
