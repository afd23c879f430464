import { vi } from 'vitest';

export interface Call {
  method: string;
  url: string;
  body: unknown;
  auth: string | null;
}

type Handler = (call: Call) => { status?: number; body: unknown } | undefined;

/**
 * The server at the network boundary: records every request and answers from `handler`
 * (docs/API.md shapes). Unhandled requests get a 404 JSON error like the real server's.
 */
export function interceptFetch(handler: Handler): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    const call: Call = {
      method: init.method ?? 'GET',
      url,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
      auth: headers.authorization ?? null,
    };
    calls.push(call);
    const answer = handler(call);
    if (!answer) return new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'No such route.' } }), { status: 404 });
    return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200 });
  });
  return calls;
}
