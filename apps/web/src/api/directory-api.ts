import type { DirectoryEntry, DirectoryProfile } from '@crossboard/model';
import { request } from './client.ts';

export interface MeetSuggestion {
  entry: DirectoryEntry;
  reasons: ('themes' | 'canHelpYou' | 'youCanHelp' | 'otherCountry')[];
  sharedThemes: string[];
  sharedHours: number[];
  ics: string | null;
}

/** The listed people of the series' other workshops, by workshop title; null outside a series. */
export interface SeriesDirectory {
  title: string;
  workshops: { title: string; people: DirectoryEntry[] }[];
}

const base = (workshopId: string) => `/api/workshops/${encodeURIComponent(workshopId)}/directory`;

export const directoryApi = {
  list: (workshopId: string, token: string) => request<{ people: DirectoryEntry[] }>('GET', base(workshopId), undefined, token),
  series: (workshopId: string, token: string) =>
    request<{ series: SeriesDirectory | null }>('GET', `${base(workshopId)}/series`, undefined, token),
  mine: (workshopId: string, token: string) =>
    request<{ profile: DirectoryProfile; organisation: string; country: string; themes: string[] }>(
      'GET',
      `${base(workshopId)}/me`,
      undefined,
      token,
    ),
  suggestions: (workshopId: string, token: string) =>
    request<{ listed: boolean; suggestions: MeetSuggestion[] }>('GET', `${base(workshopId)}/suggestions`, undefined, token),
  save: (workshopId: string, token: string, profile: DirectoryProfile) =>
    request<{ profile: DirectoryProfile }>('PUT', `${base(workshopId)}/me`, profile, token),
};

export interface CheckinCard {
  personId: string;
  name: string;
  country: string;
  timeZone: string;
  answer: string;
  answeredAt: number;
}
export interface CheckinWall {
  /** The newest round, ended or not; its cards stay readable after it ends. */
  round: { id: string; prompt: string; startedAt: number; endedAt: number | null } | null;
  /** Whether answers are taken: a round has started and not ended. */
  open: boolean;
  cards: CheckinCard[];
  ready: number;
  people: number;
}
const checkin = (workshopId: string) => `/api/workshops/${encodeURIComponent(workshopId)}/checkin`;

export const checkinApi = {
  wall: (workshopId: string, token: string) => request<CheckinWall>('GET', checkin(workshopId), undefined, token),
  start: (workshopId: string, token: string, prompt: string) => request<unknown>('POST', checkin(workshopId), { prompt }, token),
  answer: (workshopId: string, token: string, answer: string) => request<unknown>('PUT', `${checkin(workshopId)}/me`, { answer }, token),
  end: (workshopId: string, token: string) => request<unknown>('POST', `${checkin(workshopId)}/end`, undefined, token),
};
