import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { i18n, setLanguage } from '../src/i18n/index.ts';
import { WorkshopProvider } from '../src/shared/WorkshopProvider.tsx';
import type { LocalUser } from '../src/shared/workshop-context.ts';
import { useBoardUi } from '../src/board/board-ui-store.ts';

export const ME: LocalUser = {
  id: 'p-me',
  name: 'Mia Laurent',
  organisation: 'City of Lyon',
  timeZone: 'Europe/Paris',
  colour: '#1a56a8',
  role: 'participant',
};

/** Two documents kept in sync like two clients through a server: each applies the other's updates. */
export function connect(a: Y.Doc, b: Y.Doc): () => void {
  const toB = (u: Uint8Array, origin: unknown) => origin !== 'from-peer' && Y.applyUpdate(b, u, 'from-peer');
  const toA = (u: Uint8Array, origin: unknown) => origin !== 'from-peer' && Y.applyUpdate(a, u, 'from-peer');
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'from-peer');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b), 'from-peer');
  a.on('update', toB);
  b.on('update', toA);
  return () => {
    a.off('update', toB);
    b.off('update', toA);
  };
}

export function renderWorkshop(ui: ReactElement, opts: { board?: Y.Doc; control?: Y.Doc; me?: LocalUser } = {}) {
  const board = opts.board ?? new Y.Doc();
  const control = opts.control ?? new Y.Doc();
  const awareness = new Awareness(board);
  const me = opts.me ?? ME;
  setLanguage('en');
  useBoardUi.setState({
    viewport: { panX: 0, panY: 0, zoom: 1, width: 0, height: 0 },
    editingId: null,
    focusRequest: null,
    toast: null,
  });
  const result = render(
    <I18nextProvider i18n={i18n}>
      <WorkshopProvider workshopId="w1" board={board} control={control} awareness={awareness} me={me}>
        {ui}
      </WorkshopProvider>
    </I18nextProvider>,
  );
  return { ...result, board, control, awareness, me };
}
