/** Random ids for notes, clusters and recommendations (122 bits; collisions are not a concern). */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * Names that mean something on every plain object. An id equal to one of them, used as a key of
 * an ordinary object, reads or replaces the prototype (`__proto__`) or a built-in method
 * (`toString`), so no id may be one, even where ids are kept in Maps.
 */
const OBJECT_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** Letters, digits, `-` and `_`, 1–64 characters: the one shape of every id a user can send. */
export const MAX_ID_LENGTH = 64;
const ID_SHAPE = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The same rule as a JSON-schema `pattern` for HTTP routes: the shape above, and not one of the
 * object names (a negative lookahead, which Ajv's `u` regular expressions support).
 */
export const ID_PATTERN = `^(?!(?:${[...OBJECT_NAMES].join('|')})$)[A-Za-z0-9_-]{1,${MAX_ID_LENGTH}}$`;

/** Whether a value from outside (an import, a room, a request) may be used as an id. */
export function isSafeId(value: unknown): value is string {
  return typeof value === 'string' && ID_SHAPE.test(value) && !OBJECT_NAMES.has(value);
}
