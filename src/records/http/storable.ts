import { fail } from './apiFailure';

/**
 * Versions and frame numbers live in `integer` columns, which PostgreSQL keeps to 32 bits: a larger
 * number cannot be stored, and a query comparing with one fails instead of matching nothing.
 */
export const MAX_STORED_INTEGER = 2_147_483_647;

/**
 * PostgreSQL's text cannot hold U+0000 (SQLite's can). Text that is stored in a column of its own or
 * compared in a query is refused with the field named, so that both databases answer a 400 alike
 * instead of one of them failing with a 500. (Text inside JSON records is stored escaped and is not
 * affected.)
 */
export function refuseNulCharacters(part: 'body' | 'query', fields: Record<string, string | undefined>): void {
  for (const [field, value] of Object.entries(fields)) {
    if (!value?.includes('\u0000')) continue;
    const where = part === 'body' ? { zh: '请求内容', en: 'body' } : { zh: '查询参数', en: 'query' };
    throw fail(400, 'input.invalid', `${where.zh}中的 ${field} 不正确：不能包含空字符（U+0000）`, `Invalid ${where.en} field ${field}: must not contain the NUL character (U+0000)`, field);
  }
}

/** A number beyond what the integer columns hold, as the refusal the route gives for it. */
export function refuseUnstorableInteger(part: 'body' | 'query', field: string, value: number | null | undefined): void {
  if (value === null || value === undefined || Math.abs(value) <= MAX_STORED_INTEGER) return;
  const where = part === 'body' ? { zh: '请求内容', en: 'body' } : { zh: '查询参数', en: 'query' };
  throw fail(400, 'input.invalid', `${where.zh}中的 ${field} 不正确：不能大于 ${MAX_STORED_INTEGER}`, `Invalid ${where.en} field ${field}: must be at most ${MAX_STORED_INTEGER}`, field);
}
