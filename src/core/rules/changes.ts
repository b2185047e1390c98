import type { Change } from '../session/session';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The changes that turn `before` into `after`, one per changed leaf. Objects are compared key by key
 * so a history shows exactly which score or sentence changed; arrays change as a whole.
 */
export function diffChanges(before: unknown, after: unknown, path: string[] = []): Change[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap(key => diffChanges(before[key], after[key], [...path, key]));
  }
  return sameJson(before, after) ? [] : [{ path, before: clone(before), after: clone(after) }];
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Applies changes in order; a change at the empty path replaces the whole record. */
export function applyChanges<T>(record: T | undefined, changes: Change[]): T {
  let result = clone(record) as unknown;
  for (const { path, after } of changes) {
    if (path.length === 0) {
      result = clone(after);
      continue;
    }
    if (!isRecord(result)) throw new Error(`Cannot apply a change at ${path.join('.')} to a non-object`);
    let parent = result as Record<string, unknown>;
    for (const key of path.slice(0, -1)) {
      if (!isRecord(parent[key])) parent[key] = {};
      parent = parent[key] as Record<string, unknown>;
    }
    const last = path[path.length - 1]!;
    if (after === undefined) delete parent[last];
    else parent[last] = clone(after as Json);
  }
  return result as T;
}
