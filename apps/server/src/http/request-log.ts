import type { FastifyRequest, FastifyServerOptions } from 'fastify';

/**
 * A URL fit for the logs: the query string is dropped whole. Join links carry their code
 * there (`/w/<id>/join?code=…`), and a name the server does not know may hide another secret.
 */
export function redactedUrl(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : `${url.slice(0, q)}?[redacted]`;
}

/** Fastify's own request line, with the URL redacted. */
function redactedRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactedUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** The logger settings with the redacting request serializer, whatever else they say. */
export function withRedactedRequests(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const settings = logger === true ? {} : logger;
  return { ...settings, serializers: { ...settings.serializers, req: redactedRequest } };
}
