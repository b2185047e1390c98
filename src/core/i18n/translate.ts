import { MESSAGES, type Language, type MessageKey } from './messages';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Fills the `{name}` placeholders of a text; unknown ones stay visible rather than vanish. */
export function fillPlaceholders(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** Looks a message up and fills its `{name}` placeholders. */
export function translator(language: Language): Translate {
  const table = MESSAGES[language];
  return (key, params) => fillPlaceholders(table[key], params);
}

/** A tool's display name, falling back to the tool id for tools the sheet does not name. */
export function toolName(t: Translate, toolId: string): string {
  const key = `tool.${toolId}` as MessageKey;
  return key in MESSAGES.en ? t(key) : toolId;
}
