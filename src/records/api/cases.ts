import { z } from 'zod';
import { identifier, trainingYear } from '../../core/schema/common';
import { teachingCase } from '../../core/session/teachingCase';

/** A case as the tutor prepares it; the service fills in the id, who prepared it and when. */
export const caseInput = teachingCase.omit({ schemaVersion: true, id: true, preparedBy: true, createdAt: true });
export type CaseInput = z.infer<typeof caseInput>;

export const caseView = z.object({ case: teachingCase, version: z.number().int() });
export type CaseView = z.infer<typeof caseView>;

export const caseList = z.object({ cases: z.array(caseView) });

export const updateCaseBody = z.object({ version: z.number().int().min(1), case: caseInput });

export const caseQuery = z.object({
  trainingYear: z.coerce.number().pipe(trainingYear).optional(),
  category: z.string().max(200).optional(),
  modality: z.string().max(16).optional(),
});

export const caseParams = z.object({ caseId: identifier });
