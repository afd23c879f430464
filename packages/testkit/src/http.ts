import type { CreatedWorkshop } from '@crossboard/model';

export type { CreatedWorkshop };

export interface JoinedParticipant {
  participantId: string;
  token: string;
}

/** fetch against a running server (`base` is its http://host:port): JSON body, bearer token. */
export function call(base: string, method: string, path: string, token?: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** A response read to the end as UTF-8, for tests that compare the exact bytes sent. */
export interface Reply {
  status: number;
  headers: Headers;
  raw: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whichever JSON shape they expect
  json(): any;
}

/** `call`, with the body read: its status, headers, raw text and a JSON parse of it. */
export async function callAndRead(base: string, method: string, path: string, token?: string, body?: unknown): Promise<Reply> {
  const res = await call(base, method, path, token, body);
  const raw = Buffer.from(await res.arrayBuffer()).toString('utf8');
  return { status: res.status, headers: res.headers, raw, json: () => JSON.parse(raw) };
}

async function post<T>(base: string, path: string, body: unknown): Promise<T> {
  const res = await call(base, 'POST', path, undefined, body);
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Creates a workshop as its facilitator would (docs/API.md). */
export function createWorkshop(base: string, body: Record<string, unknown> = {}): Promise<CreatedWorkshop> {
  return post(base, '/api/workshops', { title: 'Cross-border mobility', ...body });
}

/** Joins a workshop through its participant link, as the join form does. */
export function joinAsParticipant(
  base: string,
  workshopId: string,
  name = 'Ana',
  extra: Record<string, unknown> = {},
): Promise<JoinedParticipant> {
  return post(base, `/api/workshops/${encodeURIComponent(workshopId)}/join`, {
    name,
    organisation: 'City of Porto',
    country: 'Portugal',
    timeZone: 'Europe/Lisbon',
    language: 'en',
    ...extra,
  });
}
