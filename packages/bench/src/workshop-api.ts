/** The few HTTP calls a seeder makes, as the web app makes them (docs/API.md). */

import type { CreatedWorkshop } from '@crossboard/model';

export type { CreatedWorkshop };

export interface JoinedParticipant {
  participantId: string;
  token: string;
}

async function post<T>(url: string, body: unknown, expected = 201): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== expected) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export function createWorkshop(baseUrl: string, body: Record<string, unknown>): Promise<CreatedWorkshop> {
  return post(`${baseUrl}/api/workshops`, body);
}

export function joinWorkshop(
  baseUrl: string,
  workshopId: string,
  who: { name: string; organisation: string; country: string; timeZone: string; language: string },
): Promise<JoinedParticipant> {
  const { name, organisation, country, timeZone, language } = who;
  return post(`${baseUrl}/api/workshops/${encodeURIComponent(workshopId)}/join`, { name, organisation, country, timeZone, language });
}
