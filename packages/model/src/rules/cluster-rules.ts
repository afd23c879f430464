import { MAX_CLUSTERS_PER_PERSON_PER_PHASE } from '../limits.ts';
import { isPhase, type Phase } from '../phases.ts';
import { isNewEntry, type Correction, type EntryChange, type Rule } from './changes.ts';

const phaseOf = (fields: ReadonlyMap<string, unknown> | null): Phase | null => {
  const p = fields?.get('phase');
  return isPhase(p) ? p : null;
};

/**
 * MAX_CLUSTERS_PER_PERSON_PER_PHASE, counted where a cluster arrives: a new one, or one moved
 * to another phase (it then counts for whoever moved it). Those past the limit are taken back,
 * so moving clusters away cannot make room for more.
 */
export const clustersPerPerson: Rule = (changes, deps) => {
  if (deps.trusted) return [];
  const arrives = (c: EntryChange) => {
    const phase = phaseOf(c.after);
    return phase !== null && (isNewEntry(c) || phaseOf(c.before) !== phase);
  };
  // Without an arriving cluster nobody's clusters need counting.
  if (!changes.clusters.some(arrives)) return [];
  const counts = deps.clustersPerPhase(new Set(changes.clusters.map((c) => c.key)));
  const arriving: EntryChange[] = [];
  for (const c of changes.clusters) {
    const phase = phaseOf(c.after);
    if (phase === null) continue;
    if (arrives(c)) arriving.push(c);
    else if (deps.clusterOwnerOf(c.key) === deps.personId) counts.set(phase, (counts.get(phase) ?? 0) + 1);
  }
  const out: Correction[] = [];
  for (const c of arriving) {
    const phase = phaseOf(c.after)!;
    const count = (counts.get(phase) ?? 0) + 1;
    if (count <= MAX_CLUSTERS_PER_PERSON_PER_PHASE) {
      counts.set(phase, count);
      continue;
    }
    out.push(
      isNewEntry(c)
        ? { rule: 'clusters-per-person', kind: 'restore', target: 'clusters', key: c.key }
        : { rule: 'clusters-per-person', kind: 'restoreField', target: 'clusters', key: c.key, field: 'phase' },
    );
  }
  return out;
};
