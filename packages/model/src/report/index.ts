export * from './snapshot.ts';
export * from './escape.ts';
export * from './contributors.ts';
export * from './markdown.ts';
export * from './csv.ts';
export * from './workshop-json.ts';
export * from './snapshot-to-docs.ts';
