/** The few HTTP calls a seeder makes, as the web app makes them (docs/API.md). */

import { type CreatedWorkshop, createWorkshop, type JoinedParticipant, joinAsParticipant } from '@crossboard/testkit';

export type { CreatedWorkshop, JoinedParticipant };
export { createWorkshop };

export function joinWorkshop(
  baseUrl: string,
  workshopId: string,
  who: { name: string; organisation: string; country: string; timeZone: string; language: string },
): Promise<JoinedParticipant> {
  const { name, organisation, country, timeZone, language } = who;
  return joinAsParticipant(baseUrl, workshopId, name, { organisation, country, timeZone, language });
}
