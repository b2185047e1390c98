import { z } from 'zod';
import { identifier } from '../../core/schema/common';
import { role } from '../../core/session/people';

const dicomUid = z.string().regex(/^[0-9]+(\.[0-9]+)*$/, 'must be a DICOM UID (digits and dots)').max(64, 'a DICOM UID has at most 64 characters');

/** cornerstoneTools' own annotation JSON: kept verbatim, only its size and shape as an object are checked. */
const cornerstoneAnnotation = z.record(z.string(), z.unknown());

/** Annotation UIDs come from cornerstoneTools (UUIDs) or from restored records. */
export const annotationUid = z.string().min(1).max(128).regex(/^[A-Za-z0-9._-]+$/, 'an annotation UID may hold letters, digits, ".", "_" and "-" only');

export const annotationView = z.object({
  uid: annotationUid,
  authorId: identifier,
  authorRole: role,
  studyInstanceUID: dicomUid,
  seriesInstanceUID: dicomUid,
  sopInstanceUID: dicomUid,
  frameNumber: z.number().int().min(1).nullable(),
  annotation: cornerstoneAnnotation,
  version: z.number().int(),
  updatedAt: z.string(),
});
export type AnnotationView = z.infer<typeof annotationView>;

export const annotationList = z.object({ annotations: z.array(annotationView) });

/** Version 0 creates; any other replaces the version the sender last saw. */
export const putAnnotationBody = z.object({
  version: z.number().int().min(0),
  studyInstanceUID: dicomUid,
  seriesInstanceUID: dicomUid,
  sopInstanceUID: dicomUid,
  frameNumber: z.number().int().min(1).nullable(),
  annotation: cornerstoneAnnotation,
});
export type PutAnnotationBody = z.infer<typeof putAnnotationBody>;

export const annotationParams = z.object({ sessionId: identifier, annotationUid });

export const deleteAnnotationQuery = z.object({ version: z.coerce.number().int().min(1) });

export const annotationConflict = z.object({ code: z.literal('conflict'), message: z.string(), current: annotationView.nullable() });
