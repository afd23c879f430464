import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { createRecommendation, listRecommendations, reportRecommendations } from '@crossboard/model';
import { RecommendationCard } from '../src/report/RecommendationCard.tsx';
import { ME, renderWorkshop } from './render-workshop.tsx';

// The description editor (Tiptap) plays no part in deleting.
vi.mock('../src/report/RichTextEditor.tsx', () => ({ RichTextEditor: () => null }));

describe('deleting a recommendation', () => {
  it('asks first; Cancel keeps it, confirming deletes it', async () => {
    const user = userEvent.setup();
    const report = new Y.Doc();
    const id = createRecommendation(report, { title: 'A pooled fund' });
    const map = reportRecommendations(report).get(id)!;
    renderWorkshop(
      <RecommendationCard report={report} map={map} position={1} votes={0} painPointItems={[]} visionItems={[]} owners={[]} canEdit />,
      {
        me: { ...ME, role: 'facilitator' },
      },
    );

    await user.click(screen.getByRole('button', { name: 'Delete recommendation “A pooled fund”' }));
    expect(screen.getByRole('alertdialog', { name: 'Delete “A pooled fund”?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(listRecommendations(report)).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Delete recommendation “A pooled fund”' }));
    await user.click(screen.getByRole('button', { name: 'Delete recommendation' }));
    expect(listRecommendations(report)).toHaveLength(0);
  });
});
