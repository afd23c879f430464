import type { FastifyInstance } from 'fastify';
import { ORIGIN, controlState, currentPhase, isCheckinOpen, readiness, roomName, setCheckinOpen } from '@crossboard/model';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { requirePerson } from '../http/auth.ts';
import { requireWorkshop, workshopParams } from '../http/workshop-path.ts';
import { randomId } from '../auth/random-id.ts';
import { checkinRecords } from './checkin-records.ts';

/** The facilitator's prompt, e.g. "Where are you joining from, and what brings you here?". */
export const MAX_CHECKIN_PROMPT_LENGTH = 200;
/** One card's answer: a sentence or two. */
export const MAX_CHECKIN_ANSWER_LENGTH = 280;

type IdParams = { id: string };

/**
 * The check-in round: the facilitator starts one with a prompt; each person answers once
 * (editable) and the wall shows every card with its author's name, country and time zone,
 * for the viewer to show local time. Answering marks the participant ready for the current
 * phase (control state `ready`, as "I'm done" does). Cards are kept per round and
 * never go into the report (nothing in export/ reads them).
 */
export async function checkinRoutes(app: FastifyInstance, { ctx }: { ctx: ServerContext }) {
  app.post<{ Params: IdParams; Body: { prompt: string } }>(
    '/api/workshops/:id/checkin',
    {
      schema: {
        params: workshopParams,
        body: {
          type: 'object',
          required: ['prompt'],
          additionalProperties: false,
          properties: { prompt: { type: 'string', minLength: 1, maxLength: MAX_CHECKIN_PROMPT_LENGTH } },
        },
      },
    },
    async (request, reply) => {
      const w = await requireWorkshop(ctx, request.params.id);
      await requirePerson(ctx, request, w.id, ['facilitator']);
      const prompt = request.body.prompt.trim();
      if (!prompt) throw new HttpError('INVALID_BODY', 'body/prompt must not be blank');
      const round = { id: randomId(), prompt, startedAt: Date.now(), endedAt: null };
      await checkinRecords(ctx).startRound(w.id, round);
      // Boards already open learn of the round live, through the control room they sync.
      await ctx.rooms.use(roomName({ workshopId: w.id, kind: 'control' }), (room) =>
        room.change((doc) => {
          if (!isCheckinOpen(doc)) setCheckinOpen(doc, true);
        }, ORIGIN.serverCommand),
      );
      return reply.status(201).send({ round });
    },
  );

  // Ending keeps the round and its cards (the wall stays readable); it only closes answers and
  // takes the link out of participants' navigation, live through the control room.
  app.post<{ Params: IdParams }>('/api/workshops/:id/checkin/end', { schema: { params: workshopParams } }, async (request) => {
    const w = await requireWorkshop(ctx, request.params.id);
    await requirePerson(ctx, request, w.id, ['facilitator']);
    const records = checkinRecords(ctx);
    const round = await records.currentRound(w.id);
    if (!round) throw new HttpError('NOT_FOUND', 'No check-in round has started yet.');
    // Ending twice (two facilitators, a double click) is not an error: the round is ended either way.
    await records.endRound(w.id, round.id, Date.now());
    await ctx.rooms.use(roomName({ workshopId: w.id, kind: 'control' }), (room) =>
      room.change((doc) => {
        if (isCheckinOpen(doc)) setCheckinOpen(doc, false);
      }, ORIGIN.serverCommand),
    );
    return { round: await records.currentRound(w.id) };
  });

  app.get<{ Params: IdParams }>('/api/workshops/:id/checkin', { schema: { params: workshopParams } }, async (request, reply) => {
    const w = await requireWorkshop(ctx, request.params.id);
    await requirePerson(ctx, request, w.id);
    reply.header('cache-control', 'no-store');
    const records = checkinRecords(ctx);
    const round = await records.currentRound(w.id);
    const people = (await ctx.storage.listPeople(w.id)).filter((p) => !p.revoked);
    // "ready of people" is the console's count: participants only, so the facilitator's own
    // card (or absence of one) never makes the wall disagree with the console.
    const tally = (answered: string[]) => {
      const { ready, total } = readiness(
        people.map((p) => ({ id: p.id, role: p.role, removed: false })),
        answered,
      );
      return { ready, people: total };
    };
    if (!round) return { round: null, open: false, cards: [], ...tally([]) };
    const byId = new Map(people.map((p) => [p.id, p]));
    const cards = [];
    for (const a of await records.answers(w.id, round.id)) {
      const p = byId.get(a.personId);
      // A removed person's card leaves the wall with them.
      if (!p) continue;
      cards.push({ personId: p.id, name: p.name, country: p.country, timeZone: p.timeZone, answer: a.answer, answeredAt: a.answeredAt });
    }
    return { round, open: round.endedAt === null, cards, ...tally(cards.map((c) => c.personId)) };
  });

  app.put<{ Params: IdParams; Body: { answer: string } }>(
    '/api/workshops/:id/checkin/me',
    {
      schema: {
        params: workshopParams,
        body: {
          type: 'object',
          required: ['answer'],
          additionalProperties: false,
          properties: { answer: { type: 'string', minLength: 1, maxLength: MAX_CHECKIN_ANSWER_LENGTH } },
        },
      },
    },
    async (request) => {
      const w = await requireWorkshop(ctx, request.params.id);
      const you = await requirePerson(ctx, request, w.id);
      const answer = request.body.answer.trim();
      if (!answer) throw new HttpError('INVALID_BODY', 'body/answer must not be blank');
      const records = checkinRecords(ctx);
      const round = await records.currentRound(w.id);
      if (!round) throw new HttpError('NOT_FOUND', 'No check-in round has started yet.');
      if (round.endedAt !== null) throw new HttpError('CHECKIN_ENDED');
      await records.setAnswer(w.id, round.id, { personId: you.id, answer, answeredAt: Date.now() });
      // Answering counts as ready, the same mark the participant's "I'm done" sets (facilitation-routes).
      if (you.role === 'participant') {
        await ctx.rooms.use(roomName({ workshopId: w.id, kind: 'control' }), (room) =>
          room.change((doc) => {
            const state = controlState(doc);
            const ready = { ...((state.get('ready') as Record<string, string> | undefined) ?? {}) };
            if (ready[you.id] === currentPhase(doc)) return;
            ready[you.id] = currentPhase(doc);
            state.set('ready', ready);
          }, ORIGIN.serverCommand),
        );
      }
      return { ok: true };
    },
  );
}
