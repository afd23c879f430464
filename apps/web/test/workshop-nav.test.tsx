import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { i18n, setLanguage } from '../src/i18n/index.ts';
import { navEn, navEs, navFr } from '../src/i18n/nav-messages.ts';
import { navPages, WorkshopNav } from '../src/ui/WorkshopNav.tsx';
import { interceptFetch } from './facilitation-fetch.ts';

afterEach(() => vi.unstubAllGlobals());

function signIn(role: 'facilitator' | 'organiser' | 'participant') {
  localStorage.setItem('crossboard:workshop:w1', JSON.stringify({ token: 't', personId: 'p1', role }));
}
function renderNav(ui: React.ReactElement, lang = 'en') {
  setLanguage(lang);
  return render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
}
const hrefs = () =>
  within(screen.getByRole('navigation', { name: /./ }))
    .getAllByRole('link')
    .map((a) => a.getAttribute('href'));

describe('the workshop navigation', () => {
  it('offers a participant no staff pages, and the check-in only while it runs', () => {
    expect(navPages('participant', false)).toEqual(['board', 'people', 'report']);
    expect(navPages('participant', true)).toEqual(['board', 'people', 'checkin', 'report']);
    expect(navPages('organiser', false)).toEqual(['board', 'people', 'registrations', 'report', 'export', 'series', 'publish', 'followup']);
    expect(navPages('facilitator', false)).toEqual([
      'board',
      'console',
      'people',
      'checkin',
      'registrations',
      'report',
      'export',
      'series',
      'publish',
      'followup',
    ]);
  });

  it('is a named landmark in the console that marks the current page', () => {
    signIn('facilitator');
    renderNav(<WorkshopNav workshopId="w1" current="console" omit={['board']} />);
    const nav = screen.getByRole('navigation', { name: 'Workshop pages' });
    expect(within(nav).getByRole('link', { name: 'Console' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Directory' })).not.toHaveAttribute('aria-current');
    expect(hrefs()).toEqual([
      '/w/w1/console',
      '/w/w1/people',
      '/w/w1/checkin',
      '/w/w1/registrations',
      '/w/w1/report',
      '/w/w1/export',
      '/w/w1/series',
      '/w/w1/publish',
      '/w/w1/followup',
    ]);
  });

  it('adds the check-in to a participant’s board once the facilitator opens one', async () => {
    signIn('participant');
    let round: unknown = null;
    interceptFetch((c) =>
      c.url.endsWith('/checkin') ? { body: { round, open: round !== null, cards: [], ready: 0, people: 2 } } : undefined,
    );
    round = { id: 'r1', prompt: 'Hello', startedAt: 1, endedAt: null };
    renderNav(<WorkshopNav workshopId="w1" current="board" only={['board', 'people', 'checkin']} />);
    expect(hrefs()).toEqual(['/w/w1', '/w/w1/people']);
    expect(await screen.findByRole('link', { name: 'Check-in' })).toHaveAttribute('href', '/w/w1/checkin');
    expect(screen.queryByRole('link', { name: 'Registrations' })).toBeNull();
  });

  it('shows the check-in the moment the board’s control room says a round opened, asking the API only once', async () => {
    signIn('participant');
    let asked = 0;
    interceptFetch((c) => {
      if (!c.url.endsWith('/checkin')) return undefined;
      asked += 1;
      return { body: { round: null, open: false, cards: [], ready: 0, people: 2 } };
    });
    const nav = (open: boolean) => <WorkshopNav workshopId="w1" current="board" only={['board', 'people', 'checkin']} checkinOpen={open} />;
    const { rerender } = renderNav(nav(false));
    await vi.waitFor(() => expect(asked).toBe(1));
    expect(hrefs()).toEqual(['/w/w1', '/w/w1/people']);
    rerender(<I18nextProvider i18n={i18n}>{nav(true)}</I18nextProvider>);
    expect(screen.getByRole('link', { name: 'Check-in' })).toHaveAttribute('href', '/w/w1/checkin');
    expect(asked).toBe(1);
  });

  it('drops the check-in when the round ends, even if the one-time fetch had found it open', async () => {
    signIn('participant');
    let endedAt: number | null = null;
    interceptFetch((c) =>
      c.url.endsWith('/checkin')
        ? { body: { round: { id: 'r1', prompt: 'Hello', startedAt: 1, endedAt }, open: endedAt === null, cards: [], ready: 0, people: 2 } }
        : undefined,
    );
    const nav = (open: boolean) => <WorkshopNav workshopId="w1" current="board" only={['board', 'people', 'checkin']} checkinOpen={open} />;
    // The board's control room has not synced yet: the fetch finds the round open.
    const { rerender } = renderNav(nav(false));
    expect(await screen.findByRole('link', { name: 'Check-in' })).toBeInTheDocument();
    rerender(<I18nextProvider i18n={i18n}>{nav(true)}</I18nextProvider>);
    endedAt = 2;
    rerender(<I18nextProvider i18n={i18n}>{nav(false)}</I18nextProvider>);
    await vi.waitFor(() => expect(hrefs()).toEqual(['/w/w1', '/w/w1/people']));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('link', { name: 'Check-in' })).toBeNull();
  });

  it('speaks Spanish and French', async () => {
    signIn('facilitator');
    renderNav(<WorkshopNav workshopId="w1" current="console" />, 'fr');
    expect(screen.getByRole('navigation', { name: 'Pages de l’atelier' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Annuaire' })).toBeInTheDocument();
    setLanguage('es');
    expect(await screen.findByRole('link', { name: 'Inscripciones' })).toBeInTheDocument();
    setLanguage('en');
  });
});

describe.each([
  ['es', navEs],
  ['fr', navFr],
])('navigation strings in %s', (_lang, messages) => {
  it('has every English key', () => {
    expect(Object.keys(messages.nav).sort()).toEqual(Object.keys(navEn.nav).sort());
    for (const v of Object.values(messages.nav)) expect(v.trim()).not.toBe('');
  });
});
