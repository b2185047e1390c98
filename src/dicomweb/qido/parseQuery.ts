import { tagForAttribute } from '../dicom/attributeTags';
import { badRequest } from '../http/HttpError';
import { INDEXED_BY_TAG, type QueryLevel } from '../store/indexedAttributes';
import { COMPUTED_ATTRIBUTES } from './computedAttributes';
import { createMatcher, type Matcher } from './matchers';

export interface Filter {
  tag: string;
  matches: Matcher;
}

export interface QidoQuery {
  limit: number | undefined;
  offset: number;
  includeAll: boolean;
  includeTags: string[];
  filters: Filter[];
}

const LEVEL_RANK: Record<QueryLevel, number> = { study: 0, series: 1, instance: 2 };

function values(raw: unknown): string[] {
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).map(String);
}

function nonNegativeInteger(name: string, raw: unknown, minimum: number): number | undefined {
  const [text] = values(raw).slice(-1);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < minimum) {
    throw badRequest(`${name} must be an integer of at least ${minimum}, not "${text}"`);
  }
  return Number(text);
}

function matchableVr(tag: string): { vr: string; level: QueryLevel } | undefined {
  return INDEXED_BY_TAG.get(tag) ?? COMPUTED_ATTRIBUTES.get(tag);
}

/** Parses QIDO-RS query parameters for a search at `level`; throws a 400 HttpError for anything malformed. */
export function parseQuery(query: Record<string, unknown>, level: QueryLevel): QidoQuery {
  const fuzzyText = values(query.fuzzymatching).slice(-1)[0];
  if (fuzzyText !== undefined && fuzzyText !== 'true' && fuzzyText !== 'false') {
    throw badRequest(`fuzzymatching must be true or false, not "${fuzzyText}"`);
  }
  const fuzzy = fuzzyText === 'true';
  const includeFields = values(query.includefield).flatMap((field) => field.split(',')).map((field) => field.trim()).filter(Boolean);
  const includeTags: string[] = [];
  let includeAll = false;
  for (const field of includeFields) {
    if (field === 'all') {
      includeAll = true;
      continue;
    }
    const tag = tagForAttribute(field);
    if (!tag) throw badRequest(`includefield "${field}" is neither a DICOM keyword nor a tag`);
    includeTags.push(tag);
  }

  const filters: Filter[] = [];
  for (const [name, raw] of Object.entries(query)) {
    if (['limit', 'offset', 'fuzzymatching', 'includefield'].includes(name)) continue;
    const tag = tagForAttribute(name);
    if (!tag) throw badRequest(`Unknown query parameter "${name}"`);
    const attribute = matchableVr(tag);
    if (!attribute) throw badRequest(`Matching on ${name} is not supported`);
    if (LEVEL_RANK[attribute.level] > LEVEL_RANK[level]) throw badRequest(`${name} cannot be matched in a ${level}-level search`);
    for (const value of values(raw)) {
      filters.push({ tag, matches: createMatcher(name, attribute.vr, value, fuzzy) });
    }
    includeTags.push(tag);
  }
  return {
    limit: nonNegativeInteger('limit', query.limit, 1),
    offset: nonNegativeInteger('offset', query.offset, 0) ?? 0,
    includeAll,
    includeTags,
    filters,
  };
}
