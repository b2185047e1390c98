import { buildSignComparison } from '../../core/comparison/buildSignComparison';
import type { ComparedAnnotation, StoredSignComparison } from '../../core/comparison/signComparison';
import { DEFAULT_TOLERANCES } from '../../core/comparison/signGeometry';
import type { TeachingSession } from '../../core/session/session';
import { fail } from '../http/apiFailure';
import type { RecordsDeps } from '../http/context';
import { StudyDirectoryUnavailable } from '../studies/StudyDirectory';

type Drawing = Pick<ComparedAnnotation, 'uid' | 'studyInstanceUID' | 'seriesInstanceUID' | 'sopInstanceUID' | 'frameNumber'> & { annotation: unknown };

// The API took each drawing in as a JSON object (putAnnotationBody), so it comes back as one.
const compared = ({ uid, studyInstanceUID, seriesInstanceUID, sopInstanceUID, frameNumber, annotation }: Drawing): ComparedAnnotation => ({
  uid,
  studyInstanceUID,
  seriesInstanceUID,
  sopInstanceUID,
  frameNumber,
  annotation: annotation as ComparedAnnotation['annotation'],
});

/**
 * The SOP instances of reference drawings whose study the PACS no longer has: those drawings cannot
 * be compared, and a resident who could not see them has not missed them.
 */
async function missingImages(deps: RecordsDeps, reference: ComparedAnnotation[]): Promise<string[]> {
  if (!deps.studies || reference.length === 0) return [];
  let missing: Set<string>;
  try {
    missing = new Set(await deps.studies.missingStudies([...new Set(reference.map(drawing => drawing.studyInstanceUID))]));
  } catch (error) {
    if (error instanceof StudyDirectoryUnavailable) {
      // Comparing without knowing would count the drawings of a study gone from the PACS as missed.
      throw fail(503, 'pacs.unavailable', `无法向 PACS 核对参考标注所在的检查（${error.message}），请稍后重试`, `Could not check the reference drawings' studies with the PACS (${error.message}); try again later`);
    }
    throw error;
  }
  return reference.filter(drawing => missing.has(drawing.studyInstanceUID)).map(drawing => drawing.sopInstanceUID);
}

/**
 * Compares the resident's drawings of the session with its case's reference as they stand now, and
 * keeps the result in place of the last one, with the tutor's ticks of negative signs the reference
 * still has. Undefined, and nothing kept, when the case has no reference to compare with.
 */
export async function compareSessionSigns(deps: RecordsDeps, departmentId: string, session: TeachingSession, by: string, at: string): Promise<StoredSignComparison | undefined> {
  const { repository } = deps;
  const [teachingCase, referenceDrawings, sessionDrawings, previous] = await Promise.all([
    repository.getCase(departmentId, session.caseId),
    repository.listCaseAnnotations(departmentId, session.caseId),
    repository.listAnnotations(departmentId, session.id),
    repository.getSignComparison(departmentId, session.id),
  ]);
  if (!teachingCase) throw new Error(`The case ${session.caseId} of session ${session.id} is gone`);
  const referenceAnnotations = referenceDrawings.map(compared);
  if (!teachingCase.record.referenceAnswer && referenceAnnotations.length === 0) return undefined;
  const comparison = buildSignComparison({
    session,
    teachingCase: teachingCase.record,
    caseVersion: teachingCase.version,
    referenceAnnotations,
    // The tutor's corrective drawings show what the resident missed; they are not the resident's answer.
    residentAnnotations: sessionDrawings.filter(drawing => drawing.authorRole === 'resident').map(compared),
    tolerances: deps.signTolerances ?? DEFAULT_TOLERANCES,
    at,
    by,
    // The core keeps those of the reference's negative findings that are still there.
    negativeChecks: previous?.negativeChecks ?? {},
    missingImages: await missingImages(deps, referenceAnnotations),
  });
  await repository.putSignComparison(departmentId, comparison);
  return comparison;
}
