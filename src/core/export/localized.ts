import type { Language } from '../i18n';
import type { LocalizedText } from '../schema/common';

export function inLanguage(text: LocalizedText, language: Language): string {
  return language === 'zh-CN' ? text.zh : text.en;
}

