import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { i18n, setLanguage } from '../src/i18n/index.ts';
import { Join } from '../src/pages/Join.tsx';
import { loadCredential } from '../src/api/credentials.ts';
// The server's own refusal registry, so this stand-in cannot drift from what the server answers.
import { HTTP_ERRORS, type HttpErrorCode } from '../../server/src/errors.ts';

interface Call {
  url: string;
  method: string;
  body: unknown;
}

/** A stand-in for the server at the network boundary: records requests, answers like docs/API.md. */
function interceptFetch(): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    calls.push({ url, method: init.method ?? 'GET', body: init.body ? JSON.parse(String(init.body)) : undefined });
    if (url.endsWith('/public')) {
      return new Response(
        JSON.stringify({ id: 'w1', title: 'Border regions 2030', purpose: 'Find what to fix first.', codeRequired: false }),
        { status: 200 },
      );
    }
    if (url.endsWith('/join')) {
      return new Response(JSON.stringify({ participantId: 'p-42', token: 'tok-42', role: 'participant' }), { status: 201 });
    }
    return new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'No such thing.' } }), { status: 404 });
  });
  return calls;
}

function renderJoin(code: string | null = null) {
  setLanguage('en');
  return render(
    <I18nextProvider i18n={i18n}>
      <Join workshopId="w1" code={code} />
    </I18nextProvider>,
  );
}

describe('the join form', () => {
  let calls: Call[];
  beforeEach(() => {
    calls = interceptFetch();
    window.history.replaceState(null, '', '/w/w1/join');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('pre-fills the time zone of this browser', async () => {
    renderJoin();
    expect(screen.getByRole('combobox', { name: 'Time zone' })).toHaveValue(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(await screen.findByRole('heading', { name: 'Join “Border regions 2030”' })).toBeInTheDocument();
  });

  it('explains what is missing and sends nothing', async () => {
    const user = userEvent.setup();
    renderJoin();
    await user.type(screen.getByRole('textbox', { name: 'Your name' }), 'Ana Souza');
    await user.click(screen.getByRole('button', { name: 'Join' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Please fix 2 problems before joining.');
    expect(screen.getByRole('textbox', { name: 'Organisation' })).toHaveAccessibleDescription('Enter your organisation.');
    expect(screen.getByRole('textbox', { name: 'Country' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: 'Your name' })).not.toHaveAttribute('aria-invalid');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('posts the participant’s details with the link’s code, keeps the token and opens the boards', async () => {
    const user = userEvent.setup();
    renderJoin('secret-code');
    await user.type(screen.getByRole('textbox', { name: 'Your name' }), '  Ana Souza ');
    await user.type(screen.getByRole('textbox', { name: 'Organisation' }), 'Region of Galicia');
    await user.type(screen.getByRole('textbox', { name: 'Country' }), 'Spain');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Time zone' }), 'Asia/Tokyo');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'es');
    // The form switches language as soon as it is chosen.
    await user.click(screen.getByRole('button', { name: 'Unirse' }));
    await waitFor(() => expect(window.location.pathname).toBe('/w/w1'));
    const post = calls.find((c) => c.method === 'POST');
    expect(post).toEqual({
      url: '/api/workshops/w1/join',
      method: 'POST',
      body: {
        name: 'Ana Souza',
        organisation: 'Region of Galicia',
        country: 'Spain',
        timeZone: 'Asia/Tokyo',
        language: 'es',
        code: 'secret-code',
      },
    });
    expect(loadCredential('w1')).toMatchObject({ token: 'tok-42', personId: 'p-42', role: 'participant', language: 'es' });
  });

  it('shows the server’s refusal in words', async () => {
    const user = userEvent.setup();
    // What POST /join answers for a join code the facilitator has rotated away.
    const code: HttpErrorCode = 'JOIN_CODE_INVALID';
    const { status, message } = HTTP_ERRORS[code];
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ error: { code, message } }), { status }));
    renderJoin();
    await user.type(screen.getByRole('textbox', { name: 'Your name' }), 'Ana');
    await user.type(screen.getByRole('textbox', { name: 'Organisation' }), 'Galicia');
    await user.type(screen.getByRole('textbox', { name: 'Country' }), 'Spain');
    await user.click(screen.getByRole('button', { name: 'Join' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This join link is no longer valid; ask the facilitator for the new one.');
    expect(loadCredential('w1')).toBeNull();
  });
});
