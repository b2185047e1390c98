/**
 * The strings of one area of the UI (a panel part, a dialog), in both languages: the Chinese table
 * must carry exactly the English table's keys, so an area cannot ship in one language only. Areas
 * are merged into the one message table in `../messages.ts`, so each part of the panel owns its
 * strings, as OHIF's i18n namespaces do.
 */
export function defineArea<const E extends Record<string, string>>(en: E, zhCN: { [K in keyof E]: string }): { en: E; zhCN: { [K in keyof E]: string } } {
  return { en, zhCN };
}
