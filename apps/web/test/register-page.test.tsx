import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { i18n, setLanguage } from '../src/i18n/index.ts';
import { RegisterPage } from '../src/registration/RegisterPage.tsx';

const FORM = {
  title: 'Cross-border collaboration',
  purpose: '',
  themes: ['Mobility', 'Sustainability'],
  // 15:30 in Paris on 3 June 2021 (CEST).
  sessions: [{ label: 'Thursday 3 June', start: Date.parse('2021-06-03T13:30:00Z'), end: Date.parse('2021-06-03T16:00:00Z') }],
  homeTimeZone: 'Europe/Paris',
  question: 'What is your experience with cross-border collaboration?',
  deadline: Date.parse('2030-05-25T21:59:00Z'),
  open: true,
};

describe('the registration form', () => {
  let posted: unknown[];
  beforeEach(() => {
    posted = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
      if (init.method === 'POST') {
        posted.push(JSON.parse(String(init.body)));
        return new Response(JSON.stringify({ personalUrl: '/registered/S3cret', secret: 'S3cret' }), { status: 201 });
      }
      return new Response(JSON.stringify(url.includes('/api/registration/') ? FORM : {}), { status: 200 });
    });
    setLanguage('en');
    render(
      <I18nextProvider i18n={i18n}>
        <RegisterPage code="C0de" />
      </I18nextProvider>,
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends the chosen session, themes, answer and directory choice, with this browser’s zone, then opens the personal link', async () => {
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Register for “Cross-border collaboration”' });
    expect(screen.getByRole('combobox', { name: 'Time zone' })).toHaveValue(Intl.DateTimeFormat().resolvedOptions().timeZone);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Litia Vakarewa');
    await user.type(screen.getByRole('textbox', { name: 'Country' }), 'Fiji');
    // Nothing is sent without a session.
    await user.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('at least one session');
    expect(posted).toHaveLength(0);
    await user.click(screen.getByRole('checkbox', { name: /Thursday 3 June/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Sustainability' }));
    await user.type(screen.getByRole('textbox', { name: FORM.question }), 'It went smoothly');
    await user.click(screen.getByRole('checkbox', { name: 'List me in the directory' }));
    await user.click(screen.getByRole('checkbox', { name: 'Themes I am interested in' }));
    await user.click(screen.getByRole('button', { name: 'Register' }));
    await waitFor(() => expect(window.location.pathname).toBe('/registered/S3cret'));
    expect(posted[0]).toMatchObject({
      name: 'Litia Vakarewa',
      country: 'Fiji',
      email: '',
      sessions: [0],
      themes: ['Sustainability'],
      answer: 'It went smoothly',
      directory: { listed: true, show: ['themes'], themes: ['Sustainability'] },
    });
  });
});
