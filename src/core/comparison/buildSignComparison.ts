import { criteriaFor } from '../scoring/stageResult';
import type { TeachingSession } from '../session/session';
import type { Finding } from '../session/stageWork';
import type { TeachingCase } from '../session/teachingCase';
import { geometryOf } from './annotationGeometry';
import { compareSigns } from './compareSigns';
import type { ComparedAnnotation, NegativeCheck, SignComparison, SignScoreSuggestion, StoredSignComparison, UncomparedAnnotation } from './signComparison';
import type { MatchTolerances, SignGeometry } from './signGeometry';
import { suggestSignScores } from './suggestSignScores';

export interface SignComparisonInput {
  session: TeachingSession;
  teachingCase: TeachingCase;
  caseVersion: number;
  referenceAnnotations: ComparedAnnotation[];
  residentAnnotations: ComparedAnnotation[];
  tolerances: MatchTolerances;
  at: string;
  by: string;
  negativeChecks?: Record<string, NegativeCheck>;
  /** SOP instance UIDs no longer in the PACS. */
  missingImages?: string[];
}

const IMAGE_MISSING = { zh: '该标注所在的图像已不在影像存档中', en: 'The image this drawing is on is no longer in the PACS' };

/** Each annotation's geometry, or null and why it is left out. */
function readAll(annotations: ComparedAnnotation[], owner: UncomparedAnnotation['owner'], missing: Set<string>, uncompared: UncomparedAnnotation[]) {
  return annotations.map(annotation => {
    if (missing.has(annotation.sopInstanceUID)) {
      uncompared.push({ uid: annotation.uid, owner, reason: IMAGE_MISSING });
      return null;
    }
    const read = geometryOf(annotation);
    if (read.ok) return read.geometry;
    uncompared.push({ uid: annotation.uid, owner, reason: read.reason });
    return null;
  });
}

// Ticks for negatives the reference no longer lists would count for nothing and confuse a later reader.
function ticksOfListedNegatives(findings: Finding[], checks: Record<string, NegativeCheck>): Record<string, NegativeCheck> {
  const negativeIds = new Set(findings.filter(finding => finding.kind === 'negative').map(finding => finding.id));
  return Object.fromEntries(Object.entries(checks).filter(([id]) => negativeIds.has(id)));
}

function suggestionFor(
  session: TeachingSession,
  compared: { findings: Finding[]; result: SignComparison; negativeChecks: Record<string, NegativeCheck>; referenceAnnotations: SignGeometry[]; resident: SignGeometry[] },
): SignScoreSuggestion {
  return suggestSignScores({
    criteria: criteriaFor(session.stageForm, '4.3', session.realTime),
    step: session.stageForm.step,
    comparison: compared.result,
    referenceFindings: compared.findings,
    residentFindings: session.stages['4.3'].work.findings,
    negativeChecks: compared.negativeChecks,
    referenceAnnotations: compared.referenceAnnotations,
    residentAnnotations: compared.resident,
  });
}

/**
 * The stored comparison with the tutor's ticks of negatives replaced and the suggestion worked out
 * again, from the reference it holds and the session's stage form and 4.3 as they are now. The
 * drawings are not compared again.
 */
export function withNegativeChecks(stored: StoredSignComparison, session: TeachingSession, checks: Record<string, NegativeCheck>): StoredSignComparison {
  const negativeChecks = ticksOfListedNegatives(stored.reference.findings, checks);
  const referenceAnnotations = stored.reference.annotations.flatMap(annotation => (annotation.geometry ? [annotation.geometry] : []));
  const suggestion = suggestionFor(session, { findings: stored.reference.findings, result: stored.result, negativeChecks, referenceAnnotations, resident: stored.resident });
  return { ...stored, negativeChecks, suggestion };
}

/**
 * The session's 4.3 compared with the case's reference: what was found, missed and drawn besides,
 * and the points it suggests, with its own copy of the reference as it is now.
 */
export function buildSignComparison(input: SignComparisonInput): StoredSignComparison {
  const missing = new Set(input.missingImages ?? []);
  const uncompared: UncomparedAnnotation[] = [];
  const referenceGeometry = readAll(input.referenceAnnotations, 'reference', missing, uncompared);
  const resident = readAll(input.residentAnnotations, 'resident', missing, uncompared).filter((geometry): geometry is SignGeometry => geometry !== null);
  const comparable = referenceGeometry.filter((geometry): geometry is SignGeometry => geometry !== null);
  const result = compareSigns(comparable, resident, input.tolerances);

  const answer = input.teachingCase.referenceAnswer;
  const findings = answer?.findings ?? [];
  const negativeChecks = ticksOfListedNegatives(findings, input.negativeChecks ?? {});
  const suggestion = suggestionFor(input.session, { findings, result, negativeChecks, referenceAnnotations: comparable, resident });

  return {
    sessionId: input.session.id,
    caseId: input.teachingCase.id,
    caseVersion: input.caseVersion,
    computedAt: input.at,
    computedBy: input.by,
    tolerances: input.tolerances,
    reference: {
      annotations: input.referenceAnnotations.map((annotation, index) => ({ ...annotation, geometry: referenceGeometry[index] ?? null })),
      findings,
      diagnosis: answer?.diagnosis ?? '',
      ...(answer?.report ? { report: answer.report } : {}),
    },
    resident,
    result,
    uncompared,
    negativeChecks,
    suggestion,
  };
}
