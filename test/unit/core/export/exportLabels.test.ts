import { describe, expect, it } from 'vitest';
import { EXPORT_LABELS } from '../../../../src/core/export';

/** Marks that read the same in both languages. */
const NEUTRAL = new Set(['value.none', 'value.listSeparator']);

const entries = (language: keyof typeof EXPORT_LABELS) =>
  Object.entries(EXPORT_LABELS[language]).flatMap(([group, labels]) => Object.entries(labels).map(([key, text]) => [`${group}.${key}`, text] as const));

describe('export labels', () => {
  it('has every heading in both languages, none empty', () => {
    const english = new Map(entries('en'));
    const chinese = new Map(entries('zh-CN'));
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of [...english, ...chinese]) expect(text.trim(), key).not.toBe('');
  });

  it('really is Chinese in the Chinese table', () => {
    const han = /[\u4e00-\u9fff]/;
    const untranslated = entries('zh-CN').filter(([key, text]) => !han.test(text) && !NEUTRAL.has(key));
    expect(untranslated).toEqual([]);
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    const chinese = new Map(entries('zh-CN'));
    for (const [key, text] of entries('en')) expect(placeholders(chinese.get(key)!), key).toEqual(placeholders(text));
  });
});
