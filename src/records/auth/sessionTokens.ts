import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'ohif_teaching_session';

/** A sign-in lasts this long after the last request; each request a while later extends it. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_EXTEND_AFTER_MS = 5 * 60 * 1000;

export const newSessionToken = (): string => randomBytes(32).toString('base64url');

export const hashSessionToken = (token: string): string => createHash('sha256').update(token).digest('base64url');
