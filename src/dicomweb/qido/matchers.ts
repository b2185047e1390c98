import { badRequest } from '../http/HttpError';
import { stringValues, type DicomJsonElement } from '../dicom/dicomJson';

export type Matcher = (element: DicomJsonElement | undefined) => boolean;

const DATE = /^\d{8}$/;

function validDate(text: string, attribute: string): string {
  const month = Number(text.slice(4, 6));
  const day = Number(text.slice(6, 8));
  if (!DATE.test(text) || month < 1 || month > 12 || day < 1 || day > 31) {
    throw badRequest(`${attribute} value "${text}" is not a date of the form YYYYMMDD`);
  }
  return text;
}

/** Single date, or a range "a-b", "a-" or "-b" (PS3.4 C.2.2.2.5). */
function dateMatcher(value: string, attribute: string): Matcher {
  const parts = value.split('-');
  if (parts.length > 2) throw badRequest(`${attribute} value "${value}" is not a date or date range`);
  const [from = '', to = from] = parts.length === 1 ? [value, value] : parts;
  if (from === '' && to === '') throw badRequest(`${attribute} range "${value}" has neither start nor end`);
  const start = from === '' ? '00000000' : validDate(from, attribute);
  const end = to === '' ? '99999999' : validDate(to, attribute);
  if (start > end) throw badRequest(`${attribute} range "${value}" ends before it starts`);
  return (element) => stringValues(element).some((date) => date >= start && date <= end);
}

function wildcardRegExp(pattern: string, fuzzy: boolean): RegExp {
  const body = pattern
    .split('')
    .map((character) => (character === '*' ? '.*' : character === '?' ? '.' : character.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  // Fuzzy matching: the value may match at the start of any name component, case-insensitively.
  return fuzzy ? new RegExp(`(?:^|[\\s^=])${body}`, 'i') : new RegExp(`^${body}$`, 'i');
}

function listValues(value: string): string[] {
  return value.split(/[\\,]/).map((part) => part.trim()).filter((part) => part.length > 0);
}

/**
 * Builds the test an attribute's value must pass for a QIDO query value. UIDs match as a list,
 * dates as single values or ranges, text with * and ? wildcards and without regard to case.
 */
export function createMatcher(attribute: string, vr: string, value: string, fuzzy: boolean): Matcher {
  if (value === '') return () => true;
  if (vr === 'UI') {
    const uids = new Set(listValues(value));
    return (element) => stringValues(element).some((uid) => uids.has(uid));
  }
  if (vr === 'DA') return dateMatcher(value, attribute);
  if (vr === 'IS' || vr === 'US') {
    const numbers = listValues(value).map(Number);
    if (numbers.some((n) => !Number.isInteger(n))) throw badRequest(`${attribute} value "${value}" is not an integer`);
    return (element) => (element?.Value ?? []).some((n) => numbers.includes(Number(n)));
  }
  const patterns = listValues(value).map((pattern) => wildcardRegExp(pattern, fuzzy && vr === 'PN'));
  return (element) => stringValues(element).some((text) => patterns.some((pattern) => pattern.test(text)));
}
