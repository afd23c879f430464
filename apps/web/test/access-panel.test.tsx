import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { saveCredential } from '../src/api/credentials.ts';
import { AccessPanel } from '../src/console/AccessPanel.tsx';
import { ME, renderWorkshop } from './render-workshop.tsx';

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
});
