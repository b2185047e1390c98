import { z } from 'zod';
import { identifier, localizedText, timestamp } from '../schema/common';
import { finding, reportWork } from '../session/stageWork';
import { matchTolerances, signGeometry } from './signGeometry';

/** The result of matching a resident's drawings against the case's reference drawings. */
export const signComparison = z.object({
  found: z.array(
    z.object({
      referenceUid: z.string(),
      residentUid: z.string(),
      /** Both set when both drawings measure something: 14.1 mm against 14.0 mm. */
      referenceMm: z.number().optional(),
      residentMm: z.number().optional(),
      differenceMm: z.number().optional(),
    }),
  ),
  missed: z.array(z.string()),
  extra: z.array(z.string()),
});
export type SignComparison = z.infer<typeof signComparison>;

/** A drawing as the viewer stored it: cornerstoneTools' JSON with where it lies. */
export const comparedAnnotation = z.object({
  uid: z.string(),
  studyInstanceUID: z.string(),
  seriesInstanceUID: z.string(),
  sopInstanceUID: z.string(),
  frameNumber: z.number().int().nullable(),
  annotation: z.record(z.string(), z.unknown()),
});
export type ComparedAnnotation = z.infer<typeof comparedAnnotation>;

/** A drawing that could not be compared, and why (no usable points, its image no longer in the PACS). */
export const uncomparedAnnotation = z.object({ uid: z.string(), owner: z.enum(['reference', 'resident']), reason: localizedText });
export type UncomparedAnnotation = z.infer<typeof uncomparedAnnotation>;

/** The tutor's tick against one negative sign of the reference: did the resident record it? */
export const negativeCheck = z.object({ recorded: z.boolean(), by: identifier, at: timestamp });
export type NegativeCheck = z.infer<typeof negativeCheck>;

/** Suggested points per 4.3 criterion, each with why; the tutor's decision stays in the evaluation. */
export const signScoreSuggestion = z.object({
  scores: z.record(z.string(), z.number()),
  reasons: z.record(z.string(), localizedText),
});
export type SignScoreSuggestion = z.infer<typeof signScoreSuggestion>;

/**
 * What a session's 4.3 was compared against and what came of it, kept apart from the session so
 * that a resident cannot read it before sign-off. It holds its own copy of the reference, so later
 * edits of the case leave it as it was.
 */
export const storedSignComparison = z.object({
  sessionId: identifier,
  caseId: identifier,
  caseVersion: z.number().int(),
  computedAt: timestamp,
  computedBy: identifier,
  tolerances: matchTolerances,
  reference: z.object({
    annotations: z.array(comparedAnnotation.extend({ geometry: signGeometry.nullable() })),
    findings: z.array(finding),
    diagnosis: z.string(),
    report: reportWork.optional(),
  }),
  resident: z.array(signGeometry),
  result: signComparison,
  uncompared: z.array(uncomparedAnnotation),
  /** Keyed by the reference finding's id (negative findings only). */
  negativeChecks: z.record(z.string(), negativeCheck),
  suggestion: signScoreSuggestion,
});
export type StoredSignComparison = z.infer<typeof storedSignComparison>;
