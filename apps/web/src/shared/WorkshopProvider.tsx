import { useEffect, useMemo, type ReactNode } from 'react';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { boardClusters, boardNotes, ORIGIN } from '@crossboard/model';
import { WorkshopContext, type LocalUser } from './workshop-context.ts';

interface Props {
  workshopId: string;
  board: Y.Doc;
  control: Y.Doc;
  awareness: Awareness;
  me: LocalUser;
  children: ReactNode;
}

/** Provides the workshop's documents and the local user's undo history to the boards. */
export function WorkshopProvider({ workshopId, board, control, awareness, me, children }: Props) {
  // Undo covers only this user's own changes (ORIGIN.local): never a remote user's edit.
  const undo = useMemo(
    () => new Y.UndoManager([boardNotes(board), boardClusters(board)], { trackedOrigins: new Set([ORIGIN.local]) }),
    [board],
  );
  useEffect(() => () => undo.destroy(), [undo]);

  useEffect(() => {
    awareness.setLocalStateField('user', me);
    if (awareness.getLocalState()?.status === undefined) awareness.setLocalStateField('status', 'active');
  }, [awareness, me]);

  const value = useMemo(() => ({ workshopId, board, control, awareness, me, undo }), [workshopId, board, control, awareness, me, undo]);
  return <WorkshopContext.Provider value={value}>{children}</WorkshopContext.Provider>;
}
