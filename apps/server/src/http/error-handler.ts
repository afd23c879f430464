import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HTTP_ERRORS, HttpError, errorBody, type HttpErrorCode } from '../errors.ts';
import { RoomLoadError } from '../sync/load-document.ts';
import { redactedUrl } from './request-log.ts';

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
      request.log.info({ code: error.code, url: redactedUrl(request.url) }, error.message);
      return reply.status(error.status).send(errorBody(error.code, error.message));
    }
    if (error instanceof RoomLoadError) {
      // Includes RoomLimitError: the process holds as many rooms as it may.
      request.log.warn({ url: redactedUrl(request.url), err: error.message }, 'room unavailable');
      return reply.status(503).send(errorBody('ROOM_UNAVAILABLE'));
    }
    if (error.validation) {
      request.log.info({ url: redactedUrl(request.url), validation: error.message }, 'invalid request');
      return reply.status(400).send(errorBody('INVALID_BODY', error.message));
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) {
      request.log.info({ url: redactedUrl(request.url), code: error.code }, error.message);
      return reply.status(error.statusCode ?? 400).send(errorBody(mapped, error.message));
    }
    if (error.statusCode && error.statusCode < 500) {
      request.log.info({ url: redactedUrl(request.url), code: error.code }, error.message);
      return reply.status(error.statusCode).send(errorBody('INVALID_BODY', error.message));
    }
    request.log.error({ err: error, url: redactedUrl(request.url) }, 'request failed');
    return reply.status(500).send(errorBody('INTERNAL'));
  });
}

/**
 * Errors Fastify meets before any route or hook runs: a URL that does not decode
 * (`/api/workshops/%E0%A4%A`) or a path parameter past its length. Same format as the rest.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const code: HttpErrorCode =
    error.code === 'FST_ERR_BAD_URL' ? 'INVALID_URL' : error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URL_TOO_LONG' : 'INTERNAL';
  request.log.info({ url: redactedUrl(request.url), code: error.code }, error.message);
  void reply.status(HTTP_ERRORS[code].status).header('x-content-type-options', 'nosniff').send(errorBody(code));
}

const CLIENT_ERRORS: Record<string, HttpErrorCode> = {
  ERR_HTTP_REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  HPE_HEADER_OVERFLOW: 'HEADERS_TOO_LARGE',
};

/**
 * Requests Node refuses before Fastify sees them: headers or body too slow (408, see the
 * timeouts in limits.ts), headers too large, or bytes that are not HTTP. Answered in the
 * API's format, then the socket is closed.
 */
export function clientErrorHandler(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code = CLIENT_ERRORS[error.code ?? ''] ?? 'INVALID_REQUEST';
  const { status } = HTTP_ERRORS[code];
  this.log.debug({ code: error.code }, 'client error');
  if (socket.writable) {
    const body = JSON.stringify(errorBody(code));
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
