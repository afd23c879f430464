import { createContext } from 'react';

/**
 * The participant link as the console page learnt it from its one `GET /api/workshops/:id`,
 * so the access panel need not ask the server again (each panel asking made a page load send
 * the same request several times). Replacing the link sets it here, so a panel mounted later
 * never shows the old one.
 */
export interface SharedParticipantLink {
  /** From the server; null until the answer comes (or when it does not). */
  joinUrl: string | null;
  setJoinUrl(joinUrl: string): void;
}

/** Null outside the console page: a panel rendered alone asks the server itself. */
export const ParticipantLinkContext = createContext<SharedParticipantLink | null>(null);
