import { z } from 'zod';

/** Autosaves send one; a retry of the same write with the same key is answered, never applied again. */
export const idempotencyHeaders = z.object({
  'idempotency-key': z.string().min(8, 'Idempotency-Key must have at least 8 characters').max(128, 'Idempotency-Key may have at most 128 characters').optional(),
});
