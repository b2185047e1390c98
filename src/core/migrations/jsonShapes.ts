/**
 * Migrations run before validation, on whatever a database or a file holds. They reshape only what
 * has the shape they expect and leave anything else as it is, for the schema to name afterwards.
 */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `change(value)` when the value is an object, the value itself otherwise. */
export function ifObject(value: unknown, change: (object: JsonObject) => unknown): unknown {
  return isObject(value) ? change(value) : value;
}

/** `change` applied to each object of an array; anything else is left as it is. */
export function eachObject(value: unknown, change: (object: JsonObject) => unknown): unknown {
  return Array.isArray(value) ? value.map(entry => ifObject(entry, change)) : value;
}

/** The object with `key` set to `fallback` where it is absent. */
export function withDefault(object: JsonObject, key: string, fallback: unknown): JsonObject {
  return Object.hasOwn(object, key) ? object : { ...object, [key]: fallback };
}
