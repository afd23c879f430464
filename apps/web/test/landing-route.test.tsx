import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../src/app/App.tsx';

describe('the landing page, a route of its own', () => {
  it('says it is opening Crossboard, not a workshop, while its code loads, then shows the page', async () => {
    window.history.replaceState(null, '', '/');
    render(<App />);
    expect(screen.getByRole('status')).toHaveTextContent('Opening Crossboard…');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Run a workshop everyone can join, wherever they are' }),
    ).toBeInTheDocument();
  });
});
