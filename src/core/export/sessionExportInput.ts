import type { TeachingSession } from '../session/session';
import type { TeachingCase } from '../session/teachingCase';

/** What the paper sheet's header asks for that the session record does not hold. */
export interface PatientDetails {
  name?: string;
  imageNumber?: string;
  examDate?: string;
  examType?: string;
  examTechnique?: string;
}

/**
 * A session with what an export shows beside it: records hold ids, the forms and files name the case
 * and the people.
 */
export interface SessionExportInput {
  session: TeachingSession;
  teachingCase: Pick<TeachingCase, 'id' | 'title' | 'bodyPart' | 'modality'>;
  resident: { name: string };
  tutor: { name: string };
  patient?: PatientDetails;
}
