import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { controlState, currentPhase, readTimer, writeTimer } from '@crossboard/model';
import { saveCredential } from '../src/api/credentials.ts';
import { PhaseControls } from '../src/console/PhaseControls.tsx';
import { TimerControls } from '../src/console/TimerControls.tsx';
import { PeoplePanel } from '../src/console/PeoplePanel.tsx';
import { PhaseChangeBanner } from '../src/facilitation/PhaseChangeBanner.tsx';
import { SharedTimer } from '../src/facilitation/SharedTimer.tsx';
import { facilitationApi } from '../src/facilitation/facilitation-api.ts';
import { resetServerClock, useServerClock } from '../src/facilitation/server-clock.ts';
import { useRequest } from '../src/console/use-request.ts';
import type { LocalUser } from '../src/shared/workshop-context.ts';
import { connect, ME, renderWorkshop } from './render-workshop.tsx';
import { interceptFetch, type Call } from './facilitation-fetch.ts';

const FACILITATOR: LocalUser = { ...ME, id: 'p-fac', name: 'Fatima Idrissi', role: 'facilitator' };
/** The server's clock runs two hours ahead of this browser's. */
const SERVER_AHEAD_MS = 2 * 60 * 60_000;

function serverTime(): Call[] {
  return interceptFetch((c) => (c.url === '/api/time' ? { body: { now: Date.now() + SERVER_AHEAD_MS } } : undefined));
}

beforeEach(() => {
  resetServerClock();
  saveCredential('w1', { token: 'tok-fac', personId: 'p-fac', role: 'facilitator' });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the console’s phase controls', () => {
  it('move everyone: the phase is written to the control room and a participant’s screen announces it', async () => {
    serverTime();
    const user = userEvent.setup();
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    connect(mine, theirs);
    renderWorkshop(<PhaseControls />, { control: mine, me: FACILITATOR });
    renderWorkshop(<PhaseChangeBanner />, { control: theirs });

    await user.click(screen.getByRole('button', { name: 'Move everyone to Future visions' }));
    expect(currentPhase(theirs)).toBe('visions');
    expect(screen.getByRole('button', { name: 'Everyone is on Future visions' })).toHaveAttribute('aria-pressed', 'true');
    // The next phase's planned length is ready on the clock.
    expect(readTimer(theirs)).toEqual({ status: 'idle', durationMs: 30 * 60_000 });
    expect(await screen.findByText('The facilitator moved everyone to Future visions.')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Lock the Future visions board' }));
    expect(controlState(theirs).get('locks')).toEqual({ visions: true });
    await user.click(screen.getByRole('checkbox', { name: /Private drafting/ }));
    expect(controlState(theirs).get('drafting')).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'Participants may cluster' }));
    expect(controlState(theirs).get('participantsMayCluster')).toBe(true);
  });
});

describe('moving everyone can be undone for a few seconds', () => {
  it('puts the phase and the running timer back as they were', async () => {
    serverTime();
    const user = userEvent.setup();
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    connect(mine, theirs);
    writeTimer(mine, { status: 'running', durationMs: 30 * 60_000, startedAt: 1_000 });
    renderWorkshop(<PhaseControls />, { control: mine, me: FACILITATOR });

    await user.click(screen.getByRole('button', { name: 'Move everyone to Recommendations' }));
    expect(currentPhase(theirs)).toBe('recommendations');
    expect(screen.getByText('Everyone moved to Recommendations.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo (back to Pain points)' }));
    expect(currentPhase(theirs)).toBe('painPoints');
    expect(readTimer(theirs)).toEqual({ status: 'running', durationMs: 30 * 60_000, startedAt: 1_000 });
    expect(screen.queryByRole('button', { name: /Undo/ })).not.toBeInTheDocument();
  });
});

describe('the shared timer', () => {
  it('counts from the server’s clock, and the console’s start and pause write server instants', async () => {
    // This browser's clock stands still unless the test moves it: the offset estimate sees no
    // round trip and every shown second is exact, however slow the machine.
    const T0 = Date.UTC(2025, 5, 12, 13, 30);
    vi.useFakeTimers({ now: T0, toFake: ['Date'] });
    serverTime();
    const user = userEvent.setup();
    const control = new Y.Doc();
    renderWorkshop(<TimerControls />, { control, me: FACILITATOR });
    await waitFor(() => expect(useServerClock.getState().synced).toBe(true));
    expect(useServerClock.getState().offsetMs).toBe(SERVER_AHEAD_MS);
    expect(screen.getByRole('timer')).toHaveTextContent('30:00');

    // Started three minutes ago by the server's clock: a browser ignoring the offset would show 10:00.
    act(() => writeTimer(control, { status: 'running', durationMs: 10 * 60_000, startedAt: T0 + SERVER_AHEAD_MS - 3 * 60_000 }));
    expect(screen.getByRole('timer')).toHaveTextContent('7:00');

    await user.click(screen.getByRole('button', { name: 'Pause' }));
    const paused = readTimer(control);
    expect(paused).toMatchObject({ status: 'paused', remainingMs: 7 * 60_000 });
    // Ninety seconds later a screen opened now shows the same paused time as the first.
    vi.setSystemTime(T0 + 90_000);
    renderWorkshop(<SharedTimer />, { control });
    const timers = screen.getAllByRole('timer');
    expect(timers).toHaveLength(2);
    for (const timer of timers) expect(timer).toHaveTextContent('7:00');

    await user.click(screen.getAllByRole('button', { name: 'Add one minute' })[0]!);
    expect(screen.getAllByRole('timer')[0]).toHaveTextContent('8:00');

    await user.click(screen.getAllByRole('button', { name: 'Resume' })[0]!);
    const running = readTimer(control);
    expect(running.status).toBe('running');
    // The start instant is on the server's clock, two hours ahead of ours.
    expect(running.status === 'running' && running.startedAt).toBeGreaterThan(Date.now() + SERVER_AHEAD_MS - 10 * 60_000);
  });

  it('announces one minute left in a live region, with a visible banner', async () => {
    serverTime();
    const control = new Y.Doc();
    renderWorkshop(<SharedTimer />, { control });
    await waitFor(() => expect(useServerClock.getState().synced).toBe(true));
    // 61.5 s left: the countdown crosses the one-minute mark within two seconds.
    act(() =>
      writeTimer(control, { status: 'running', durationMs: 5 * 60_000, startedAt: Date.now() + SERVER_AHEAD_MS - (5 * 60_000 - 61_500) }),
    );
    expect(screen.queryByText('One minute left.')).not.toBeInTheDocument();
    const banner = await screen.findByText('One minute left.', {}, { timeout: 5_000 });
    expect(banner.closest('[aria-live]')).toHaveAttribute('aria-live', 'assertive');
    expect(screen.getByRole('timer').textContent).toMatch(/^(1:00|0:59|0:58)$/);
  });
});

