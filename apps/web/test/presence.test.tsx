import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { i18n, setLanguage } from '../src/i18n/index.ts';
import { PresenceList } from '../src/presence/PresenceList.tsx';
import { ME } from './render-workshop.tsx';

/** Relays one Awareness's changes into another, as the server does between two clients. */
function relay(from: Awareness, to: Awareness) {
  from.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [...added, ...updated, ...removed]), 'remote');
  });
}

afterEach(() => vi.useRealTimers());

describe('the presence list', () => {
  it('shows who arrives with their local time in their zone, and drops them when they leave', () => {
    // 23:05 UTC on 15 January is 08:05 the next morning in Tokyo (UTC+9, no daylight saving).
    vi.useFakeTimers({ now: Date.UTC(2025, 0, 15, 23, 5), toFake: ['Date'] });
    setLanguage('en');
    const mine = new Awareness(new Y.Doc());
    const theirs = new Awareness(new Y.Doc());
    relay(theirs, mine);
    mine.setLocalStateField('user', ME);
    render(
      <I18nextProvider i18n={i18n}>
        <PresenceList awareness={mine} />
      </I18nextProvider>,
    );
    expect(screen.getByRole('list')).toHaveTextContent('Mia Laurent');
    expect(screen.queryByText('Kenji Sato')).not.toBeInTheDocument();

    act(() => {
      theirs.setLocalState({
        user: {
          id: 'p-kenji',
          name: 'Kenji Sato',
          organisation: 'Fukuoka City',
          timeZone: 'Asia/Tokyo',
          colour: '#1b6b3a',
          role: 'participant',
        },
        status: 'idle',
      });
    });
    const row = screen.getByText('Kenji Sato').closest('li')!;
    expect(row).toHaveTextContent('Fukuoka City');
    expect(row).toHaveTextContent('Idle');
    expect(within(row).getByText('Local time 08:05 AM')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Here now/ })).toHaveTextContent('2 people');

    act(() => theirs.setLocalState(null));
    expect(screen.queryByText('Kenji Sato')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Here now/ })).toHaveTextContent('1 person');
  });
  it('shows an organisation only while the server stamps it, and drops it live when its person withdraws it', () => {
    setLanguage('en');
    const mine = new Awareness(new Y.Doc());
    const theirs = new Awareness(new Y.Doc());
    relay(theirs, mine);
    mine.setLocalStateField('user', ME);
    render(
      <I18nextProvider i18n={i18n}>
        <PresenceList awareness={mine} />
      </I18nextProvider>,
    );
    const kenji = { id: 'p-kenji', name: 'Kenji Sato', timeZone: 'Asia/Tokyo', colour: '#1b6b3a', role: 'participant' };
    act(() => theirs.setLocalState({ user: { ...kenji, organisation: 'Fukuoka City' }, status: 'active' }));
    expect(screen.getByText('Kenji Sato').closest('li')!).toHaveTextContent('Fukuoka City');
    // The server re-stamps Kenji's presence without it once he stops showing it in the directory.
    act(() => theirs.setLocalState({ user: kenji, status: 'active' }));
    const row = screen.getByText('Kenji Sato').closest('li')!;
    expect(row).not.toHaveTextContent('Fukuoka City');
    expect(row).not.toHaveTextContent('undefined');
    expect(row).toHaveTextContent('Active');
  });
  it('on a group board, says no one else from the group is here instead of asking to share the link', () => {
    const mine = new Awareness(new Y.Doc());
    mine.setLocalStateField('user', ME);
    const cases = [
      ['en', 'No one else from your group is here yet.'],
      ['es', 'Todavía no ha llegado nadie más de tu grupo.'],
      ['fr', 'Personne d’autre de votre groupe n’est encore là.'],
    ] as const;
    for (const [language, text] of cases) {
      setLanguage(language);
      const { unmount } = render(
        <I18nextProvider i18n={i18n}>
          <PresenceList awareness={mine} place="group" />
        </I18nextProvider>,
      );
      expect(screen.getByText(text)).toBeInTheDocument();
      expect(screen.queryByText(/link|enlace|lien/)).not.toBeInTheDocument();
      unmount();
    }
    setLanguage('en');
    render(
      <I18nextProvider i18n={i18n}>
        <PresenceList awareness={mine} />
      </I18nextProvider>,
    );
    // The main board still invites: there, sharing the link is how others arrive.
    expect(screen.getByText('Only you so far. Share the link to invite others.')).toBeInTheDocument();
  });
});
