import type { Problem } from '../schema/problem';

export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export const accept = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const refuse = <T = never>(problem: Problem): Outcome<T> => ({ ok: false, problem });
