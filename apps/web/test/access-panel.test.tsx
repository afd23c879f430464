import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { saveCredential } from '../src/api/credentials.ts';
import { AccessPanel } from '../src/console/AccessPanel.tsx';
import { ParticipantLinkContext } from '../src/console/participant-link.ts';
import { ME, renderWorkshop } from './render-workshop.tsx';
import qrcode from 'qrcode-generator';

/** The dark modules the panel drew, read back from its SVG path ("M{col} {row}h1v1h-1z" each). */
function drawnModules(svg: Element): string[] {
  const d = svg.querySelector('path')?.getAttribute('d') ?? '';
  return [...d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map(([, x, y]) => `${x},${y}`).sort();
}

/** The library's own encoding of `text`, independently of the panel, with the 4-module margin. */
function expectedModules(text: string): string[] {
  const code = qrcode(0, 'M');
  code.addData(text);
  code.make();
  const out: string[] = [];
  for (let r = 0; r < code.getModuleCount(); r++)
    for (let c = 0; c < code.getModuleCount(); c++) if (code.isDark(r, c)) out.push(`${c + 4},${r + 4}`);
  return out.sort();
}

/** The page's link as the page last held it. */
const sharedLink = { current: '' };
/** What ConsolePage does with the answer to its own GET /api/workshops/:id. */
function ConsoleLink({ initial }: { initial: string }) {
  const [joinUrl, setJoinUrl] = useState<string | null>(initial);
  sharedLink.current = joinUrl ?? '';
  return (
    <ParticipantLinkContext.Provider value={{ joinUrl, setJoinUrl }}>
      <AccessPanel />
    </ParticipantLinkContext.Provider>
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('the console’s links', () => {
  it('gives a co-facilitator the participant link, replaces it only after asking, and keeps their own link at hand', async () => {
    const user = userEvent.setup();
    const calls: string[] = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      calls.push(`${init?.method ?? 'GET'} ${url}`);
      const body = url.endsWith('/rotate')
        ? { joinUrl: '/w/w1/join?code=new' }
        : { id: 'w1', title: 'T', you: { role: 'facilitator' }, joinUrl: '/w/w1/join?code=old' };
      return new Response(JSON.stringify(body), { status: 200 });
    });
    // Came in through an invitation: this browser never saw the participant link.
    saveCredential('w1', { token: 'co.tok', personId: 'p2', role: 'facilitator' });
    renderWorkshop(<AccessPanel />, { me: { ...ME, role: 'facilitator' } });

    expect(await screen.findByDisplayValue(`${window.location.origin}/w/w1/join?code=old`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Replace the participant link…' }));
    expect(screen.getByRole('alertdialog', { name: 'Replace the participant link?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(calls.filter((c) => c.includes('rotate'))).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Replace the participant link…' }));
    await user.click(screen.getByRole('button', { name: 'Replace link' }));
    expect(await screen.findByDisplayValue(`${window.location.origin}/w/w1/join?code=new`)).toBeInTheDocument();
    expect(calls).toContain('POST /api/workshops/w1/join-link/rotate');
    expect(screen.getByLabelText('Your private facilitator link')).toHaveValue(`${window.location.origin}/w/w1/accept#token=co.tok`);
  });

  it('shows the participant link as a QR code that follows a replaced link, and shows it large for a projector', async () => {
    const user = userEvent.setup();
    vi.stubGlobal('fetch', async (url: string) => {
      const body = url.endsWith('/rotate')
        ? { joinUrl: '/w/w1/join?code=new' }
        : { id: 'w1', title: 'T', you: { role: 'facilitator' }, joinUrl: '/w/w1/join?code=old' };
      return new Response(JSON.stringify(body), { status: 200 });
    });
    saveCredential('w1', { token: 'co.tok', personId: 'p2', role: 'facilitator' });
    renderWorkshop(<AccessPanel />, { me: { ...ME, role: 'facilitator' } });
    const oldUrl = `${window.location.origin}/w/w1/join?code=old`;
    const newUrl = `${window.location.origin}/w/w1/join?code=new`;

    await screen.findByDisplayValue(oldUrl);
    const before = drawnModules(screen.getByRole('img', { name: 'QR code for the participant link' }));
    expect(before).toEqual(expectedModules(oldUrl));

    await user.click(screen.getByRole('button', { name: 'Replace the participant link…' }));
    await user.click(screen.getByRole('button', { name: 'Replace link' }));
    await screen.findByDisplayValue(newUrl);
    const after = drawnModules(screen.getByRole('img', { name: 'QR code for the participant link' }));
    expect(after).toEqual(expectedModules(newUrl));
    expect(after).not.toEqual(before);

    // Large for the projector, from the keyboard, and Escape puts focus back on the button.
    const showLarge = screen.getByRole('button', { name: 'Show the QR code large' });
    showLarge.focus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Scan to join the workshop' });
    expect(drawnModules(within(dialog).getByRole('img', { name: 'QR code for the participant link' }))).toEqual(after);
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(showLarge).toHaveFocus();
  });

  it('inside the console page, takes the link the page already has and asks the server only to replace it', async () => {
    const user = userEvent.setup();
    const calls: string[] = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      calls.push(`${init?.method ?? 'GET'} ${url}`);
      return new Response(JSON.stringify({ joinUrl: '/w/w1/join?code=new' }), { status: 200 });
    });
    saveCredential('w1', { token: 'co.tok', personId: 'p2', role: 'facilitator' });
    renderWorkshop(<ConsoleLink initial="/w/w1/join?code=old" />, { me: { ...ME, role: 'facilitator' } });

    expect(screen.getByDisplayValue(`${window.location.origin}/w/w1/join?code=old`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Replace the participant link…' }));
    await user.click(screen.getByRole('button', { name: 'Replace link' }));
    expect(await screen.findByDisplayValue(`${window.location.origin}/w/w1/join?code=new`)).toBeInTheDocument();
    // The page holds the new link, so a panel shown again later does not bring back the old one.
    expect(sharedLink.current).toBe('/w/w1/join?code=new');
    expect(calls).toEqual(['POST /api/workshops/w1/join-link/rotate']);
  });
});
