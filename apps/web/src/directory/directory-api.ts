import type { DirectoryEntry, DirectoryProfile } from '@crossboard/model';
import { request } from '../api/client.ts';

const base = (workshopId: string) => `/api/workshops/${encodeURIComponent(workshopId)}/directory`;

export const directoryApi = {
  list: (workshopId: string, token: string) => request<{ people: DirectoryEntry[] }>('GET', base(workshopId), undefined, token),
  mine: (workshopId: string, token: string) =>
    request<{ profile: DirectoryProfile; organisation: string; country: string; themes: string[] }>('GET', `${base(workshopId)}/me`, undefined, token),
  save: (workshopId: string, token: string, profile: DirectoryProfile) => request<{ profile: DirectoryProfile }>('PUT', `${base(workshopId)}/me`, profile, token),
};
