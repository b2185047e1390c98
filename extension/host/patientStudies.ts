import type { ExtensionManager } from './ohifTypes';

/** One of the patient's studies as the PACS lists it, to be chosen as a prior for comparison. */
export interface PatientStudy {
  studyInstanceUID: string;
  /** YYYY-MM-DD */
  date: string | undefined;
  description: string | undefined;
  /** As the PACS lists them, e.g. "CT" or "CT\\SR". */
  modalities: string | undefined;
}

/** The patient's studies in the host's PACS. */
export interface PatientStudies {
  /** Every study of the patient with this PatientID, newest first. */
  list(patientId: string): Promise<PatientStudy[]>;
}

const formatDate = (date: string | undefined) => (date && /^\d{8}$/.test(date) ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}` : date || undefined);

/**
 * Asks the host's active data source (QIDO-RS) by PatientID, without the wildcards its study list
 * adds, as the host's own study browser does for a patient's other studies. A PACS that ignores the
 * filter could answer with other patients' studies: those are left out.
 */
export function hostPatientStudies(extensionManager: ExtensionManager): PatientStudies {
  return {
    async list(patientId) {
      const [dataSource] = extensionManager.getActiveDataSource();
      if (!dataSource) return [];
      const found = await dataSource.query.studies.search({ patientId, disableWildcard: true });
      return found
        .filter(study => study.mrn === undefined || study.mrn === patientId)
        .map(study => ({ studyInstanceUID: study.studyInstanceUid, date: formatDate(study.date), description: study.description || undefined, modalities: study.modalities || undefined }))
        .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    },
  };
}
