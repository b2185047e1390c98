import { describe, expect, it } from 'vitest';
import { LANGUAGES, MESSAGES, isLanguage, toolName, translator } from '../../../src/core/i18n';
import { PAGE_MESSAGES } from '../../../src/core/i18n/pageMessages';

describe.each([
  ['the panel', MESSAGES],
  ["the records service's pages", PAGE_MESSAGES],
] as const)('messages of %s', (_name, MESSAGES) => {
  it('has every string in both languages, none empty', () => {
    const keys = Object.keys(MESSAGES.en).sort();
    expect(Object.keys(MESSAGES['zh-CN']).sort()).toEqual(keys);
    for (const language of LANGUAGES) {
      for (const key of keys) expect(MESSAGES[language][key as keyof typeof MESSAGES.en].trim(), `${language} ${key}`).not.toBe('');
    }
  });

  it('really is Chinese in the Chinese table', () => {
    const han = /[\u4e00-\u9fff]/;
    const untranslated = Object.entries(MESSAGES['zh-CN']).filter(
      ([key, value]) => !han.test(value) && key !== 'panel.languageToggle',
    );
    expect(untranslated).toEqual([]);
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, text] of Object.entries(MESSAGES.en)) {
      expect(placeholders(MESSAGES['zh-CN'][key as keyof typeof MESSAGES.en]), key).toEqual(placeholders(text));
    }
  });
});

describe('translator', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('en');
    expect(t('row.slice', { index: 3, count: 40 })).toBe('Slice 3/40');
    expect(t('row.slice', { index: 3 })).toBe('Slice 3/{count}');
    expect(translator('zh-CN')('row.series', { number: 2 })).toBe('序列 2');
  });

  it('names known tools and falls back to the tool id', () => {
    expect(toolName(translator('zh-CN'), 'Length')).toBe('长度');
    expect(toolName(translator('en'), 'EllipticalROI')).toBe('Ellipse');
    expect(toolName(translator('en'), 'SomeFutureTool')).toBe('SomeFutureTool');
  });

  it('recognises only supported languages', () => {
    expect(isLanguage('zh-CN')).toBe(true);
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('fr')).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });
});
