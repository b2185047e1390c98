import { z } from 'zod';
import { identifier, trainingYear } from '../schema/common';

export const ROLES = ['resident', 'tutor', 'admin'] as const;
export const role = z.enum(ROLES, { error: 'role must be resident, tutor or admin' });
export type Role = z.infer<typeof role>;

/** Someone acting on a record; the records service establishes who, the core decides what they may do. */
export const actor = z.object({ id: identifier, role });
export type Actor = z.infer<typeof actor>;

/** A member of the department as the administrator manages them. */
export const person = z.discriminatedUnion('role', [
  z.object({ role: z.literal('resident'), id: identifier, name: z.string().trim().min(1, 'name is required'), trainingYear, active: z.boolean() }),
  z.object({ role: z.literal('tutor'), id: identifier, name: z.string().trim().min(1, 'name is required'), active: z.boolean() }),
  z.object({ role: z.literal('admin'), id: identifier, name: z.string().trim().min(1, 'name is required'), active: z.boolean() }),
]);
export type Person = z.infer<typeof person>;
