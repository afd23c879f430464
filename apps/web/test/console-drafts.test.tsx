import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { saveCredential } from '../src/api/credentials.ts';
import { DraftsPanel } from '../src/console/DraftsPanel.tsx';
import { DraftsBoard } from '../src/board/DraftsBoard.tsx';
import { facilitationApi, type DraftCount } from '../src/facilitation/facilitation-api.ts';
import { setLanguage } from '../src/i18n/index.ts';
import type { LocalUser } from '../src/shared/workshop-context.ts';
import { ME, renderWorkshop } from './render-workshop.tsx';
import { interceptFetch } from './facilitation-fetch.ts';

const FACILITATOR: LocalUser = { ...ME, id: 'p-fac', name: 'Fatima Idrissi', role: 'facilitator' };

beforeEach(() => saveCredential('w1', { token: 'tok-fac', personId: 'p-fac', role: 'facilitator' }));
afterEach(() => vi.unstubAllGlobals());

/** The server's drafts summary (docs/API.md): counts, ids and lengths, never a draft's text. */
function draftsServer(initial: DraftCount[]) {
  let drafts = initial;
  const calls = interceptFetch((c) => {
    if (c.method === 'GET' && c.url === '/api/workshops/w1/drafts') return { body: { drafts } };
    const removal = /^\/api\/workshops\/w1\/drafts\/([^/]+)\/([^/]+)$/.exec(c.url);
    if (c.method === 'DELETE' && removal) {
      const [, personId, noteId] = removal;
      drafts = drafts.map((d) =>
        d.personId === personId ? { ...d, count: d.count - 1, notes: d.notes.filter((n) => n.id !== noteId) } : d,
      );
      return { body: { ok: true } };
    }
    if (c.method === 'POST' && c.url === '/api/workshops/w1/drafts/reveal') {
      const moved = drafts.reduce((n, d) => n + d.count, 0);
      drafts = drafts.map((d) => ({ ...d, count: 0, notes: [] }));
      return { body: { moved } };
    }
    return undefined;
  });
  return calls;
}

describe('the console’s drafts panel', () => {
  it('shows counts per person from the API and never opens a drafts room', async () => {
    const WebSocketSpy = vi.fn();
    vi.stubGlobal('WebSocket', WebSocketSpy);
    draftsServer([
      {
        personId: 'p-ana',
        name: 'Ana Gómez',
        count: 2,
        notes: [
          { id: 'd1', length: 12 },
          { id: 'd2', length: 1 },
        ],
      },
      { personId: 'p-tom', name: 'Tom Reid', count: 0, notes: [] },
    ]);
    renderWorkshop(<DraftsPanel api={facilitationApi('w1', 'tok-fac')} />, { me: FACILITATOR });

    expect(await screen.findByText('Ana Gómez: 2 drafts')).toBeInTheDocument();
    expect(screen.getByText('Tom Reid: 0 drafts')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Drafts 2' })).toBeInTheDocument();
    expect(screen.getByText(/Drafts are private until you reveal them/)).toBeInTheDocument();
    // Nothing to moderate for someone without drafts.
    expect(screen.queryByRole('button', { name: 'Moderate Tom Reid’s drafts' })).not.toBeInTheDocument();
    expect(screen.queryByText(/Loading/)).not.toBeInTheDocument();
    expect(WebSocketSpy).not.toHaveBeenCalled();
  });

  it('lists one person’s drafts by length and removes one by id through the API', async () => {
    const calls = draftsServer([
      {
        personId: 'p-ana',
        name: 'Ana Gómez',
        count: 2,
        notes: [
          { id: 'd1', length: 12 },
          { id: 'd2', length: 1 },
        ],
      },
    ]);
    const user = userEvent.setup();
    renderWorkshop(<DraftsPanel api={facilitationApi('w1', 'tok-fac')} />, { me: FACILITATOR });

    const open = await screen.findByRole('button', { name: 'Moderate Ana Gómez’s drafts' });
    await user.click(open);
    expect(open).toHaveAttribute('aria-expanded', 'true');
    const moderation = screen.getByRole('region', { name: 'Drafts of Ana Gómez' });
    expect(
      within(moderation)
        .getAllByRole('listitem')
        .map((li) => li.firstChild?.textContent),
    ).toEqual(['Draft 1: 12 characters', 'Draft 2: 1 character']);

    await user.click(within(moderation).getByRole('button', { name: 'Remove draft 2 of Ana Gómez' }));
    expect(calls.filter((c) => c.method === 'DELETE')).toEqual([
      { method: 'DELETE', url: '/api/workshops/w1/drafts/p-ana/d2', body: undefined, auth: 'Bearer tok-fac' },
    ]);
    expect(await screen.findByText('Ana Gómez: 1 draft')).toBeInTheDocument();
    expect(within(moderation).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByRole('status')).toHaveTextContent('A draft of Ana Gómez was removed.');

    await user.click(screen.getByRole('button', { name: 'Reveal all drafts' }));
    expect(await screen.findByText('1 draft moved to the board.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Drafts of Ana Gómez' })).not.toBeInTheDocument());
    expect(screen.getByText('Ana Gómez: 0 drafts')).toBeInTheDocument();
  });
});

describe('a participant’s drafts board', () => {
  it('says, in each language, that drafts are private until the facilitator reveals them', async () => {
    localStorage.clear();
    renderWorkshop(<DraftsBoard phase="painPoints" themes={[]} />);
    expect(screen.getByText(/Only you can read these notes/)).toHaveTextContent('until the facilitator reveals all drafts to everyone');
    await act(async () => setLanguage('es'));
    expect(screen.getByText(/Solo tú puedes leer estas notas/)).toBeInTheDocument();
    await act(async () => setLanguage('fr'));
    expect(screen.getByText(/Vous seul pouvez lire ces notes/)).toBeInTheDocument();
    await act(async () => setLanguage('en'));
  });
});
