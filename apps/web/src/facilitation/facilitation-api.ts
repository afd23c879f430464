import type { Phase, Role, Tallies, VotingConfig } from '@crossboard/model';
import { ApiError, request } from '../api/client.ts';
import { loadCredential } from '../api/credentials.ts';

/** The "Facilitation" section of docs/API.md, typed for the console and the participants' widgets. */

export interface Person {
  personId: string;
  role: Role;
  name: string;
  organisation: string;
  country: string;
  timeZone: string;
  language: string;
  removed: boolean;
}
export interface MyVotes {
  votes: Record<string, number>;
  remaining: number;
}
/** One participant's drafts as a facilitator may know them (docs/API.md): never their text. */
export interface DraftCount {
  personId: string;
  name: string;
  count: number;
  /** In outline order: each draft's id (to remove it) and its length in characters. */
  notes: { id: string; length: number }[];
}
export interface Version {
  versionId: string;
  createdAt: number | string;
  reason: string;
}
export interface OpenVotingBody {
  phase: Phase;
  target: 'notes' | 'clusters';
  votesPerPerson: number;
  maxPerItem?: number;
}

export interface InvitationBody {
  role: 'facilitator' | 'organiser';
  name?: string;
  organisation?: string;
}

const enc = encodeURIComponent;
const base = (id: string) => `/api/workshops/${enc(id)}`;

export function facilitationApi(workshopId: string, token: string) {
  const w = base(workshopId);
  return {
    people: () => request<{ people: Person[] }>('GET', `${w}/people`, undefined, token),
    invite: (body: InvitationBody) => request<{ token: string; personId: string }>('POST', `${w}/invitations`, body, token),
    removePerson: (personId: string, options: { withNotes?: boolean } = {}) =>
      request<{ ok: true; notesRemoved?: number }>(
        'DELETE',
        `${w}/people/${enc(personId)}${options.withNotes ? '?notes=remove' : ''}`,
        undefined,
        token,
      ),
    setJoiningOpen: (open: boolean) => request<{ joiningOpen: boolean }>('PUT', `${w}/joining`, { open }, token),
    setReady: (ready: boolean) => request<unknown>('POST', `${w}/ready`, { ready }, token),
    openVoting: (body: OpenVotingBody) => request<{ voting: VotingConfig }>('POST', `${w}/voting/open`, body, token),
    closeVoting: () => request<{ tallies: Tallies }>('POST', `${w}/voting/close`, {}, token),
    votingProgress: () => request<{ voters: number; votesCast: number }>('GET', `${w}/voting/progress`, undefined, token),
    myVotes: () => request<MyVotes>('GET', `${w}/votes/mine`, undefined, token),
    castVote: (itemId: string) => request<MyVotes>('POST', `${w}/votes`, { itemId }, token),
    withdrawVote: (itemId: string) => request<MyVotes>('DELETE', `${w}/votes/${enc(itemId)}`, undefined, token),
    drafts: () => request<{ drafts: DraftCount[] }>('GET', `${w}/drafts`, undefined, token),
    removeDraft: (personId: string, noteId: string) =>
      request<unknown>('DELETE', `${w}/drafts/${enc(personId)}/${enc(noteId)}`, undefined, token),
    revealDrafts: () => request<{ moved: number }>('POST', `${w}/drafts/reveal`, {}, token),
    versions: () => request<{ versions: Version[] }>('GET', `${w}/versions`, undefined, token),
    takeVersion: () => request<{ versionId: string }>('POST', `${w}/versions`, {}, token),
    restoreVersion: (versionId: string) => request<{ versionId: string }>('POST', `${w}/versions/${enc(versionId)}/restore`, {}, token),
  };
}
export type FacilitationApi = ReturnType<typeof facilitationApi>;

/**
 * The API bound to this browser's token for the workshop. The credential in localStorage is
 * the one source of the token (WorkshopPage reads it the same way), so nothing has to thread it.
 */
export function apiFor(workshopId: string): FacilitationApi {
  return facilitationApi(workshopId, loadCredential(workshopId)?.token ?? '');
}

/** The server's sentence for a failed call (docs/API.md errors are written for users). */
export function errorMessage(err: unknown): string {
  return err instanceof ApiError ? err.message : err instanceof Error ? err.message : String(err);
}
