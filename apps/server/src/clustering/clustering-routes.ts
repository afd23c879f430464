import type { FastifyInstance } from 'fastify';
import {
  boardNotes,
  listNotes,
  noteContent,
  notesLeftAlone,
  PHASES,
  plainText,
  roomName,
  suggestClusters,
  suggestClustersFromEmbeddings,
  type ClusterSuggestion,
  type Phase,
} from '@crossboard/model';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { requirePerson } from '../http/auth.ts';
import { RoomLoadError } from '../sync/load-document.ts';
import { requireWorkshop, workshopParams } from '../http/workshop-path.ts';
import { EmbeddingsClient, EmbeddingsError } from './embeddings-client.ts';
import { embeddingsConfigFromEnv, type EmbeddingsConfig } from './embeddings-config.ts';

type IdParams = { id: string };

export interface SuggestClustersResponse {
  /** `embeddings` when the operator's model grouped the notes; `offline` otherwise. */
  method: 'embeddings' | 'offline';
  /** Why the operator's model was configured but not used. */
  fallbackReason?: string;
  suggestions: ClusterSuggestion[];
  /** Unclustered notes considered, and how many of them no suggestion includes. */
  notes: number;
  leftAlone: number;
}

const suggestBody = {
  type: 'object',
  required: ['phase'],
  additionalProperties: false,
  properties: { phase: { type: 'string', enum: [...PHASES] } },
} as const;

/** The phase's notes that are not in a cluster yet and have text, read from the board room. */
async function unclusteredNotes(ctx: ServerContext, workshopId: string, phase: Phase): Promise<{ id: string; text: string }[]> {
  try {
    return await ctx.rooms.use(roomName({ workshopId, kind: 'board' }), async (board) => {
      await board.settled();
      const notes = boardNotes(board.document);
      return listNotes(board.document, phase)
        .filter((n) => !n.clusterId)
        .map((n) => {
          const m = notes.get(n.id);
          return { id: n.id, text: m ? plainText(noteContent(m)) : '' };
        })
        .filter((n) => n.text.trim());
    });
  } catch (e) {
    if (e instanceof RoomLoadError) throw new HttpError('ROOM_UNAVAILABLE');
    throw e;
  }
}

/**
 * Cluster suggestions for the facilitator. With CROSSBOARD_EMBEDDINGS_URL and _MODEL set, the
 * notes go to the operator's model; any failure of it (error, bad answer, timeout) falls
 * back to the offline method, and the answer says which one ran.
 */
export async function clusteringRoutes(
  app: FastifyInstance,
  { ctx, embeddings = embeddingsConfigFromEnv() }: { ctx: ServerContext; embeddings?: EmbeddingsConfig | null },
) {
  const client = embeddings ? new EmbeddingsClient(embeddings) : null;

  app.get<{ Params: IdParams }>('/api/workshops/:id/clusters/config', { schema: { params: workshopParams } }, async (request) => {
    const w = await requireWorkshop(ctx, request.params.id);
    await requirePerson(ctx, request, w.id, ['facilitator']);
    return { embeddings: client !== null };
  });

  app.post<{ Params: IdParams; Body: { phase: Phase } }>(
    '/api/workshops/:id/clusters/suggest',
    { schema: { params: workshopParams, body: suggestBody } },
    async (request): Promise<SuggestClustersResponse> => {
      const w = await requireWorkshop(ctx, request.params.id);
      await requirePerson(ctx, request, w.id, ['facilitator']);
      const notes = await unclusteredNotes(ctx, w.id, request.body.phase);
      const answer = (
        method: SuggestClustersResponse['method'],
        suggestions: ClusterSuggestion[],
        fallbackReason?: string,
      ): SuggestClustersResponse => ({
        method,
        ...(fallbackReason ? { fallbackReason } : {}),
        suggestions,
        notes: notes.length,
        leftAlone: notesLeftAlone(notes.length, suggestions),
      });
      if (!client || notes.length < 2) return answer('offline', suggestClusters(notes));
      try {
        const vectors = await client.embed(notes.map((n) => n.text));
        return answer('embeddings', suggestClustersFromEmbeddings(notes, vectors));
      } catch (e) {
        if (!(e instanceof EmbeddingsError)) throw e;
        ctx.log.warn({ workshopId: w.id, reason: e.message }, 'embeddings endpoint failed; offline cluster suggestions');
        return answer(
          'offline',
          suggestClusters(notes),
          `The embeddings model could not be used (${e.message}); offline suggestions instead.`,
        );
      }
    },
  );
}
