import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { VersionsPanel } from '../src/console/VersionsPanel.tsx';
import type { FacilitationApi } from '../src/facilitation/facilitation-api.ts';
import { renderWorkshop } from './render-workshop.tsx';

const at = (s: number) => new Date(Date.UTC(2027, 5, 3, 13, 30, s)).toISOString();

describe('the version history', () => {
  it('says in words why each version was taken, what it holds and what changed', async () => {
    const api = {
      versions: async () => ({
        versions: [
          { versionId: 'a', createdAt: at(5), reason: 'activity', notes: { painPoints: 1, visions: 0, recommendations: 0 } },
          { versionId: 'b', createdAt: at(40), reason: 'phase-change', notes: { painPoints: 3, visions: 0, recommendations: 0 } },
        ],
      }),
    } as unknown as FacilitationApi;
    renderWorkshop(<VersionsPanel api={api} />);

    expect(await screen.findByText(/Before a phase change/)).toBeInTheDocument();
    expect(screen.getByText(/Saved while people were writing/)).toBeInTheDocument();
    expect(
      screen.getByText('Pain points 3 · Future visions 0 · Recommendations 0 — 2 notes more than the version before'),
    ).toBeInTheDocument();
    // Two versions taken in the same minute are told apart by their seconds.
    expect(screen.queryByText(/phase-change|activity/)).not.toBeInTheDocument();
    expect(screen.getByText(/Before a phase change/).textContent).toMatch(/:40\b[^·]* · Before a phase change$/);
  });
});
