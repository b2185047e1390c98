import type { Language } from '../i18n';
import type { LocalizedText } from '../schema/common';

export function inLanguage(text: LocalizedText, language: Language): string {
  return language === 'zh-CN' ? text.zh : text.en;
}

/** Fills the `{name}` placeholders of a label. */
export function fillLabel(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
