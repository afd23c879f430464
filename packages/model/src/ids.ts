/** Random ids for notes, clusters and recommendations (122 bits; collisions are not a concern). */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
