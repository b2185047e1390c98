import { MESSAGES, fillPlaceholders, type MessageKey } from '../../src/core/i18n';
import type { LocalizedText } from '../../src/core/schema/common';
import type { AnnotationView } from '../../src/records/api/annotations';
import type { SessionView } from '../../src/records/api/sessions';

// Kept apart from the client so that code which only looks at errors (the autosave) does not load
// the schemas, and with them zod, when the viewer starts.

/** A refusal or failure of one call to the records service, with what a person should read about it. */
export class ApiRequestError extends Error {
  constructor(
    /** The HTTP status; 0 when no answer came at all. */
    readonly status: number,
    /** The server's stable code, or `network.offline` / `network.unreadable` for what went wrong on the way. */
    readonly code: string,
    readonly messages: LocalizedText,
    /** On a 409: the record as it is now on the server (an annotation: null once deleted there). */
    readonly current?: AnnotationView | SessionView | null,
    /** How long the server asked us to wait (Retry-After), when it said. */
    readonly retryAfterMs?: number,
    /** The part of the request at fault, as the server names it (`case.title`, `objectives`). */
    readonly field?: string,
    /** Every problem of a refused case, each with its field. */
    readonly problems?: ReadonlyArray<{ code: string; field: string; messages: LocalizedText }>,
  ) {
    super(`${messages.zh} / ${messages.en}`);
    this.name = 'ApiRequestError';
  }

  get offline(): boolean {
    return this.status === 0;
  }

  /** Sending the same request again may succeed: no answer, the server's own trouble, or too many requests. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

/** One of our own messages in both languages, for failures the server could not describe. */
export function localized(key: MessageKey, params?: Record<string, string | number>): LocalizedText {
  return { zh: fillPlaceholders(MESSAGES['zh-CN'][key], params), en: fillPlaceholders(MESSAGES.en[key], params) };
}
