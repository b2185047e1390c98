import { z } from 'zod';
import { identifier, trainingYear } from '../../core/schema/common';
import { role } from '../../core/session/people';

export const username = z
  .string()
  .trim()
  .min(2, 'username must have at least 2 characters')
  .max(64, 'username must have at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]*$/, 'username may hold letters, digits, ".", "_", "@" and "-" only');

/** Long enough to resist guessing, short enough for a pass phrase; bcrypt-style 72-byte limits do not apply to scrypt. */
export const newPassword = z.string().min(10, 'a password needs at least 10 characters').max(256, 'a password may have at most 256 characters');

const displayName = z.string().trim().min(1, 'name is required').max(100, 'name may have at most 100 characters');

/** A member of the department as the API shows them: never the password hash. */
export const accountView = z.object({
  id: identifier,
  username: z.string(),
  name: z.string(),
  role,
  trainingYear: trainingYear.nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type AccountView = z.infer<typeof accountView>;

export const accountList = z.object({ people: z.array(accountView) });

export const createAccountBody = z.discriminatedUnion('role', [
  z.object({ role: z.literal('resident'), username, name: displayName, password: newPassword, trainingYear }),
  z.object({ role: z.literal('tutor'), username, name: displayName, password: newPassword }),
  z.object({ role: z.literal('admin'), username, name: displayName, password: newPassword }),
]);
export type CreateAccountBody = z.infer<typeof createAccountBody>;

export const updateAccountBody = z
  .object({ version: z.number().int().min(1), name: displayName.optional(), trainingYear: trainingYear.optional(), active: z.boolean().optional() })
  .strict();
export type UpdateAccountBody = z.infer<typeof updateAccountBody>;

export const resetPasswordBody = z.object({ password: newPassword }).strict();

export const personParams = z.object({ personId: identifier });
