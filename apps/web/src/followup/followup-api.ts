import type { FollowupStep, FollowupSummary, StepStatus } from '@crossboard/model';
import { request } from '../api/client.ts';

/** The follow-up calls of docs/API.md ("Follow-up"): staff with their token, owners with their link. */
export interface StepWithHistory extends FollowupStep {
  history: { at: number; status: StepStatus | null; note: string }[];
}
export interface OwnerView {
  id: string;
  name: string;
  link: { createdAt: number } | null;
  /** Sent to organisers only. */
  email?: string;
}
export interface WorkshopFollowup {
  workshop: { id: string; title: string; homeTimeZone: string };
  today: string;
  summary: FollowupSummary;
  steps: StepWithHistory[];
  owners: OwnerView[];
}
export interface SeriesFollowup {
  series: { id: string; title: string };
  today: string;
  summary: FollowupSummary;
  steps: StepWithHistory[];
}
export interface OwnFollowup {
  workshop: { title: string; homeTimeZone: string };
  owner: { name: string };
  today: string;
  summary: FollowupSummary;
  steps: StepWithHistory[];
}

const enc = encodeURIComponent;

export const followupApi = {
  workshop: (id: string, token: string) => request<WorkshopFollowup>('GET', `/api/workshops/${enc(id)}/followup`, undefined, token),
  series: (id: string, token: string) => request<SeriesFollowup>('GET', `/api/series/${enc(id)}/followup`, undefined, token),
  addOwner: (id: string, token: string, body: { name: string; email?: string }) =>
    request<OwnerView>('POST', `/api/workshops/${enc(id)}/followup/owners`, body, token),
  setEmail: (id: string, token: string, ownerId: string, email: string) =>
    request<OwnerView>('PATCH', `/api/workshops/${enc(id)}/followup/owners/${enc(ownerId)}`, { email }, token),
  issueLink: (id: string, token: string, ownerId: string) =>
    request<{ url: string }>('POST', `/api/workshops/${enc(id)}/followup/owners/${enc(ownerId)}/link`, undefined, token),
  revokeLink: (id: string, token: string, ownerId: string) =>
    request<{ revoked: number }>('DELETE', `/api/workshops/${enc(id)}/followup/owners/${enc(ownerId)}/link`, undefined, token),
  calendarPath: (id: string, ownerId: string) => `/api/workshops/${enc(id)}/followup/owners/${enc(ownerId)}/calendar.ics`,
  own: (link: string) => request<OwnFollowup>('GET', `/api/followup/${enc(link)}`),
  update: (link: string, stepId: string, body: { status?: StepStatus; note?: string }) =>
    request<{ step: { id: string; status: StepStatus } }>('POST', `/api/followup/${enc(link)}/steps/${enc(stepId)}`, body),
};
