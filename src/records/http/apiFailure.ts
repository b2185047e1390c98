import type { LocalizedText } from '../../core/schema/common';
import type { Problem } from '../../core/schema/problem';

/** A refusal a route throws; the error handler turns it into the API's error body. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: LocalizedText,
    readonly field?: string,
    /** Extra properties of the body, e.g. the current state that a conflicting write missed. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(messages.en);
  }
}

export const fail = (status: number, code: string, zh: string, en: string, field?: string) => new ApiFailure(status, code, { zh, en }, field);

/** The core's refusals: who may not (403), what the request got wrong (400), what the session's state forbids (422). */
export function fromProblem(problem: Problem): ApiFailure {
  const status = problem.code.startsWith('access.') ? 403 : problem.code.startsWith('input.') ? 400 : 422;
  return new ApiFailure(status, problem.code, problem.message);
}

export const notFound = (what: LocalizedText) =>
  new ApiFailure(404, 'notFound', { zh: `未找到该${what.zh}`, en: `No such ${what.en}` });

export const NOT_SIGNED_IN = () => fail(401, 'auth.signInRequired', '请先登录', 'Please sign in first');
