import { buildSignComparison } from '../../core/comparison/buildSignComparison';
import type { ComparedAnnotation, NegativeCheck, StoredSignComparison } from '../../core/comparison/signComparison';
import { DEFAULT_TOLERANCES } from '../../core/comparison/signGeometry';
import type { TeachingCase } from '../../core/session/teachingCase';
import type { StoredAnnotation, StoredCaseAnnotation } from '../repository/RecordsRepository';
import { DEMO_CASE_IDS, type DemoCaseKey } from './demoCases';
import { demoReferenceAnnotations } from './demoReferenceAnnotations';
import { demoResidentDrawings } from './demoResidentDrawings';
import type { ScriptedSession } from './sessionScript';

/** The signed-off demo sessions whose residents drew their signs, and the negative signs their tutor found recorded. */
const COMPARED_SESSIONS = [
  { sessionId: 'demo-session-brain-mr-resident3', caseKey: 'brainMr', recordedNegatives: ['ref-midline'] },
  { sessionId: 'demo-session-liver-us-resident4', caseKey: 'liverUltrasound', recordedNegatives: ['ref-halo', 'ref-background'] },
] as const;

export interface DemoDrawings {
  reference: Omit<StoredCaseAnnotation, 'version'>[];
  resident: Omit<StoredAnnotation, 'version'>[];
  comparisons: StoredSignComparison[];
}

/**
 * The demo cases' reference drawings, and for two signed-off sessions the resident's drawings with
 * the comparison the records service made when 4.3 was handed in, built by the core as the service
 * builds it, so a newcomer finds found, missed and extra signs on the first try.
 */
export function demoSignComparisons(cases: Record<DemoCaseKey, TeachingCase>, sessions: ScriptedSession[]): DemoDrawings {
  const references = demoReferenceAnnotations();
  const residentDrawings = demoResidentDrawings();
  const reference = (Object.keys(references) as DemoCaseKey[]).flatMap(key =>
    references[key].map(({ uid, annotation, ...place }) => ({ caseId: DEMO_CASE_IDS[key], uid, authorId: cases[key].preparedBy, ...place, annotation, updatedAt: cases[key].createdAt })),
  );
  const resident: DemoDrawings['resident'] = [];
  const comparisons = COMPARED_SESSIONS.map(({ sessionId, caseKey, recordedNegatives }) => {
    const scripted = sessions.find(candidate => candidate.initial.id === sessionId);
    const session = scripted?.steps.at(-1)?.state;
    const submittedAt = session?.stages['4.3'].submittedAt;
    if (!session || !submittedAt || !session.signOff) throw new Error(`Demo seed: session ${sessionId} is not signed off with 4.3 handed in`);
    const drawn: ComparedAnnotation[] = residentDrawings[caseKey];
    for (const { uid, annotation, ...place } of drawn) resident.push({ sessionId, uid, authorId: session.residentId, authorRole: 'resident', ...place, annotation, updatedAt: submittedAt });
    const negativeChecks = Object.fromEntries(
      (cases[caseKey].referenceAnswer?.findings ?? [])
        .filter(finding => finding.kind === 'negative')
        .map((finding): [string, NegativeCheck] => [finding.id, { recorded: (recordedNegatives as readonly string[]).includes(finding.id), by: session.tutorId, at: session.signOff!.at }]),
    );
    return buildSignComparison({
      session,
      teachingCase: cases[caseKey],
      caseVersion: 1,
      referenceAnnotations: references[caseKey],
      residentAnnotations: drawn,
      tolerances: DEFAULT_TOLERANCES,
      at: submittedAt,
      by: session.residentId,
      negativeChecks,
    });
  });
  return { reference, resident, comparisons };
}
