import type { ComeAgain, FeedbackResults, MetSomeone, UsefulScore } from '@crossboard/model';
import { request } from '../api/client.ts';

/** The survey calls of docs/API.md ("Feedback"). */
export interface SurveyState {
  status: 'open' | 'closed';
  anonymous: boolean;
  openedAt: number;
}
export interface SurveyAnswerBody {
  useful: UsefulScore | null;
  comeAgain: ComeAgain | null;
  metSomeone: MetSomeone | null;
  change: string;
}

const base = (id: string) => `/api/workshops/${encodeURIComponent(id)}/feedback`;

export const feedbackApi = {
  state: (id: string, token: string) => request<{ survey: SurveyState | null; answered: boolean }>('GET', base(id), undefined, token),
  open: (id: string, token: string, anonymous: boolean) =>
    request<{ survey: SurveyState }>('POST', `${base(id)}/open`, { anonymous }, token),
  close: (id: string, token: string) => request<{ survey: SurveyState }>('POST', `${base(id)}/close`, {}, token),
  answer: (id: string, token: string, body: SurveyAnswerBody) => request<{ answered: true }>('POST', `${base(id)}/answers`, body, token),
  results: (id: string, token: string) =>
    request<{ survey: SurveyState | null; results: FeedbackResults | null }>('GET', `${base(id)}/results`, undefined, token),
};
