import { z } from 'zod';
import { identifier, localizedText, trainingYear } from '../../core/schema/common';
import { dicomUid, teachingCase } from '../../core/session/teachingCase';
import { apiError } from './errors';

/**
 * A case as the tutor prepares it; the service fills in the id, who prepared it and when, and keeps
 * whether it is retired and what it was copied from. A case without objectives passes the schema and
 * is refused by the service, with the other problems of the case, in both languages.
 */
export const caseInput = teachingCase
  .omit({ schemaVersion: true, id: true, preparedBy: true, createdAt: true, retired: true, duplicatedFrom: true })
  .extend({ objectives: teachingCase.shape.objectives.unwrap().array() });
export type CaseInput = z.infer<typeof caseInput>;

export const caseView = z.object({ case: teachingCase, version: z.number().int() });
export type CaseView = z.infer<typeof caseView>;

/** A case in the library, with how many sessions were held on it and who prepared it. */
export const caseLibraryItem = caseView.extend({
  usage: z.number().int().min(0),
  /** The preparer's name, or their id if their account is gone. */
  preparedByName: z.string(),
});
export type CaseLibraryItem = z.infer<typeof caseLibraryItem>;

export const caseList = z.object({ cases: z.array(caseLibraryItem) });

export const updateCaseBody = z.object({ version: z.number().int().min(1), case: caseInput });

export const caseQuery = z.object({
  trainingYear: z.coerce.number().pipe(trainingYear).optional(),
  category: z.string().max(200).optional(),
  modality: z.string().max(16).optional(),
  /** Text in the title, objectives or reference diagnosis. */
  q: z.string().max(200).optional(),
  preparedBy: identifier.optional(),
  /** `false` (the default for tutors and administrators): current cases only; `true`: retired only; `all`. */
  retired: z.enum(['false', 'true', 'all']).optional(),
  /** The cases read on this study (the first of each case's studies; its priors do not count). */
  studyInstanceUID: dicomUid.optional(),
});
export type CaseQuery = z.infer<typeof caseQuery>;

export const caseParams = z.object({ caseId: identifier });

export const retireCaseBody = z.object({ retired: z.boolean() });

/** One thing wrong with a case as sent, with the field it is about. */
export const caseProblem = z.object({ code: z.string(), field: z.string(), messages: localizedText });
export type CaseProblem = z.infer<typeof caseProblem>;

/** A case the service refuses: every problem at once, the first also as the error's own field. */
export const caseRefusal = apiError.extend({ problems: z.array(caseProblem).optional() });
