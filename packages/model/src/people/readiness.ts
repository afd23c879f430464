import type { Role } from '../permissions.ts';

/** Who a "3 of 5 ready" count is about: the role and whether the person was removed. */
export interface ReadinessPerson {
  id: string;
  role: Role;
  removed: boolean;
}

/**
 * Only participants count toward "ready": the facilitator runs the session and organisers
 * watch it, so counting them would leave the count one short of everyone forever.
 */
export function countsTowardReady(person: Pick<ReadinessPerson, 'role' | 'removed'>): boolean {
  return person.role === 'participant' && !person.removed;
}

/**
 * "ready of total" for the console and the check-in wall alike. `readyIds` are the people who
 * are done (for the console: marked ready for the current phase; for the wall: answered).
 * A ready id that is not in `people` is someone who joined after the list was read (only
 * participants are ever marked ready), so it counts and the total grows: never "5 of 4".
 */
export function readiness(people: readonly ReadinessPerson[], readyIds: Iterable<string>): { ready: number; total: number } {
  const byId = new Map(people.map((p) => [p.id, p]));
  const participants = people.filter(countsTowardReady).length;
  let ready = 0;
  for (const id of new Set(readyIds)) {
    const p = byId.get(id);
    if (p ? countsTowardReady(p) : true) ready += 1;
  }
  return { ready, total: Math.max(participants, ready) };
}
