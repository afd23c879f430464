import { isRole } from '@crossboard/model';
import type { PersonRecord } from './storage.ts';

/** A `people` row as both backends return it (SQLite stores the flag as 0/1). */
export interface PersonRow {
  workshop: string;
  id: string;
  role: string;
  name: string;
  organisation: string;
  country: string;
  time_zone: string;
  language: string;
  revoked: number | boolean;
  created_at: number;
}

export function toPerson(row: PersonRow): PersonRecord {
  if (!isRole(row.role)) throw new Error(`unknown role in database: ${row.role}`);
  return {
    id: row.id,
    workshopId: row.workshop,
    role: row.role,
    name: row.name,
    organisation: row.organisation,
    country: row.country,
    timeZone: row.time_zone,
    language: row.language,
    revoked: Boolean(row.revoked),
    createdAt: row.created_at,
  };
}
