import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

const requested = vi.fn();
vi.mock('../src/pages/WorkshopPage.tsx', () => {
  requested();
  return { WorkshopPage: ({ workshopId }: { workshopId: string }) => <p>board of {workshopId}</p> };
});

describe('opening a board by its link', () => {
  it("asks for the board's code as the app starts, before its first render", async () => {
    window.history.replaceState(null, '', '/w/abc');
    const { App } = await import('../src/app/App.tsx');
    // The board's sockets open only once its page is shown: every round trip before counts.
    await vi.waitFor(() => expect(requested).toHaveBeenCalled(), { timeout: 1_000 });
    render(<App />);
    expect(await screen.findByText('board of abc')).toBeInTheDocument();
  });
});
