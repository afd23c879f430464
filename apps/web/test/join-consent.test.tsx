import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { i18n, setLanguage } from '../src/i18n/index.ts';
import { Join } from '../src/pages/Join.tsx';

interface Call {
  url: string;
  method: string;
  body: unknown;
  auth: string | null;
}

function interceptFetch(): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    calls.push({
      url,
      method: init.method ?? 'GET',
      body: init.body ? JSON.parse(String(init.body)) : undefined,
      auth: headers.authorization ?? null,
    });
    if (url.endsWith('/public'))
      return new Response(JSON.stringify({ id: 'w1', title: 'Border regions 2030', purpose: '', codeRequired: false }), { status: 200 });
    if (url.endsWith('/join'))
      return new Response(JSON.stringify({ participantId: 'p-42', token: 'tok-42', role: 'participant' }), { status: 201 });
    if (url.endsWith('/directory/me')) return new Response(JSON.stringify({ profile: JSON.parse(String(init.body)) }), { status: 200 });
    return new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'No such thing.' } }), { status: 404 });
  });
  return calls;
}

async function fillJoin(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole('textbox', { name: 'Your name' }), 'Ana Souza');
  await user.type(screen.getByRole('textbox', { name: 'Organisation' }), 'Region of Galicia');
  await user.type(screen.getByRole('textbox', { name: 'Country' }), 'Spain');
}

describe('the directory choice at join', () => {
  let calls: Call[];
  beforeEach(() => {
    calls = interceptFetch();
    localStorage.clear();
    window.history.replaceState(null, '', '/w/w1/join');
    setLanguage('en');
    render(
      <I18nextProvider i18n={i18n}>
        <Join workshopId="w1" code={null} />
      </I18nextProvider>,
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is off by default, and then nothing but the join is sent', async () => {
    const user = userEvent.setup();
    expect(screen.getByRole('checkbox', { name: 'List me in the directory' })).not.toBeChecked();
    expect(screen.queryByRole('checkbox', { name: 'My organisation' })).toBeNull();
    await fillJoin(user);
    await user.click(screen.getByRole('button', { name: 'Join' }));
    await waitFor(() => expect(window.location.pathname).toBe('/w/w1'));
    expect(calls.filter((c) => c.url.includes('/directory'))).toHaveLength(0);
  });

  it('sends only the fields ticked, with the new token, after joining', async () => {
    const user = userEvent.setup();
    await fillJoin(user);
    await user.click(screen.getByRole('checkbox', { name: 'List me in the directory' }));
    await user.click(screen.getByRole('checkbox', { name: 'My organisation' }));
    await user.click(screen.getByRole('checkbox', { name: 'What I can help with' }));
    await user.type(screen.getByRole('textbox', { name: 'I can help with' }), ' Cross-border health data ');
    await user.type(screen.getByRole('textbox', { name: /^Contact/ }), 'not an address');
    await user.click(screen.getByRole('button', { name: 'Join' }));
    // A contact that is neither an address nor a link is named in the summary, and nothing is sent.
    expect(await screen.findByRole('link', { name: 'Enter an email address or a link starting with https://' })).toBeInTheDocument();
    expect(calls.filter((c) => c.method !== 'GET')).toHaveLength(0);
    await user.clear(screen.getByRole('textbox', { name: /^Contact/ }));
    await user.click(screen.getByRole('button', { name: 'Join' }));
    await waitFor(() => expect(window.location.pathname).toBe('/w/w1'));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.url).toBe('/api/workshops/w1/directory/me');
    expect(put.auth).toBe('Bearer tok-42');
    expect(put.body).toEqual({
      listed: true,
      show: ['organisation', 'canHelp'],
      role: '',
      themes: [],
      canHelp: 'Cross-border health data',
      lookingFor: '',
      contact: '',
    });
  });
});
