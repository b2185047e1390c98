import type { z } from 'zod';
import { problem, type Problem } from '../schema/problem';

type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  boolean: '布尔值（true 或 false）',
  object: '对象',
  array: '数组',
  record: '对象',
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined), root);
}

/** Whether the issue is about a field the file leaves out, whatever the schema expected there. */
function isMissing(root: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return false;
  const parent = valueAt(root, path.slice(0, -1));
  return typeof parent === 'object' && parent !== null && !Object.hasOwn(parent, path[path.length - 1]!);
}

function where(path: readonly PropertyKey[]): { zh: string; en: string } {
  if (path.length === 0) return { zh: '整个文件', en: 'the whole file' };
  const joined = path.map(String).join(' › ');
  return { zh: joined, en: joined };
}

/** The Chinese for a zod issue: zod writes English only, and the schema's own messages are English too. */
function chineseDetail(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `应为以下之一：${issue.values.map(value => JSON.stringify(value)).join('、')}`;
    case 'invalid_format':
      return issue.format === 'datetime' ? '应为带时区的 ISO 8601 日期时间，如 2026-11-03T09:00:00+08:00' : '格式不正确';
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${issue.minimum} 个字符`;
      if (issue.origin === 'array') return `至少需要 ${issue.minimum} 项`;
      return `不能小于 ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `最多 ${issue.maximum} 个字符`;
      if (issue.origin === 'array') return `最多 ${issue.maximum} 项`;
      return `不能大于 ${issue.maximum}`;
    case 'not_multiple_of':
      return `应为 ${issue.divisor} 的整数倍`;
    case 'invalid_union':
      return '不符合任何一种允许的形式';
    case 'invalid_key':
      return '键名无效';
    default:
      return '取值无效';
  }
}

/** Readable problems, one per schema issue, each naming where in the file it is. */
export function schemaProblems(issues: readonly Issue[], input: unknown): Problem[] {
  return issues.map(issue => {
    const place = where(issue.path);
    if (isMissing(input, issue.path)) {
      return problem('file.missing', `缺少“${place.zh}”`, `"${place.en}" is missing`);
    }
    const detail = issue.code === 'invalid_key' ? issue.issues.map(inner => inner.message).join('; ') : issue.message;
    return problem(`file.${issue.code}`, `“${place.zh}”${chineseDetail(issue)}`, `"${place.en}": ${detail}`);
  });
}
