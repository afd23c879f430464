import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { Role } from '@crossboard/model';

/** The person at this keyboard, as they appear to others (awareness `user`, note authors). */
export interface LocalUser {
  id: string;
  name: string;
  organisation: string;
  timeZone: string;
  colour: string;
  role: Role;
}

/**
 * Everything a board needs, independent of where the documents come from: the sync layer in
 * the app, plain Y.Docs in component tests, the facilitator console later.
 */
export interface WorkshopContextValue {
  workshopId: string;
  board: Y.Doc;
  control: Y.Doc;
  awareness: Awareness;
  me: LocalUser;
  undo: Y.UndoManager;
}

export const WorkshopContext = createContext<WorkshopContextValue | null>(null);

export function useWorkshop(): WorkshopContextValue {
  const ctx = useContext(WorkshopContext);
  if (!ctx) throw new Error('useWorkshop outside <WorkshopProvider>');
  return ctx;
}
