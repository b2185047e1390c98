import { z } from 'zod';
import { localizedText } from '../../core/schema/common';

/**
 * Every refusal of the API: a stable code for programs, the message in the caller's language for a
 * person, and both languages so that a client can show either. `field` names the part of the request
 * at fault when there is one.
 */
export const apiError = z.object({
  code: z.string(),
  message: z.string(),
  messages: localizedText,
  field: z.string().optional(),
});
export type ApiError = z.infer<typeof apiError>;
