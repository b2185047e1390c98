import { z } from 'zod';
import { storedSignComparison } from '../../core/comparison/signComparison';
import { identifier } from '../../core/schema/common';

/** The comparison as it is stored: the core's record, with its own copy of the reference. */
export const signComparisonView = storedSignComparison;
export type SignComparisonView = z.infer<typeof signComparisonView>;

export const negativeCheckParams = z.object({ sessionId: identifier, findingId: identifier });

/** The tutor's tick: whether the resident recorded this negative sign of the reference. */
export const negativeCheckBody = z.object({ recorded: z.boolean() });
export type NegativeCheckBody = z.infer<typeof negativeCheckBody>;
