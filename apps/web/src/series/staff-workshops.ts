import { api } from '../api/client.ts';
import { loadCredential, type Credential } from '../api/credentials.ts';
import { seriesApi } from '../api/series-api.ts';

// credentials.ts keys each workshop's credential as `crossboard:workshop:<id>`.
const PREFIX = 'crossboard:workshop:';
/** Workshops looked up at most: each costs two requests. */
const MAX_LISTED = 30;

export interface StaffWorkshop {
  id: string;
  title: string;
  credential: Credential;
}

/**
 * Workshops this browser runs (a facilitator or organiser credential) that are in no series:
 * the server has no list of a person's workshops, as a person is one per workshop.
 */
export async function addableWorkshops(except: ReadonlySet<string>): Promise<StaffWorkshop[]> {
  const ids: string[] = [];
  for (let i = 0; i < localStorage.length && ids.length < MAX_LISTED; i++) {
    const key = localStorage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const id = key.slice(PREFIX.length);
    if (!except.has(id)) ids.push(id);
  }
  const found = await Promise.all(
    ids.map(async (id) => {
      const credential = loadCredential(id);
      if (!credential || credential.role === 'participant') return null;
      try {
        const [info, series] = await Promise.all([api.workshop(id, credential.token), seriesApi.ofWorkshop(id, credential.token)]);
        return series.series ? null : { id, title: info.title, credential };
      } catch {
        // A workshop that is gone or a token revoked: not offered.
        return null;
      }
    }),
  );
  return found.filter((x): x is StaffWorkshop => x !== null).sort((a, b) => a.title.localeCompare(b.title));
}
