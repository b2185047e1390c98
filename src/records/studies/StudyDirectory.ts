/**
 * Where the service looks up whether the studies a case names exist, so that a case is never
 * prepared on a study the viewer cannot open.
 */
export interface StudyDirectory {
  /** The UIDs among `studyInstanceUIDs` that the archive does not hold. */
  missingStudies(studyInstanceUIDs: string[]): Promise<string[]>;
}

/** The archive could not be asked (not answering, or answering with an error). */
export class StudyDirectoryUnavailable extends Error {}
