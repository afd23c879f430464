import { addActionStep, boardNotes, createNote, createRecommendation, listRecommendations, type Credit } from '@crossboard/model';
import { eventually, call as httpCall } from '@crossboard/testkit';
import { connectSynced } from './clients.ts';
import { createWorkshop, type TestServer } from './server.ts';

export interface Person {
  name: string;
  organisation: string;
  country: string;
  credit: Credit;
  note: string;
}
export interface BuiltWorkshop {
  id: string;
  token: string;
  recommendationId: string;
  people: { token: string; participantId: string }[];
}

/** fetch against the server's real HTTP port; JSON bodies, bearer token. */
export const call = (server: TestServer, method: string, path: string, token?: string, body?: unknown) =>
  httpCall(server.http, method, path, token, body);

/**
 * A workshop built as people would: participants join over HTTP, choose their credit and
 * write a note over a WebSocket; the facilitator writes a recommendation in the report room.
 */
export async function buildWorkshop(
  server: TestServer,
  title: string,
  people: Person[],
  recommendation: { title: string; step: string },
): Promise<BuiltWorkshop> {
  const w = await createWorkshop(server.app, { title, homeTimeZone: 'Europe/Paris', facilitatorName: 'Fran Facilitator' });
  const joined = [];
  for (const p of people) {
    const res = await call(server, 'POST', `/api/workshops/${w.id}/join`, undefined, {
      name: p.name,
      organisation: p.organisation,
      country: p.country,
      timeZone: 'Europe/Paris',
      language: 'en',
    });
    if (res.status !== 201) throw new Error(`join ${res.status} ${await res.text()}`);
    const j = (await res.json()) as { token: string; participantId: string };
    if (p.credit !== 'named') await call(server, 'PUT', `/api/workshops/${w.id}/credit`, j.token, { credit: p.credit });
    const board = await connectSynced(server.ws, `${w.id}/board`, j.token);
    createNote(boardNotes(board.doc), {
      phase: 'painPoints',
      text: p.note,
      author: { id: j.participantId, name: p.name, organisation: p.organisation },
    });
    joined.push(j);
  }
  const report = await connectSynced(server.ws, `${w.id}/report`, w.facilitatorToken);
  const recommendationId = createRecommendation(report.doc, { title: recommendation.title, description: `Why: ${recommendation.title}` });
  addActionStep(report.doc, recommendationId, { text: recommendation.step, owner: 'City council', horizon: 'short' });
  // A second client reading the room back from the server: the writes have arrived.
  const reader = await connectSynced(server.ws, `${w.id}/report`, w.facilitatorToken);
  await eventually(() => listRecommendations(reader.doc).some((r) => r.actionSteps.length > 0), {
    what: `${title}'s recommendation on the server`,
  });
  const board = await connectSynced(server.ws, `${w.id}/board`, w.facilitatorToken);
  await eventually(() => boardNotes(board.doc).size === people.length, { what: `${title}'s notes on the server` });
  return { id: w.id, token: w.facilitatorToken, recommendationId, people: joined };
}
