import { afterEach, describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { i18n, setLanguage } from '../src/i18n/index.ts';
import { ConnectionStatus } from '../src/ui/ConnectionStatus.tsx';
import { EMPTY_ROOM, useConnectionStore } from '../src/sync/connection-store.ts';

afterEach(() => useConnectionStore.setState({ rooms: {} }));

function refusedWith(code: number, reason: 'removed' | 'invalidInvitation') {
  setLanguage('en');
  render(
    <I18nextProvider i18n={i18n}>
      <ConnectionStatus roomNames={['w1/board']} rejoinHref="/w/w1/join" />
    </I18nextProvider>,
  );
  act(() => useConnectionStore.getState().setRoom('w1/board', { ...EMPTY_ROOM, refused: { code, reason, message: reason } }));
}

describe('a refused connection', () => {
  it('tells a removed person they were removed, with no way to join again', () => {
    refusedWith(4410, 'removed');
    expect(screen.getByRole('status')).toHaveTextContent('The facilitator has removed you from this workshop.');
    expect(screen.queryByRole('link', { name: 'Join again' })).not.toBeInTheDocument();
  });

  it('still offers a fresh join when an invitation is no longer valid', () => {
    refusedWith(4401, 'invalidInvitation');
    expect(screen.getByRole('link', { name: 'Join again' })).toHaveAttribute('href', '/w/w1/join');
  });
});
