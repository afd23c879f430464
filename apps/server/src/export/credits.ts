import { CREDITS, type Credit } from '@crossboard/model';
import type { AsyncStorage } from '../storage/async-storage.ts';

/**
 * How each person asked to be credited in the report. Kept in the server's key-value store
 * rather than a room: it is a person's own setting, and the people table has no column for it.
 */
export const creditKey = (workshopId: string, personId: string) => `credit:${workshopId}:${personId}`;

export function isCredit(v: unknown): v is Credit {
  return typeof v === 'string' && (CREDITS as readonly string[]).includes(v);
}

/** Named unless the person chose otherwise. */
export async function readCredit(storage: AsyncStorage, workshopId: string, personId: string): Promise<Credit> {
  const v = await storage.getValue(creditKey(workshopId, personId));
  return isCredit(v) ? v : 'named';
}

export async function writeCredit(storage: AsyncStorage, workshopId: string, personId: string, credit: Credit): Promise<void> {
  await storage.setValue(creditKey(workshopId, personId), credit);
}
