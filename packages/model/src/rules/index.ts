import type { Rule } from './changes.ts';
import { clustersPerPerson } from './cluster-rules.ts';
import { authorStamp, bytesPerPerson, clustering, lockedPhase, notesPerPerson, othersNotes, textLength } from './note-rules.ts';
import { clusterShape, knownRoots, noteShape } from './schema-rules.ts';

export * from './changes.ts';
export * from './control-rules.ts';
export * from './report-rules.ts';

/**
 * The board's rules, in order: shape first (so the others read well-formed entries), then
 * who may change what, then quotas on what is left.
 */
export const BOARD_RULES: readonly Rule[] = [
  knownRoots,
  noteShape,
  clusterShape,
  othersNotes,
  lockedPhase,
  clustering,
  notesPerPerson,
  clustersPerPerson,
  authorStamp,
  textLength,
  bytesPerPerson,
];

/** A drafts room holds notes only, all its owner's, and gets the board's caps. */
export const DRAFTS_RULES: readonly Rule[] = [knownRoots, noteShape, othersNotes, notesPerPerson, authorStamp, textLength, bytesPerPerson];
