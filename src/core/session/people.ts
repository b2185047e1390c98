import { z } from 'zod';
import { identifier, trainingYear } from '../schema/common';

export const ROLES = ['resident', 'tutor', 'admin'] as const;
export const role = z.enum(ROLES, { error: 'role must be resident, tutor or admin' });
export type Role = z.infer<typeof role>;

/** Someone acting on a record; the records service establishes who, the core decides what they may do. */
export const actor = z.object({ id: identifier, role });
export type Actor = z.infer<typeof actor>;

export const PERSON_SCHEMA_VERSION = 1;

const member = {
  schemaVersion: z.literal(PERSON_SCHEMA_VERSION),
  id: identifier,
  name: z.string().trim().min(1, 'name is required'),
  /** People who leave keep their records; they can no longer sign in or be scheduled. */
  active: z.boolean(),
};

/** A member of the department as the administrator manages them. */
export const person = z.discriminatedUnion('role', [
  z.object({ role: z.literal('resident'), ...member, trainingYear }),
  z.object({ role: z.literal('tutor'), ...member }),
  z.object({ role: z.literal('admin'), ...member }),
]);
export type Person = z.infer<typeof person>;
