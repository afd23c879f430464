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
  /** For "My workshops" on the landing page: refreshed whenever the workshop is opened. */
  title?: string;
  sessions?: { start: number; end: number }[];
}

const PREFIX = 'crossboard:workshop:';
const key = (workshopId: string) => `${PREFIX}${workshopId}`;

export function loadCredential(workshopId: string): Credential | null {
  try {
    const raw = localStorage.getItem(key(workshopId));
    if (!raw) return null;
    const c = JSON.parse(raw) as Partial<Credential>;
    return typeof c.token === 'string' && typeof c.personId === 'string' && typeof c.role === 'string' ? (c as Credential) : null;
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

/** Every workshop this browser holds a credential for, newest entries first as stored. */
export function listCredentials(): { workshopId: string; credential: Credential }[] {
  const out: { workshopId: string; credential: Credential }[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (!k?.startsWith(PREFIX)) continue;
      const workshopId = k.slice(PREFIX.length);
      const credential = loadCredential(workshopId);
      if (credential) out.push({ workshopId, credential });
    }
  } catch {
    // Storage disabled: there is simply nothing to list.
  }
  return out;
}

/** Keeps what the landing page shows about a workshop up to date, without touching the token. */
export function rememberWorkshop(workshopId: string, about: { title?: string; sessions?: { start: number; end: number }[] }): void {
  const c = loadCredential(workshopId);
  if (!c) return;
  const sessions = about.sessions?.map(({ start, end }) => ({ start, end }));
  if (c.title === about.title && JSON.stringify(c.sessions) === JSON.stringify(sessions)) return;
  saveCredential(workshopId, { ...c, ...(about.title ? { title: about.title } : {}), ...(sessions ? { sessions } : {}) });
}

/**
 * The private link that signs a person back in from any browser (the `/accept` page). The
 * token rides in the fragment, which browsers never send, so it stays out of server logs.
 */
export function accessLink(origin: string, workshopId: string, token: string): string {
  return `${origin}/w/${encodeURIComponent(workshopId)}/accept#token=${encodeURIComponent(token)}`;
}
