import type { FastifyRequest } from 'fastify';
import type { Role } from '@crossboard/model';
import { authenticate } from '../auth/authenticate.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import type { PersonRecord } from '../storage/storage.ts';

const BEARER = /^Bearer\s+(\S+)$/i;

/** The caller, who must belong to `workshopId` and, when given, hold one of `roles`. */
export async function requirePerson(
  ctx: ServerContext,
  request: FastifyRequest,
  workshopId: string,
  roles?: readonly Role[],
): Promise<PersonRecord> {
  const header = request.headers.authorization;
  const token = header ? BEARER.exec(header)?.[1] : undefined;
  if (header && !token) throw new HttpError('INVALID_TOKEN', 'Use the header as: Authorization: Bearer <token>.');
  const auth = await authenticate(ctx.storage, ctx.secret, token);
  if (!auth.ok) throw new HttpError(auth.problem);
  if (auth.person.workshopId !== workshopId) throw new HttpError('WRONG_WORKSHOP');
  if (roles && !roles.includes(auth.person.role)) {
    throw new HttpError('FORBIDDEN', `Only a ${roles.join(' or ')} may do this.`);
  }
  return auth.person;
}
