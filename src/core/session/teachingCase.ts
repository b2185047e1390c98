import { z } from 'zod';
import { identifier, timestamp, trainingYear } from '../schema/common';
import { findingsWork, reportWork } from './stageWork';

export const dicomUid = z.string().regex(/^[0-9]+(\.[0-9]+)*$/, 'must be a DICOM UID (digits and dots)').max(64, 'a DICOM UID has at most 64 characters');

/** The tutor's own reading of the case, shown to the resident only after sign-off. */
export const referenceAnswer = z.object({
  findings: findingsWork.shape.findings,
  diagnosis: z.string(),
  report: reportWork,
});
export type ReferenceAnswer = z.infer<typeof referenceAnswer>;

export const CASE_SCHEMA_VERSION = 3;

/** A real case prepared by a tutor beforehand for residents of a training year (guide 3.1, 3.2). */
export const teachingCase = z.object({
  schemaVersion: z.literal(CASE_SCHEMA_VERSION),
  id: identifier,
  title: z.string().trim().min(1, 'a case needs a title'),
  /** The study read in the session first, then any priors to compare with. */
  studyInstanceUIDs: z.array(dicomUid).min(1, 'a case needs at least one study'),
  modality: z.string().regex(/^[A-Z]{2}$/, 'modality must be a two-letter DICOM code, e.g. CT'),
  bodyPart: z.string().trim().min(1, 'body part is required'),
  /** The id of an entry of the department's category list (病种分类). */
  category: identifier,
  trainingYear,
  /** Ultrasound or guided intervention: the resident performs the exam under guidance (guide 4.2). */
  realTime: z.boolean(),
  objectives: z.array(z.string().trim().min(1)).min(1, 'a case needs at least one teaching objective'),
  referenceAnswer: referenceAnswer.optional(),
  preparedBy: identifier,
  createdAt: timestamp,
  /** Kept with its sessions and history, but no longer offered for new sessions. */
  retired: z.object({ at: timestamp, by: identifier }).optional(),
  /** The case this one was copied from, for the library to say so. */
  duplicatedFrom: identifier.optional(),
});
export type TeachingCase = z.infer<typeof teachingCase>;
