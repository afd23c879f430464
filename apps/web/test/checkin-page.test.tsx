import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { i18n, setLanguage } from '../src/i18n/index.ts';
import { CheckinPage } from '../src/directory/CheckinPage.tsx';

const ROUND = { id: 'r1', prompt: 'Where are you joining from, and what brings you here?', startedAt: 1, endedAt: null };
const card = (personId: string, name: string, answer: string) => ({
  personId,
  name,
  country: 'Japan',
  timeZone: 'Asia/Tokyo',
  answer,
  answeredAt: 2,
});

/** The server's wall, answering every GET of the check-in; each call may return a newer wall. */
function serveWall(...walls: unknown[]) {
  let calls = 0;
  vi.stubGlobal('fetch', async () => {
    const wall = walls[Math.min(calls, walls.length - 1)];
    calls += 1;
    return new Response(JSON.stringify(wall), { status: 200 });
  });
}

function show(role = 'participant', language: 'en' | 'es' | 'fr' = 'en') {
  localStorage.setItem('crossboard:workshop:w1', JSON.stringify({ token: 'tok', personId: 'p-kenji', role }));
  setLanguage(language);
  return render(
    <I18nextProvider i18n={i18n}>
      <CheckinPage workshopId="w1" />
    </I18nextProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('the check-in page', () => {
  it('starts "Update my card" from the card already posted, not from an empty box', async () => {
    serveWall({
      round: ROUND,
      open: true,
      cards: [card('p-kenji', 'Kenji Sato', 'Fukuoka: we share a ferry with Busan.')],
      ready: 1,
      people: 2,
    });
    show();
    const box = await screen.findByRole('textbox', { name: 'Your answer' });
    await vi.waitFor(() => expect(box).toHaveValue('Fukuoka: we share a ferry with Busan.'));
    expect(screen.getByRole('button', { name: 'Update my card' })).toBeEnabled();
  });

  it('leaves an empty box to someone who has not answered yet', async () => {
    serveWall({ round: ROUND, open: true, cards: [card('p-lea', 'Léa Martin', 'Strasbourg.')], ready: 1, people: 2 });
    show();
    await screen.findByRole('heading', { name: 'Léa Martin' });
    expect(screen.getByRole('textbox', { name: 'Your answer' })).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Post my card' })).toBeDisabled();
  });

  it('lets the facilitator end the round: the ending is announced, answers close, the cards stay', async () => {
    const cards = [card('p-lea', 'Léa Martin', 'Strasbourg.')];
    let ended = false;
    const calls: string[] = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      calls.push(`${init?.method ?? 'GET'} ${url}`);
      if (init?.method === 'POST' && url.endsWith('/checkin/end')) ended = true;
      const round = { ...ROUND, endedAt: ended ? 5 : null };
      return new Response(JSON.stringify({ round, open: !ended, cards, ready: 1, people: 2 }), { status: 200 });
    });
    show('facilitator');
    await screen.findByRole('textbox', { name: 'Your answer' });
    fireEvent.click(screen.getByRole('button', { name: 'End check-in' }));
    expect(await screen.findByText('This check-in has ended: the cards stay here to read.')).toHaveAttribute('role', 'status');
    expect(calls).toContain('POST /api/workshops/w1/checkin/end');
    expect(screen.queryByRole('textbox', { name: 'Your answer' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'End check-in' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Léa Martin' })).toBeInTheDocument();
    // A new round can be started from the same page.
    expect(screen.getByRole('button', { name: 'Start a check-in' })).toBeEnabled();
  });

  it.each([
    ['es', 'Terminar la ronda'],
    ['fr', 'Terminer le tour de table'],
  ] as const)('names the end button in %s', async (language, name) => {
    serveWall({ round: ROUND, open: true, cards: [], ready: 0, people: 2 });
    show('facilitator', language);
    expect(await screen.findByRole('button', { name })).toBeEnabled();
    setLanguage('en');
  });
});
