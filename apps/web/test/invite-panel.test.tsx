import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { loadCredential, saveCredential } from '../src/api/credentials.ts';
import { InvitePanel } from '../src/console/InvitePanel.tsx';
import { facilitationApi } from '../src/facilitation/facilitation-api.ts';
import { i18n, setLanguage } from '../src/i18n/index.ts';
import { AcceptInvitation } from '../src/pages/AcceptInvitation.tsx';
import type { LocalUser } from '../src/shared/workshop-context.ts';
import { ME, renderWorkshop } from './render-workshop.tsx';
import { interceptFetch } from './facilitation-fetch.ts';

const FACILITATOR: LocalUser = { ...ME, id: 'p-fac', name: 'Fatima Idrissi', role: 'facilitator' };

beforeEach(() => {
  saveCredential('w1', { token: 'tok-fac', personId: 'p-fac', role: 'facilitator' });
  window.history.replaceState(null, '', '/');
});
afterEach(() => vi.unstubAllGlobals());

describe('the console’s Invite panel', () => {
  it('asks the server for an organiser invitation with name and organisation, and shows the link with the token in the fragment', async () => {
    const calls = interceptFetch((c) =>
      c.method === 'POST' && c.url === '/api/workshops/w1/invitations'
        ? { status: 201, body: { token: 'tok-org+/=', personId: 'p-org' } }
        : undefined,
    );
    const user = userEvent.setup();
    const onInvited = vi.fn();
    renderWorkshop(<InvitePanel api={facilitationApi('w1', 'tok-fac')} onInvited={onInvited} />, { me: FACILITATOR });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'organiser');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), '  Olga Berg ');
    await user.type(screen.getByRole('textbox', { name: 'Organisation' }), 'Region of Skåne');
    await user.click(screen.getByRole('button', { name: 'Create invitation link' }));

    const link = await screen.findByRole('textbox', { name: 'Invitation link for Olga Berg' });
    expect(link).toHaveValue(`${window.location.origin}/w/w1/accept#token=tok-org%2B%2F%3D`);
    expect(link).toHaveAccessibleDescription('Send this link only to Olga Berg: it signs them in as Organiser.');
    expect(calls).toEqual([
      {
        method: 'POST',
        url: '/api/workshops/w1/invitations',
        body: { role: 'organiser', name: 'Olga Berg', organisation: 'Region of Skåne' },
        auth: 'Bearer tok-fac',
      },
    ]);
    expect(onInvited).toHaveBeenCalledOnce();

    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/w/w1/accept#token=tok-org%2B%2F%3D`);
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeInTheDocument();
  });

  it('invites a co-facilitator without a name, and shows the server’s refusal', async () => {
    let answer: { status: number; body: unknown } = { status: 201, body: { token: 'tok-co', personId: 'p-co' } };
    const calls = interceptFetch((c) => (c.url === '/api/workshops/w1/invitations' ? answer : undefined));
    const user = userEvent.setup();
    renderWorkshop(<InvitePanel api={facilitationApi('w1', 'tok-fac')} />, { me: FACILITATOR });

    await user.click(screen.getByRole('button', { name: 'Create invitation link' }));
    expect(await screen.findByRole('textbox', { name: 'Invitation link for Facilitator' })).toHaveValue(
      `${window.location.origin}/w/w1/accept#token=tok-co`,
    );
    expect(calls[0]!.body).toEqual({ role: 'facilitator' });

    answer = {
      status: 400,
      body: { error: { code: 'INVALID_BODY', message: 'body/organisation must NOT have more than 150 characters' } },
    };
    await user.type(screen.getByRole('textbox', { name: 'Organisation' }), 'o'.repeat(151));
    await user.click(screen.getByRole('button', { name: 'Create invitation link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('body/organisation must NOT have more than 150 characters');
  });
});

function renderAccept() {
  setLanguage('en');
  return render(
    <I18nextProvider i18n={i18n}>
      <AcceptInvitation workshopId="w1" />
    </I18nextProvider>,
  );
}

describe('accepting an invitation', () => {
  it('checks the token, keeps it as this browser’s credential, drops the fragment and opens the report for an organiser', async () => {
    localStorage.clear();
    const calls = interceptFetch((c) =>
      c.url === '/api/workshops/w1' && c.auth === 'Bearer tok-org'
        ? {
            body: {
              id: 'w1',
              title: 'Health',
              you: { personId: 'p-org', role: 'organiser', name: 'Olga Berg', organisation: 'Region of Skåne', language: 'en' },
            },
          }
        : undefined,
    );
    window.history.replaceState(null, '', '/w/w1/accept#token=tok-org');
    renderAccept();
    await waitFor(() => expect(window.location.pathname).toBe('/w/w1/report'));
    expect(window.location.hash).toBe('');
    expect(calls).toHaveLength(1);
    expect(loadCredential('w1')).toMatchObject({
      token: 'tok-org',
      personId: 'p-org',
      role: 'organiser',
      name: 'Olga Berg',
      organisation: 'Region of Skåne',
    });
  });

  it('sends a co-facilitator to the console', async () => {
    interceptFetch((c) =>
      c.url === '/api/workshops/w1'
        ? { body: { id: 'w1', title: 'Health', you: { personId: 'p-co', role: 'facilitator', name: 'Facilitator', organisation: '' } } }
        : undefined,
    );
    window.history.replaceState(null, '', '/w/w1/accept#token=tok-co');
    renderAccept();
    await waitFor(() => expect(window.location.pathname).toBe('/w/w1/console'));
    expect(loadCredential('w1')).toMatchObject({ token: 'tok-co', role: 'facilitator' });
  });

  it('says so clearly when the token is refused, and keeps the credential this browser had', async () => {
    interceptFetch((c) =>
      c.url === '/api/workshops/w1' ? { status: 401, body: { error: { code: 'INVALID_TOKEN', message: 'Invalid token.' } } } : undefined,
    );
    window.history.replaceState(null, '', '/w/w1/accept#token=forged');
    renderAccept();
    expect(await screen.findByRole('alert')).toHaveTextContent('This invitation link is not valid');
    expect(window.location.pathname).toBe('/w/w1/accept');
    expect(window.location.hash).toBe('');
    expect(loadCredential('w1')).toMatchObject({ token: 'tok-fac' });
  });

  it('says so when the link lost its fragment', async () => {
    const calls = interceptFetch(() => undefined);
    window.history.replaceState(null, '', '/w/w1/accept');
    renderAccept();
    expect(screen.getByRole('alert')).toHaveTextContent('This link has no invitation in it');
    expect(calls).toHaveLength(0);
  });
});
