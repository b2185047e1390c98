/**
 * The same value with every object's keys in code-unit order: two exports of one session are then
 * byte-identical, whatever order its records were built in, and files diff cleanly.
 */
export function withSortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withSortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map(key => [key, withSortedKeys((value as Record<string, unknown>)[key])]),
  );
}
