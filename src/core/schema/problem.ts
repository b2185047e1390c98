import type { LocalizedText } from './common';

/** Why something was refused, in words for the person who tried it. */
export interface Problem {
  /** Stable, for programs and tests. */
  code: string;
  message: LocalizedText;
}

export function problem(code: string, zh: string, en: string): Problem {
  return { code, message: { zh, en } };
}
