import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setLanguage } from '../src/i18n/index.ts';
import { CreateWizard } from '../src/create/CreateWizard.tsx';
import { loadCredential } from '../src/api/credentials.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
  setLanguage('en');
});

function serverCreates() {
  const bodies: Record<string, unknown>[] = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    bodies.push(JSON.parse(String(init.body)) as Record<string, unknown>);
    const created = { id: 'w1', facilitatorId: 'p1', facilitatorToken: 'tok.en', joinUrl: '/w/w1/join' };
    return new Response(JSON.stringify(created), { status: 201 });
  });
  return bodies;
}

describe('the set-up wizard', () => {
  it('walks a first-time facilitator through five steps from the keyboard and keeps their link', async () => {
    setLanguage('en');
    const bodies = serverCreates();
    const user = userEvent.setup();
    render(<CreateWizard homeTimeZone="Europe/Paris" />);

    const steps = screen.getByRole('list', { name: 'Step 1 of 5' });
    expect(within(steps).getAllByRole('listitem')[0]).toHaveAttribute('aria-current', 'step');
    expect(screen.getByRole('radio', { name: /Cross-border, three phases/ })).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Next' }));
    // Each step's heading takes focus, so a screen reader starts at its top.
    expect(screen.getByRole('heading', { name: 'Step 2 of 5: About' })).toHaveFocus();
    await user.click(screen.getByLabelText('Title'));
    await user.keyboard('{Enter}');
    expect(screen.getByText('Give the workshop a title.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Title'), 'Cross-border, June{Enter}');

    expect(screen.getByRole('heading', { name: 'Step 3 of 5: You and the sessions' })).toHaveFocus();
    await user.type(screen.getByLabelText('Your name'), 'Ana Ruiz');
    await user.click(screen.getByRole('button', { name: 'Add a session' }));
    const first = screen.getByRole('group', { name: 'Session 1' });
    await user.clear(within(first).getByLabelText('Date'));
    await user.type(within(first).getByLabelText('Date'), '2027-06-03');
    expect(within(first).getByRole('list', { name: 'Session 1 in other time zones' }).textContent).toMatch(
      /Dubai Thu (17:30–20:00|05:30 PM–08:00 PM)/,
    );
    expect(
      within(first)
        .getByText(/Singapore/)
        .closest('li'),
    ).toHaveClass('is-night');

    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('150 minutes of a 150-minute session')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('heading', { name: /Step 3 of 5/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Create workshop' }));

    expect(await screen.findByRole('heading', { name: '“Cross-border, June” is ready' })).toBeInTheDocument();
    expect(screen.getByLabelText('Your private facilitator link')).toHaveValue(`${window.location.origin}/w/w1/accept#token=tok.en`);
    expect(screen.getByText('Keep your facilitator link')).toBeInTheDocument();
    expect(bodies[0]).toMatchObject({
      title: 'Cross-border, June',
      template: 'cross-border',
      homeTimeZone: 'Europe/Paris',
      facilitatorName: 'Ana Ruiz',
      sessions: [{ label: 'Session 1', start: '2027-06-03T15:30', end: '2027-06-03T18:00' }],
      phaseQuestions: { painPoints: 'What makes collaborating across borders and jurisdictions hard?' },
    });
    expect((bodies[0]!.agenda as unknown[]).length).toBe(7);
    expect(loadCredential('w1')).toMatchObject({
      role: 'facilitator',
      title: 'Cross-border, June',
      sessions: [{ start: Date.UTC(2027, 5, 3, 13, 30) }],
    });
  });

  it('gives a later session its own agenda, leaving session 1’s as it was', async () => {
    setLanguage('en');
    const bodies = serverCreates();
    const user = userEvent.setup();
    render(<CreateWizard homeTimeZone="Europe/Paris" />);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(screen.getByLabelText('Title'), 'Two sessions');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Add a session' }));
    await user.click(screen.getByRole('button', { name: 'Add a session' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));

    // Session 1's agenda is the shared one; session 2 follows it until changed.
    expect(screen.getByText('Session 1’s agenda is also every session’s that you do not change.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Agenda of'), 'Session 2');
    expect(screen.getByText('Session 2 follows session 1’s agenda until you change it here.')).toBeInTheDocument();
    expect(screen.getAllByRole('combobox', { name: /^Item \d+: what$/ })).toHaveLength(7);
    await user.click(screen.getByRole('button', { name: 'Remove item 7' }));
    expect(screen.getByText('Session 2 has its own agenda.')).toBeInTheDocument();
    expect(screen.getAllByRole('combobox', { name: /^Item \d+: what$/ })).toHaveLength(6);
    // Session 1 is untouched.
    await user.selectOptions(screen.getByLabelText('Agenda of'), 'Session 1');
    expect(screen.getAllByRole('combobox', { name: /^Item \d+: what$/ })).toHaveLength(7);

    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Create workshop' }));
    await screen.findByRole('heading', { name: '“Two sessions” is ready' });
    const sent = bodies[0]!.sessionAgendas as (unknown[] | null)[];
    expect(sent).toHaveLength(2);
    expect(sent[0]).toBeNull();
    expect(sent[1]).toHaveLength(6);
    expect(bodies[0]!.agenda as unknown[]).toHaveLength(7);
  });

  it('copies session 1’s agenda over a later session’s own', async () => {
    setLanguage('en');
    const user = userEvent.setup();
    render(<CreateWizard homeTimeZone="Europe/Paris" />);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(screen.getByLabelText('Title'), 'Two sessions');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Add a session' }));
    await user.click(screen.getByRole('button', { name: 'Add a session' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.selectOptions(screen.getByLabelText('Agenda of'), 'Session 2');
    await user.click(screen.getByRole('button', { name: 'Remove item 1' }));
    await user.click(screen.getByRole('button', { name: 'Remove item 1' }));
    expect(screen.getAllByRole('combobox', { name: /^Item \d+: what$/ })).toHaveLength(5);
    await user.click(screen.getByRole('button', { name: 'Copy from session 1' }));
    expect(screen.getAllByRole('combobox', { name: /^Item \d+: what$/ })).toHaveLength(7);
    expect(screen.getByText('150 minutes of a 150-minute session')).toBeInTheDocument();
  });

  it('brings the template’s questions in the facilitator’s language', async () => {
    setLanguage('fr');
    const user = userEvent.setup();
    render(<CreateWizard homeTimeZone="Europe/Paris" />);
    await user.click(screen.getByRole('button', { name: 'Suivant' }));
    expect(screen.getByLabelText('Question pour Difficultés')).toHaveValue(
      'Qu’est-ce qui rend difficile la coopération entre pays et juridictions\u202f?',
    );
  });

  it('brings the template’s purpose and themes in Spanish, switching templates too, and creates the workshop with them', async () => {
    setLanguage('es');
    const bodies = serverCreates();
    const user = userEvent.setup();
    render(<CreateWizard homeTimeZone="Europe/Madrid" />);
    // Another template and back: each brings its own words in the facilitator's language.
    await user.click(screen.getByRole('radio', { name: /Retrospectiva/ }));
    await user.click(screen.getByRole('radio', { name: /Transfronterizo/ }));
    await user.click(screen.getByRole('button', { name: 'Siguiente' }));
    expect(screen.getByLabelText('Propósito')).toHaveValue(
      'Identificar los puntos de dolor, imaginar futuros óptimos gracias a la colaboración transfronteriza y elaborar recomendaciones y pasos de acción.',
    );
    const themes = (screen.getByLabelText('Temas') as HTMLTextAreaElement).value.split('\n');
    expect(themes).toHaveLength(8);
    expect(themes[0]).toBe('Sostenibilidad');
    expect(themes).toContain('Intercambio de datos y sistemas interoperables');

    await user.type(screen.getByLabelText('Título'), 'Taller transfronterizo');
    for (let i = 0; i < 3; i++) await user.click(screen.getByRole('button', { name: 'Siguiente' }));
    await user.click(screen.getByRole('button', { name: 'Crear taller' }));
    await screen.findByRole('heading', { name: /está listo/ });
    expect(bodies[0]).toMatchObject({
      purpose: expect.stringMatching(/^Identificar los puntos de dolor/),
      themes,
      facilitatorLanguage: 'es',
    });
  });

  it('fills the retrospective in French with French spacing', async () => {
    setLanguage('fr');
    const user = userEvent.setup();
    render(<CreateWizard homeTimeZone="Europe/Paris" />);
    await user.click(screen.getByRole('radio', { name: /Rétrospective/ }));
    await user.click(screen.getByRole('button', { name: 'Suivant' }));
    expect(screen.getByLabelText('Objectif')).toHaveValue(
      'Faire le point ensemble\u00a0: ce qui nous a freinés, à quoi ressemblerait la réussite la prochaine fois, et ce que nous changerons.',
    );
    expect(screen.getByLabelText('Thèmes')).toHaveValue('Méthode\nOutils\nPersonnes et communication');
  });
});
