import type { DirectoryProfile, Session } from '@crossboard/model';
import { request } from '../api/client.ts';

export interface PublicForm {
  title: string;
  purpose: string;
  themes: string[];
  sessions: Session[];
  homeTimeZone: string;
  question: string;
  deadline: number | null;
  open: boolean;
}
export interface RegistrationBody {
  name: string;
  organisation: string;
  country: string;
  timeZone: string;
  email: string;
  sessions: number[];
  themes: string[];
  answer: string;
  directory: DirectoryProfile;
}
export type RegistrationStatus = 'pending' | 'admitted' | 'declined';
export interface OwnRegistration {
  workshop: { id: string; title: string; homeTimeZone: string };
  status: RegistrationStatus;
  joined: boolean;
  personalUrl: string;
  sessions: Session[];
  details: RegistrationBody;
  ics: string;
}
export interface StaffRegistration extends RegistrationBody {
  id: string;
  status: RegistrationStatus;
  joined: boolean;
  createdAt: number;
}
type Count<K> = { key: K; count: number };
export interface StaffView {
  form: { code: string; open: boolean; deadline: number | null; question: string } | null;
  url: string | null;
  sessions: Session[];
  themes: string[];
  homeTimeZone: string;
  counts: { total: number; bySession: Count<number>[]; byCountry: Count<string>[]; byTheme: Count<string>[] };
  registrations: StaffRegistration[];
}

const code = (c: string) => encodeURIComponent(c);
const ws = (id: string) => `/api/workshops/${encodeURIComponent(id)}`;

export const registrationApi = {
  form: (c: string) => request<PublicForm>('GET', `/api/registration/${code(c)}`),
  register: (c: string, body: RegistrationBody) =>
    request<OwnRegistration & { secret: string }>('POST', `/api/registration/${code(c)}`, body),
  mine: (secret: string) => request<OwnRegistration>('GET', `/api/registered/${code(secret)}`),
  join: (secret: string) =>
    request<{ workshopId: string; participantId: string; token: string; role: 'participant' }>(
      'POST',
      `/api/registered/${code(secret)}/join`,
    ),
  calendarUrl: (secret: string) => `/api/registered/${code(secret)}/calendar.ics`,
  staff: (id: string, token: string) => request<StaffView>('GET', `${ws(id)}/registrations`, undefined, token),
  setForm: (id: string, token: string, body: { open: boolean; deadline: string | null; question: string }) =>
    request<{ url: string }>('PUT', `${ws(id)}/registration`, body, token),
  setStatus: (id: string, token: string, registrationId: string, status: RegistrationStatus) =>
    request<{ ok: true }>('POST', `${ws(id)}/registrations/${encodeURIComponent(registrationId)}/status`, { status }, token),
};
