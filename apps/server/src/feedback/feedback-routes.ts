import type { FastifyInstance } from 'fastify';
import {
  aggregateSurvey,
  COME_AGAIN,
  MAX_FEEDBACK_COMMENT_LENGTH,
  MET_SOMEONE,
  USEFUL_SCORES,
  type FeedbackResults,
  type WorkshopSnapshot,
} from '@crossboard/model';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { requirePerson } from '../http/auth.ts';
import { idSchema } from '../http/id-schema.ts';
import { randomId } from '../auth/random-id.ts';
import { requireWorkshop } from '../http/workshop-path.ts';
import { feedbackRecords, type SurveyRecord } from './feedback-store.ts';

const STAFF = ['facilitator', 'organiser'] as const;
/** Staff read the results; the survey asks the people who took part. */
const RESPONDENTS = ['participant'] as const;

const params = { type: 'object', required: ['id'], properties: { id: idSchema } } as const;
const nullable = <T extends readonly (string | number)[]>(values: T) => ({ enum: [...values, null] });
const answerBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    useful: nullable(USEFUL_SCORES),
    comeAgain: nullable(COME_AGAIN),
    metSomeone: nullable(MET_SOMEONE),
    change: { type: 'string', maxLength: MAX_FEEDBACK_COMMENT_LENGTH },
  },
} as const;
const openBody = { type: 'object', additionalProperties: false, properties: { anonymous: { type: 'boolean' } } } as const;

type AnswerBody = {
  useful?: 1 | 2 | 3 | 4 | 5 | null;
  comeAgain?: (typeof COME_AGAIN)[number] | null;
  metSomeone?: (typeof MET_SOMEONE)[number] | null;
  change?: string;
};

const surveyView = (s: SurveyRecord | null) =>
  s && { status: s.closedAt === null ? ('open' as const) : ('closed' as const), anonymous: s.anonymous, openedAt: s.openedAt };

/** The survey's results for the reports, or undefined when the workshop never ran one. */
export async function feedbackResults(ctx: ServerContext, workshopId: string): Promise<FeedbackResults | undefined> {
  const records = feedbackRecords(ctx);
  if (!(await records.survey(workshopId))) return undefined;
  return aggregateSurvey(await records.answers(workshopId));
}

/** A snapshot with the survey's results added, for the reports staff export. */
export async function withFeedback(ctx: ServerContext, workshopId: string, snapshot: WorkshopSnapshot): Promise<WorkshopSnapshot> {
  const feedback = await feedbackResults(ctx, workshopId);
  return feedback ? { ...snapshot, feedback } : snapshot;
}

/**
 * The end-of-session survey (docs/API.md, "Feedback"): staff open and close it and read the
 * results; each participant answers once. An anonymous survey's answers are stored with no
 * person: who has answered is kept apart, so the one-answer rule needs no link between them.
 */
export async function feedbackRoutes(app: FastifyInstance, { ctx }: { ctx: ServerContext }) {
  const records = feedbackRecords(ctx);

  app.get<{ Params: { id: string } }>('/api/workshops/:id/feedback', { schema: { params } }, async (request, reply) => {
    const w = await requireWorkshop(ctx, request.params.id);
    const you = await requirePerson(ctx, request, w.id);
    reply.header('cache-control', 'no-store');
    return { survey: surveyView(await records.survey(w.id)), answered: await records.hasAnswered(w.id, you.id) };
  });

  app.post<{ Params: { id: string }; Body: { anonymous?: boolean } | undefined }>(
    '/api/workshops/:id/feedback/open',
    { schema: { params, body: openBody } },
    async (request) => {
      const w = await requireWorkshop(ctx, request.params.id);
      await requirePerson(ctx, request, w.id, STAFF);
      const survey = await records.openSurvey(w.id, request.body?.anonymous ?? true, Date.now());
      request.log.info({ workshopId: w.id, anonymous: survey.anonymous }, 'feedback survey opened');
      return { survey: surveyView(survey) };
    },
  );

  app.post<{ Params: { id: string } }>('/api/workshops/:id/feedback/close', { schema: { params } }, async (request) => {
    const w = await requireWorkshop(ctx, request.params.id);
    await requirePerson(ctx, request, w.id, STAFF);
    if (!(await records.closeSurvey(w.id, Date.now()))) throw new HttpError('FEEDBACK_NOT_OPEN');
    return { survey: surveyView(await records.survey(w.id)) };
  });

  app.post<{ Params: { id: string }; Body: AnswerBody }>(
    '/api/workshops/:id/feedback/answers',
    { schema: { params, body: answerBody } },
    async (request, reply) => {
      const w = await requireWorkshop(ctx, request.params.id);
      const you = await requirePerson(ctx, request, w.id, RESPONDENTS);
      const survey = await records.survey(w.id);
      if (!survey || survey.closedAt !== null) throw new HttpError('FEEDBACK_NOT_OPEN');
      const b = request.body;
      const answer = {
        id: randomId(),
        useful: b.useful ?? null,
        comeAgain: b.comeAgain ?? null,
        metSomeone: b.metSomeone ?? null,
        change: (b.change ?? '').trim(),
      };
      if (answer.useful === null && answer.comeAgain === null && answer.metSomeone === null && !answer.change) {
        throw new HttpError('INVALID_BODY', 'Answer at least one question.');
      }
      if (!(await records.addAnswer(w.id, you.id, answer, survey.anonymous))) throw new HttpError('FEEDBACK_ALREADY_ANSWERED');
      return reply.status(201).send({ answered: true });
    },
  );

  app.get<{ Params: { id: string } }>('/api/workshops/:id/feedback/results', { schema: { params } }, async (request, reply) => {
    const w = await requireWorkshop(ctx, request.params.id);
    await requirePerson(ctx, request, w.id, STAFF);
    reply.header('cache-control', 'no-store');
    const survey = await records.survey(w.id);
    return { survey: surveyView(survey), results: survey ? aggregateSurvey(await records.answers(w.id)) : null };
  });
}
