import { z } from 'zod';
import { identifier } from '../../core/schema/common';
import { annotationUid, annotationView } from './annotations';

/** A reference annotation of a case: as a session's annotation, without a role (only tutors and administrators draw them). */
export const caseAnnotationView = annotationView.omit({ authorRole: true });
export type CaseAnnotationView = z.infer<typeof caseAnnotationView>;

export const caseAnnotationList = z.object({ annotations: z.array(caseAnnotationView) });

export const caseAnnotationParams = z.object({ caseId: identifier, annotationUid });

export const caseAnnotationConflict = z.object({ code: z.literal('conflict'), message: z.string(), current: caseAnnotationView.nullable() });
