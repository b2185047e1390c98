/**
 * What counts as a stated stage in a case's text, tried in this order; the first that matches names
 * the mention:
 * - a TNM formula: T (0–4 with a–d, is or x), then N (0–3 with a–c, or x), optionally M (0–1 with
 *   a–c, or x), with up to two of the prefixes c/p/y/r/a and spaces between the parts: T2N0M0,
 *   pT1a N0, ycT2aN1, T3 N1 M0;
 * - a stage number before 期 or after "stage": Ⅰ–Ⅳ (Unicode or Latin letters) or 0–4, with a
 *   sub-stage letter A–C and digit: ⅢA期, IIIB期, 4期, stage IIA, Stage 3;
 * - the word for staging itself: 分期, TNM, staging (e.g. "无法分期", "TNM 分期").
 * 早期/中期/晚期 and "end-stage" are not stages a report is scored on, and "二期" is as often a
 * second operation as a stage, so none of these counts.
 */
const STAGING_PATTERNS: readonly RegExp[] = [
  /(?<![A-Za-z0-9])[cpyra]{0,2}T(?:[0-4][a-d]?|is|x)\s*N(?:[0-3][a-c]?|x)(?:\s*M(?:[01][a-c]?|x))?(?![A-Za-z0-9])/,
  /(?<![A-Za-z0-9])(?:[ⅠⅡⅢⅣ]|IV|I{1,3}|[0-4])[A-C]?[1-3]?期/,
  /\bstage\s+(?:IV|I{1,3}|[0-4])[A-C]?[1-3]?\b/i,
  /分期|\bTNM\b|\bstaging\b/i,
];

/** The first stated stage in `text` as written there, or undefined when it states none. */
export function stagingMention(text: string): string | undefined {
  for (const pattern of STAGING_PATTERNS) {
    const found = pattern.exec(text);
    if (found) return found[0];
  }
  return undefined;
}
