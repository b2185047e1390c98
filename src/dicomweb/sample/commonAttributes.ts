import { sopInstanceUidFor, type SampleSeries, type SampleStudy } from './sampleCatalogue';

const INSTITUTION = 'OHIF Teaching Hospital';

/** Patient, general study and general equipment attributes shared by every instance of a study. */
export function studyAttributes(study: SampleStudy): Record<string, unknown> {
  return {
    SpecificCharacterSet: 'ISO_IR 192',
    PatientName: study.patient.name,
    PatientID: study.patient.id,
    PatientBirthDate: study.patient.birthDate,
    PatientSex: study.patient.sex,
    StudyInstanceUID: study.studyUID,
    StudyDate: study.studyDate,
    StudyTime: study.studyTime,
    StudyID: study.studyID,
    AccessionNumber: study.accessionNumber,
    ReferringPhysicianName: study.referringPhysicianName,
    StudyDescription: study.description,
    InstitutionName: INSTITUTION,
    Manufacturer: 'OHIF Teaching Phantoms',
  };
}

export function seriesAttributes(study: SampleStudy, series: SampleSeries): Record<string, unknown> {
  return {
    Modality: series.modality,
    SeriesInstanceUID: series.seriesUID,
    SeriesNumber: series.seriesNumber,
    SeriesDescription: series.description,
    SeriesDate: study.studyDate,
    SeriesTime: study.studyTime,
    BodyPartExamined: study.bodyPartExamined,
  };
}

export function instanceAttributes(study: SampleStudy, series: SampleSeries, instanceNumber: number): Record<string, unknown> {
  return {
    SOPClassUID: series.sopClassUID,
    SOPInstanceUID: sopInstanceUidFor(study, series.seriesNumber, instanceNumber),
    InstanceNumber: instanceNumber,
    ContentDate: study.studyDate,
    ContentTime: study.studyTime,
  };
}

export interface GeneratedInstance {
  /** Path relative to the study folder. */
  relativePath: string;
  part10: Uint8Array;
}

export function instanceFileName(series: SampleSeries, instanceNumber: number): string {
  return `${series.seriesNumber}/${String(instanceNumber).padStart(3, '0')}.dcm`;
}
