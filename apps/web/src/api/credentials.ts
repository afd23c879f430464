/**
 * Who this browser is in each workshop. Kept in localStorage per workshop so that a reload,
 * or coming back the next day, rejoins as the same person instead of a stranger.
 */
export interface Credential {
  token: string;
  personId: string;
  role: 'facilitator' | 'organiser' | 'participant';
  name?: string;
  organisation?: string;
  timeZone?: string;
  language?: string;
  /** The participant link, kept for the facilitator so they can copy it again. */
  joinUrl?: string;
}

const key = (workshopId: string) => `crossboard:workshop:${workshopId}`;

export function loadCredential(workshopId: string): Credential | null {
  try {
    const raw = localStorage.getItem(key(workshopId));
    if (!raw) return null;
    const c = JSON.parse(raw) as Partial<Credential>;
    return typeof c.token === 'string' && typeof c.personId === 'string' && typeof c.role === 'string'
      ? (c as Credential)
      : null;
  } catch {
    return null;
  }
}

export function saveCredential(workshopId: string, credential: Credential): void {
  localStorage.setItem(key(workshopId), JSON.stringify(credential));
}

export function forgetCredential(workshopId: string): void {
  localStorage.removeItem(key(workshopId));
}