const PEOPLE = [
  {
    personId: 'p-fac',
    role: 'facilitator',
    name: 'Fatima Idrissi',
    organisation: 'Interreg',
    country: 'France',
    timeZone: 'Europe/Paris',
    language: 'fr',
    removed: false,
  },
  {
    personId: 'p-ana',
    role: 'participant',
    name: 'Ana Souza',
    organisation: 'Region of Galicia',
    country: 'Spain',
    timeZone: 'Europe/Madrid',
    language: 'es',
    removed: false,
  },
  {
    personId: 'p-kenji',
    role: 'participant',
    name: 'Kenji Sato',
    organisation: 'Fukuoka City',
    country: 'Japan',
    timeZone: 'Asia/Tokyo',
    language: 'en',
    removed: false,
  },
  {
    personId: 'p-jan',
    role: 'participant',
    name: 'Jan Novák',
    organisation: 'Ministry',
    country: 'Czechia',
    timeZone: 'Europe/Prague',
    language: 'en',
    removed: false,
  },
];

function People() {
  const api = facilitationApi('w1', 'tok-fac');
  const people = useRequest(api.people);
  return <PeoplePanel people={people} api={api} />;
}

function peopleServer(): Call[] {
  const removed = new Set<string>();
  return interceptFetch((c) => {
    if (c.url === '/api/time') return { body: { now: Date.now() } };
    if (c.method === 'GET' && c.url === '/api/workshops/w1/people')
      return { body: { people: PEOPLE.map((p) => ({ ...p, removed: removed.has(p.personId) })) } };
    const m = c.method === 'DELETE' && c.url.match(/^\/api\/workshops\/w1\/people\/([^?]+)(\?notes=remove)?$/);
    if (m) {
      removed.add(m[1]!);
      return { body: m[2] ? { ok: true, notesRemoved: 3, versionId: 'v1' } : { ok: true } };
    }
    if (c.method === 'PUT' && c.url === '/api/workshops/w1/joining') return { body: { joiningOpen: (c.body as { open: boolean }).open } };
    return undefined;
  });
}

describe('the participants panel', () => {
  it('counts who is done with the current phase', async () => {
    peopleServer();
    const control = new Y.Doc();
    const server = new Y.Doc();
    connect(control, server);
    act(() => controlState(server).set('ready', { 'p-ana': 'painPoints', 'p-kenji': 'painPoints', 'p-jan': 'recommendations' }));
    renderWorkshop(<People />, { control, me: FACILITATOR });
    expect(await screen.findByText('2 of 3 ready')).toBeInTheDocument();
    act(() => controlState(server).set('ready', { 'p-ana': 'painPoints', 'p-kenji': 'painPoints', 'p-jan': 'painPoints' }));
    expect(screen.getByText('3 of 3 ready')).toBeInTheDocument();
    expect(screen.getByText('Kenji Sato').closest('li')).toHaveTextContent('Done');
  });

  it('asks before removing someone, and only then calls DELETE with the facilitator’s token', async () => {
    const calls = peopleServer();
    const user = userEvent.setup();
    renderWorkshop(<People />, { me: FACILITATOR });
    await user.click(await screen.findByRole('button', { name: 'Remove Ana Souza' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove Ana Souza from the workshop?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Remove Ana Souza' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'DELETE')).toEqual([
        { method: 'DELETE', url: '/api/workshops/w1/people/p-ana', body: undefined, auth: 'Bearer tok-fac' },
      ]),
    );
    await waitFor(() => expect(screen.queryByText('Ana Souza')).not.toBeInTheDocument());
    expect(screen.getByText('Ana Souza was removed.')).toBeInTheDocument();
    // No one removes themselves from the console.
    expect(screen.queryByRole('button', { name: 'Remove Fatima Idrissi' })).not.toBeInTheDocument();
  });

  it('can remove someone with all their notes and close joining in the same step', async () => {
    const calls = peopleServer();
    const user = userEvent.setup();
    renderWorkshop(<People />, { me: FACILITATOR });
    expect(await screen.findByText('Joining is open: the participant link lets new people in.')).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Remove Kenji Sato' }));
    const dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('checkbox', { name: /Also remove all their notes/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /Also close joining/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.getByText(/Kenji Sato was removed, with 3 notes\./)).toBeInTheDocument());
    expect(calls.filter((c) => c.method !== 'GET').map((c) => [c.method, c.url, c.body])).toEqual([
      ['PUT', '/api/workshops/w1/joining', { open: false }],
      ['DELETE', '/api/workshops/w1/people/p-kenji?notes=remove', undefined],
    ]);
  });
});
