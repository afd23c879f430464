import type { FastifyError, FastifyInstance } from 'fastify';
import { HttpError, errorBody, type HttpErrorCode } from '../errors.ts';
import { RoomLoadError } from '../sync/load-document.ts';

const FASTIFY_CODES: Record<string, HttpErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

/** Every error leaves as `{ error: { code, message } }` (docs/API.md), and 4xx ones are logged. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      request.log.info({ code: error.code, url: request.url }, error.message);
      return reply.status(error.status).send(errorBody(error.code, error.message));
    }
    if (error instanceof RoomLoadError) {
      // Includes RoomLimitError: the process holds as many rooms as it may.
      request.log.warn({ url: request.url, err: error.message }, 'room unavailable');
      return reply.status(503).send(errorBody('ROOM_UNAVAILABLE'));
    }
    if (error.validation) {
      request.log.info({ url: request.url, validation: error.message }, 'invalid request');
      return reply.status(400).send(errorBody('INVALID_BODY', error.message));
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) {
      request.log.info({ url: request.url, code: error.code }, error.message);
      return reply.status(error.statusCode ?? 400).send(errorBody(mapped, error.message));
    }
    if (error.statusCode && error.statusCode < 500) {
      request.log.info({ url: request.url, code: error.code }, error.message);
      return reply.status(error.statusCode).send(errorBody('INVALID_BODY', error.message));
    }
    request.log.error({ err: error, url: request.url }, 'request failed');
    return reply.status(500).send(errorBody('INTERNAL'));
  });
}
