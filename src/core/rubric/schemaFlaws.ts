import type { z } from 'zod';
import type { LocalizedText } from '../schema/common';
import type { PlaceNames, RubricFlaw, RubricPath } from './rubricFlaw';
import { valueAt } from './rubricPlaces';

const EXPECTED: Record<string, LocalizedText> = {
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  string: { zh: '文字', en: 'text' },
  object: { zh: '对象', en: 'an object' },
  array: { zh: '列表', en: 'a list' },
  boolean: { zh: '是或否', en: 'true or false' },
};

const BILINGUAL_FIELDS = new Set(['label', 'title', 'shortTitle', 'name', 'description', 'source']);

/** A value as it appears in the definition, short enough for a message. */
function shown(value: unknown): LocalizedText {
  if (value === undefined) return { zh: '空', en: 'nothing' };
  if (typeof value === 'string') return { zh: `“${value}”`, en: `“${value}”` };
  if (typeof value === 'number') return { zh: String(value), en: String(value) };
  const json = JSON.stringify(value) ?? String(value);
  const short = json.length > 40 ? `${json.slice(0, 39)}…` : json;
  return { zh: short, en: short };
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

type Say = (names: PlaceNames) => LocalizedText;

/** "<place> has no <field>", or "<place> is missing" when the path ends at a record. */
const missing: Say = ({ place, field }) =>
  field ? { zh: `${place.zh}缺少${field.zh}。`, en: `${place.en} has no ${field.en}.` } : { zh: `缺少${place.zh}。`, en: `${place.en} is missing.` };

/** "<place>: the <field> <rule>", or "<place> <rule>" when the path ends at a record. */
function breaks(rule: LocalizedText): Say {
  return ({ place, field }) =>
    field
      ? { zh: `${place.zh}的${field.zh}${rule.zh}。`, en: `${place.en}: the ${field.en} ${rule.en}.` }
      : { zh: `${place.zh}${rule.zh}。`, en: `${place.en} ${rule.en}.` };
}

function choices(values: readonly unknown[], separator: string): string {
  return values.map(value => `“${String(value)}”`).join(separator);
}

function lastKey(path: RubricPath): string | number | undefined {
  return path[path.length - 1];
}

function sayFor(issue: z.core.$ZodIssue, path: RubricPath, value: unknown): { code: string; message: Say } {
  const is = shown(value);
  switch (issue.code) {
    case 'invalid_type': {
      if (isMissing(value)) return { code: 'rubric.missing', message: missing };
      const key = lastKey(path);
      if (issue.expected === 'object' && typeof key === 'string' && BILINGUAL_FIELDS.has(key)) {
        return {
          code: 'rubric.wrongType',
          message: breaks({ zh: `须同时给出中文和英文（{ zh, en }），实际为 ${is.zh}`, en: `must give the text in Chinese and English ({ zh, en }); it is ${is.en}` }),
        };
      }
      const expected = EXPECTED[issue.expected] ?? { zh: issue.expected, en: issue.expected };
      return { code: 'rubric.wrongType', message: breaks({ zh: `必须是${expected.zh}（实际为 ${is.zh}）`, en: `must be ${expected.en} (it is ${is.en})` }) };
    }
    case 'too_small': {
      if (issue.origin === 'string') return { code: 'rubric.missing', message: missing };
      if (issue.origin === 'array') {
        const count = Array.isArray(value) ? value.length : 0;
        if (Number(issue.minimum) <= 1) {
          return { code: 'rubric.emptyList', message: breaks({ zh: '列表为空', en: 'list is empty' }) };
        }
        return {
          code: 'rubric.tooFewEntries',
          message: breaks({ zh: `至少需要 ${issue.minimum} 项（现有 ${count} 项）`, en: `list needs at least ${issue.minimum} entries (it has ${count})` }),
        };
      }
      if (issue.minimum === 0 && issue.inclusive) {
        return { code: 'rubric.negative', message: breaks({ zh: `不能为负数（实际为 ${is.zh}）`, en: `must not be negative (it is ${is.en})` }) };
      }
      if (!issue.inclusive) {
        return { code: 'rubric.tooSmall', message: breaks({ zh: `必须大于 ${issue.minimum}（实际为 ${is.zh}）`, en: `must be greater than ${issue.minimum} (it is ${is.en})` }) };
      }
      return { code: 'rubric.tooSmall', message: breaks({ zh: `不能小于 ${issue.minimum}（实际为 ${is.zh}）`, en: `must be at least ${issue.minimum} (it is ${is.en})` }) };
    }
    case 'too_big':
      if (issue.origin === 'string') {
        return { code: 'rubric.tooLong', message: breaks({ zh: `不能超过 ${issue.maximum} 个字符`, en: `must be at most ${issue.maximum} characters long` }) };
      }
      return { code: 'rubric.tooBig', message: breaks({ zh: `不能大于 ${issue.maximum}（实际为 ${is.zh}）`, en: `must be at most ${issue.maximum} (it is ${is.en})` }) };
    case 'invalid_format':
      if (lastKey(path) === 'id') {
        return {
          code: 'rubric.invalidId',
          message: breaks({
            zh: `${is.zh}只能包含字母、数字及“.”“_”“-”，且须以字母或数字开头`,
            en: `${is.en} may hold only letters, digits, “.”, “_” and “-”, and must start with a letter or digit`,
          }),
        };
      }
      if (path.includes('modalities')) {
        return {
          code: 'rubric.invalidModality',
          message: breaks({ zh: `${is.zh}不是两个大写字母的 DICOM 代码（如 CT、US）`, en: `${is.en} is not a two-letter DICOM code such as CT or US` }),
        };
      }
      break;
    case 'invalid_value':
    case 'invalid_union': {
      const allowed = issue.code === 'invalid_value' ? issue.values : 'options' in issue ? (issue.options ?? []) : [];
      if (allowed.length === 0) break;
      if (isMissing(value)) {
        return {
          code: 'rubric.missing',
          message: ({ place, field }) => ({
            zh: `${place.zh}缺少${field?.zh ?? ''}（应为 ${choices(allowed, '、')} 之一）。`,
            en: `${place.en} has no ${field?.en ?? 'value'} (one of ${choices(allowed, ', ')}).`,
          }),
        };
      }
      return {
        code: 'rubric.invalidChoice',
        message: breaks({ zh: `必须是 ${choices(allowed, '、')} 之一（实际为 ${is.zh}）`, en: `must be one of ${choices(allowed, ', ')} (it is ${is.en})` }),
      };
    }
  }
  return { code: 'rubric.invalid', message: breaks({ zh: `无效（${issue.message}）`, en: `is not valid (${issue.message})` }) };
}

/** Each problem the schema finds, in words that say what is wrong and where. */
export function schemaFlaws(issues: readonly z.core.$ZodIssue[], root: unknown): RubricFlaw[] {
  return issues.map(issue => {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    const { code, message } = sayFor(issue, path, valueAt(root, path));
    return { code, path, message };
  });
}
