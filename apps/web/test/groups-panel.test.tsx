import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { writeBreakout, type Breakout } from '@crossboard/model';
import { saveCredential } from '../src/api/credentials.ts';
import { setLanguage } from '../src/i18n/index.ts';
import { GroupsPanel } from '../src/console/GroupsPanel.tsx';
import { BreakoutBanner } from '../src/groups/BreakoutBanner.tsx';
import type { LocalUser } from '../src/shared/workshop-context.ts';
import { ME, renderWorkshop } from './render-workshop.tsx';
import { interceptFetch } from './facilitation-fetch.ts';

const FACILITATOR: LocalUser = { ...ME, id: 'p-fac', name: 'Fatima Idrissi', role: 'facilitator' };
const people = [
  {
    personId: 'p-ana',
    role: 'participant',
    name: 'Ana Sousa',
    organisation: 'Porto',
    country: 'Portugal',
    timeZone: 'Europe/Lisbon',
    language: 'en',
    removed: false,
  },
  {
    personId: 'p-ben',
    role: 'participant',
    name: 'Ben Tamm',
    organisation: 'Tallinn',
    country: 'Estonia',
    timeZone: 'Europe/Tallinn',
    language: 'en',
    removed: false,
  },
];
const running: Breakout = {
  active: true,
  groups: [
    { id: 'g1', number: 1, theme: null, members: ['p-ana'] },
    { id: 'g2', number: 2, theme: 'Health', members: ['p-ben'] },
  ],
  announcement: null,
  timer: null,
};

afterEach(() => vi.unstubAllGlobals());
beforeEach(() => saveCredential('w1', { token: 'tok-fac', personId: 'p-fac', role: 'facilitator' }));

function controlWith(breakout: Breakout): Y.Doc {
  const control = new Y.Doc();
  control.transact(() => writeBreakout(control, breakout));
  return control;
}

describe('the Groups panel', () => {
  it('moves a person with the keyboard through their "Move to group" select', async () => {
    const calls = interceptFetch((c) => {
      if (c.url === '/api/workshops/w1/people') return { body: { people } };
      if (c.method === 'PUT') return { body: { breakout: running } };
      return undefined;
    });
    renderWorkshop(<GroupsPanel />, { control: controlWith(running), me: FACILITATOR });
    const select = await screen.findByRole('combobox', { name: 'Move Ana Sousa to group' });
    expect(screen.getByRole('link', { name: 'Visit Group 2: Health' }).getAttribute('href')).toBe('/w/w1/group/g2');
    select.focus();
    await userEvent.selectOptions(select, 'Group 2: Health');
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.url).toBe('/api/workshops/w1/groups/members/p-ana');
    expect(put.body).toEqual({ groupId: 'g2' });
    expect(await screen.findByText('Ana Sousa moved to Group 2: Health.')).toBeTruthy();
  });

  it('splits with the chosen mode and size, then brings everyone back copying notes', async () => {
    const control = controlWith({ active: false, groups: [], announcement: null, timer: null });
    const calls = interceptFetch((c) => {
      if (c.url === '/api/workshops/w1/people') return { body: { people } };
      if (c.url === '/api/workshops/w1/groups') return { status: 201, body: { breakout: running } };
      if (c.url === '/api/workshops/w1/groups/end') return { body: { copied: { clusters: 2, notes: 5 } } };
      return undefined;
    });
    renderWorkshop(<GroupsPanel />, { control, me: FACILITATOR });
    await userEvent.click(screen.getByRole('radio', { name: 'By shared themes of interest' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Split by people per group' }));
    const size = screen.getByRole('spinbutton', { name: 'People per group' });
    await userEvent.clear(size);
    await userEvent.type(size, '3');
    await userEvent.click(screen.getByRole('button', { name: 'Split into groups' }));
    await waitFor(() => expect(calls.some((c) => c.url === '/api/workshops/w1/groups')).toBe(true));
    expect(calls.find((c) => c.url === '/api/workshops/w1/groups')!.body).toMatchObject({ mode: 'themes', size: 3 });

    act(() => control.transact(() => writeBreakout(control, running)));
    await userEvent.click(await screen.findByRole('button', { name: 'Bring everyone back' }));
    await waitFor(() => expect(calls.find((c) => c.url === '/api/workshops/w1/groups/end')?.body).toEqual({ copyNotes: true }));
    expect(await screen.findByText('Everyone is back. 5 notes copied.')).toBeTruthy();
  });

  it('gives the "how many" radio and the number box names a screen reader can tell apart', () => {
    interceptFetch((c) => (c.url === '/api/workshops/w1/people' ? { body: { people } } : undefined));
    const control = controlWith({ active: false, groups: [], announcement: null, timer: null });
    renderWorkshop(<GroupsPanel />, { control, me: FACILITATOR });
    expect(screen.getByRole('radio', { name: 'Split into a number of groups' })).toBeChecked();
    expect(screen.getAllByLabelText('Number of groups')).toEqual([screen.getByRole('spinbutton', { name: 'Number of groups' })]);
    expect(screen.getByRole('spinbutton', { name: 'Groups’ own timer (minutes, empty for the main timer)' })).toBeTruthy();
  });
});

describe('the breakout banner', () => {
  it("announces the facilitator's message in a live region and links a member to their group", async () => {
    const control = controlWith(running);
    renderWorkshop(<BreakoutBanner />, { control, me: { ...ME, id: 'p-ben' } });
    const live = screen.getByRole('status');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('');
    act(() => control.transact(() => writeBreakout(control, { announcement: { text: 'Five minutes left', at: 1 } })));
    expect(live.textContent).toContain('Five minutes left');
    expect(screen.getByText('You are in Group 2: Health.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open your group’s board' }).getAttribute('href')).toBe('/w/w1/group/g2');
  });

  it('is in Spanish and French too', () => {
    for (const [lang, text] of [
      ['es', 'Estás en Grupo 2: Health.'],
      ['fr', 'Vous êtes dans le Groupe 2 : Health.'],
    ] as const) {
      const { unmount } = renderWorkshop(<BreakoutBanner />, { control: controlWith(running), me: { ...ME, id: 'p-ben' } });
      act(() => setLanguage(lang));
      expect(screen.getByText(text)).toBeTruthy();
      unmount();
    }
    setLanguage('en');
  });
});
