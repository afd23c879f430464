import type * as Y from 'yjs';

/**
 * Every document stores the schema version it was written with in `meta.schemaVersion`.
 * Migrations are an append-only list: never edit one that has shipped, add the next.
 */
export interface Migration {
  /** The version this migration produces. */
  version: number;
  name: string;
  up(doc: Y.Doc): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial: notes, clusters, settings, state, recommendations',
    up() {
      // Version 1 is the first schema: nothing to transform, only the stamp.
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(doc: Y.Doc): number {
  const v = doc.getMap('meta').get('schemaVersion');
  return typeof v === 'number' ? v : 0;
}

export class SchemaTooNewError extends Error {
  constructor(readonly found: number) {
    super(`document schema ${found} is newer than this app's ${SCHEMA_VERSION}; update Crossboard`);
  }
}

/**
 * Brings a document up to SCHEMA_VERSION in one transaction. Returns the migrations applied.
 * A document from a newer app is refused rather than silently downgraded.
 */
export function migrate(doc: Y.Doc, migrations: readonly Migration[] = MIGRATIONS, origin?: unknown): Migration[] {
  const from = schemaVersion(doc);
  const target = migrations[migrations.length - 1]?.version ?? 0;
  if (from > target) throw new SchemaTooNewError(from);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return [];
  doc.transact(() => {
    for (const m of pending) m.up(doc);
    doc.getMap('meta').set('schemaVersion', target);
  }, origin);
  return pending;
}
