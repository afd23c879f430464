import type { AgendaItem, CreatedWorkshop, Role } from '@crossboard/model';

/** The HTTP contract of docs/API.md, typed for the web app (and the facilitator console). */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface CreateWorkshopBody {
  title: string;
  purpose?: string;
  themes?: string[];
  homeTimeZone?: string;
  facilitatorName?: string;
  facilitatorOrganisation?: string;
  facilitatorLanguage?: 'en' | 'es' | 'fr';
  sessions?: { label: string; start: string; end: string }[];
  phaseMinutes?: Partial<Record<'painPoints' | 'visions' | 'recommendations', number>>;
  votesPerParticipant?: number;
  phaseQuestions?: Partial<Record<'painPoints' | 'visions' | 'recommendations', string>>;
  agenda?: AgendaItem[];
  /** By position in `sessions`; null follows `agenda`. */
  sessionAgendas?: (AgendaItem[] | null)[];
  drafting?: boolean;
  anonymous?: boolean;
  template?: string | object;
}
export type { CreatedWorkshop };

export interface JoinBody {
  name: string;
  organisation: string;
  country: string;
  timeZone: string;
  language: string;
  code?: string;
}
export interface Joined {
  participantId: string;
  token: string;
  role: 'participant';
}

export interface Me {
  personId: string;
  role: Role;
  name: string;
  organisation: string;
  country?: string;
  timeZone?: string;
  language?: string;
}
export interface WorkshopInfo {
  id: string;
  title: string;
  you: Me;
  /** Given to facilitators only. */
  joinUrl?: string;
}
export interface PublicWorkshop {
  id: string;
  title: string;
  purpose: string;
  codeRequired: boolean;
}

export async function request<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The server could not be reached. Check your connection and try again.');
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page: fall through to a generic error below.
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? `The server answered ${res.status}.`);
  }
  return data as T;
}

const enc = encodeURIComponent;

export const api = {
  createWorkshop: (body: CreateWorkshopBody) => request<CreatedWorkshop>('POST', '/api/workshops', body),
  importWorkshop: (exported: unknown) => request<CreatedWorkshop>('POST', '/api/workshops/import', exported),
  join: (id: string, body: JoinBody) => request<Joined>('POST', `/api/workshops/${enc(id)}/join`, body),
  workshop: (id: string, token: string) => request<WorkshopInfo>('GET', `/api/workshops/${enc(id)}`, undefined, token),
  publicWorkshop: (id: string) => request<PublicWorkshop>('GET', `/api/workshops/${enc(id)}/public`),
  rotateJoinLink: (id: string, token: string) =>
    request<{ joinUrl: string }>('POST', `/api/workshops/${enc(id)}/join-link/rotate`, {}, token),
  time: () => request<{ now: number }>('GET', '/api/time'),
};
