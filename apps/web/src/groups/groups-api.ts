import type { Breakout, GroupingMode } from '@crossboard/model';
import { request } from '../api/client.ts';
import { loadCredential } from '../api/credentials.ts';

/** docs/API.md "Breakout groups": the facilitator's commands. Membership itself is read from the control room. */

export interface SplitBody {
  mode: GroupingMode;
  groups?: number;
  size?: number;
  seed?: number;
  minutes?: number;
}

const enc = encodeURIComponent;

export function groupsApi(workshopId: string) {
  const token = loadCredential(workshopId)?.token ?? '';
  const w = `/api/workshops/${enc(workshopId)}/groups`;
  return {
    split: (body: SplitBody) => request<{ breakout: Breakout }>('POST', w, body, token),
    move: (personId: string, groupId: string) =>
      request<{ breakout: Breakout }>('PUT', `${w}/members/${enc(personId)}`, { groupId }, token),
    broadcast: (text: string) => request<{ ok: true }>('POST', `${w}/broadcast`, { text }, token),
    end: (copyNotes: boolean) => request<{ copied: { clusters: number; notes: number } }>('POST', `${w}/end`, { copyNotes }, token),
  };
}
export type GroupsApi = ReturnType<typeof groupsApi>;

export const groupHref = (workshopId: string, groupId: string) => `/w/${enc(workshopId)}/group/${enc(groupId)}`;
