import type * as Y from 'yjs';
import { controlState } from './control.ts';
import { dictionary, parseVotingConfig, type Tallies, type VotingConfig } from '../voting.ts';

/**
 * The control room holds the round's config at `state.voting` and, once the facilitator
 * publishes them, the totals at `state.tallies`. Ballots (who voted for what) never enter a
 * shared document: the server keeps them, so no one's socket receives another's ballot.
 */
export function readVoting(doc: Y.Doc): VotingConfig | null {
  return parseVotingConfig(controlState(doc).get('voting'));
}

export function writeVoting(doc: Y.Doc, config: VotingConfig | null, origin?: unknown): void {
  doc.transact(() => controlState(doc).set('voting', config ? { ...config } : null), origin);
}

export function readTallies(doc: Y.Doc): Tallies | null {
  const t = controlState(doc).get('tallies');
  if (typeof t !== 'object' || t === null) return null;
  const out = dictionary<number>();
  for (const [k, v] of Object.entries(t)) if (Number.isInteger(v) && (v as number) > 0) out[k] = v as number;
  return out;
}

export function publishTallies(doc: Y.Doc, tallies: Tallies | null, origin?: unknown): void {
  doc.transact(() => controlState(doc).set('tallies', tallies ? { ...tallies } : null), origin);
}
