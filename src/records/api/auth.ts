import { z } from 'zod';
import { identifier, timestamp } from '../../core/schema/common';
import { accountView, newPassword } from './people';

/** What the sign-in form posts, and what a program sends as JSON to the same operation. */
export const signInBody = z.object({
  username: z.string().trim().min(1, 'enter your username').max(64, 'username must have at most 64 characters'),
  password: z.string().min(1, 'enter your password').max(256, 'a password may have at most 256 characters'),
  /** Where the browser goes after signing in: a path on this site only. */
  returnTo: z.string().max(2048).optional(),
});
export type SignInBody = z.infer<typeof signInBody>;

export const department = z.object({ id: identifier, name: z.string() });

export const whoAmI = z.object({
  account: accountView,
  department,
  /** How this request was signed in: our session cookie, or the identity provider's token. */
  via: z.enum(['cookie', 'bearer']),
});
export type WhoAmI = z.infer<typeof whoAmI>;

export const signInResult = whoAmI.extend({ returnTo: z.string() });

export const changePasswordBody = z.object({ currentPassword: z.string().min(1, 'enter your current password').max(256), newPassword }).strict();

/** A tutor's own username and password, entered at the workstation where someone else is signed in. */
export const standInBody = signInBody.pick({ username: true, password: true }).strict();
export type StandInBody = z.infer<typeof standInBody>;

/** A takeover under way: the tutor who scores, until when, and who is signed in at the workstation. */
export const standInView = z.object({
  account: accountView,
  expiresAt: timestamp,
  workstation: accountView,
});
export type StandInView = z.infer<typeof standInView>;

/** The token goes in `X-Teaching-Stand-In` beside the workstation's cookie; it is shown this once. */
export const standInStarted = standInView.extend({ token: z.string() });
export type StandInStarted = z.infer<typeof standInStarted>;
