import { z } from 'zod';
import { identifier, localizedText, trainingYear } from '../../core/schema/common';

/** Suggestions a tutor asks for at once unless they say otherwise: a screenful to choose from. */
export const DEFAULT_NEXT_CASES = 10;

export const nextCasesQuery = z.object({
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(100, 'limit may be at most 100')
    .default(DEFAULT_NEXT_CASES),
});

/** One case the core's `rankNextCases` suggests, with what a tutor needs to pick it from a list. */
export const nextCaseSuggestion = z.object({
  caseId: identifier,
  title: z.string(),
  trainingYear,
  /** The case's category as the case names it (an entry of the department's category list). */
  category: z.string(),
  modality: z.string(),
  /** 0–100, higher fits better. */
  fit: z.number().int().min(0).max(100),
  reasons: z.array(localizedText),
});
export type NextCaseSuggestionView = z.infer<typeof nextCaseSuggestion>;

export const nextCaseList = z.object({ suggestions: z.array(nextCaseSuggestion) });
