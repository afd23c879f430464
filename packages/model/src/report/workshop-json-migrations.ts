import { isPhase } from '../phases.ts';
import { roundsFromItemVotes, type VotedItem } from './snapshot.ts';

/**
 * Workshop JSON files from earlier versions, brought up to the current one step by step
 * (append-only: a file of any version ever written must still import). Each step works on
 * the untrusted parsed file and stays defensive; the reader checks every field afterwards.
 */
type Raw = Record<string, unknown>;

interface Migration {
  /** The version this step reads; it writes `from + 1`. */
  from: number;
  name: string;
  up(file: Raw): Raw;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const record = (v: unknown): Raw | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : null);

export const WORKSHOP_JSON_MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    name: 'voting-rounds-and-note-themes',
    // Version 1 kept one set of votes on the notes and clusters themselves, with no record of
    // the round. Each phase's voted items become a round with what is known: its phase, its
    // target and its results; dots and times were not recorded, so they stay null.
    up(file) {
      const items: VotedItem[] = [];
      for (const [target, entries] of [
        ['clusters', file.clusters],
        ['notes', file.notes],
      ] as const) {
        for (const x of list(entries).map(record)) {
          if (x && isPhase(x.phase) && typeof x.id === 'string' && Number.isSafeInteger(x.votes))
            items.push({ id: x.id, phase: x.phase, target, votes: x.votes as number });
        }
      }
      const rounds = roundsFromItemVotes(items);
      const notes = Array.isArray(file.notes) ? file.notes.map((n) => (record(n) ? { ...record(n), theme: null } : n)) : file.notes;
      return { ...file, version: 2, notes, votingRounds: rounds };
    },
  },
];

/** The file as the current version, however old it was (its version already checked). */
export function migrateWorkshopJson(file: Raw, current: number): Raw {
  let out = file;
  for (const m of WORKSHOP_JSON_MIGRATIONS) if (out.version === m.from && m.from < current) out = m.up(out);
  return out;
}
