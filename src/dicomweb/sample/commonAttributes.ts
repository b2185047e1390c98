import { sopInstanceUidFor, type SampleSeries, type SampleStudy } from './sampleCatalogue';

const INSTITUTION = 'OHIF Teaching Hospital';

/** Age at the study as a modality computes it for the header: whole years, DICOM AS ('068Y'). */
export function patientAge(birthDate: string, studyDate: string): string {
  const beforeBirthday = studyDate.slice(4) < birthDate.slice(4);
  const years = Number(studyDate.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (beforeBirthday ? 1 : 0);
  return `${String(years).padStart(3, '0')}Y`;
}

/** Patient, patient study, general study and general equipment attributes shared by every instance of a study. */
export function studyAttributes(study: SampleStudy): Record<string, unknown> {
  const { admittingDiagnosis, history } = study.request;
  return {
    SpecificCharacterSet: 'ISO_IR 192',
    PatientName: study.patient.name,
    PatientID: study.patient.id,
    PatientBirthDate: study.patient.birthDate,
    PatientSex: study.patient.sex,
    PatientAge: patientAge(study.patient.birthDate, study.studyDate),
    ...(admittingDiagnosis ? { AdmittingDiagnosesDescription: admittingDiagnosis } : {}),
    ...(history ? { AdditionalPatientHistory: history } : {}),
    // At the top level, as many modalities copy them, rather than in the Request Attributes
    // Sequence: dcmjs 0.51 decodes text inside sequence items as Latin-1, whatever the character
    // set, so the embedded DICOMweb server would serve the Chinese garbled.
    RequestedProcedureDescription: study.request.procedure,
    ReasonForTheRequestedProcedure: study.request.reason,
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
