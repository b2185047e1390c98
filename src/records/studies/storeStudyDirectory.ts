import type { StudyDirectory } from './StudyDirectory';

/** The embedded DICOMweb store of `npm start`, asked directly (it is in the same process). */
export function storeStudyDirectory(store: { study(studyInstanceUID: string): unknown }): StudyDirectory {
  return {
    missingStudies: async studyInstanceUIDs => studyInstanceUIDs.filter(uid => store.study(uid) === undefined),
  };
}
