import { applyTemplate, resolveTemplate, TemplateError } from '@crossboard/model';
import { HttpError } from '../errors.ts';
import type { CreateWorkshopInput } from './schemas.ts';

/**
 * `POST /api/workshops { template }`: a built-in template's id or a saved template. Its fields
 * are defaults the request's own fields override; its control state (anonymous mode, who may
 * edit the report) is returned for the new control room.
 */
export function withTemplate(body: CreateWorkshopInput): { input: CreateWorkshopInput; state: Record<string, unknown> } {
  if (body.template === undefined) return { input: body, state: {} };
  try {
    const { template: _template, ...rest } = body;
    const { input, state } = applyTemplate(resolveTemplate(body.template), rest);
    return { input, state };
  } catch (e) {
    if (e instanceof TemplateError) throw new HttpError('INVALID_BODY', e.message);
    throw e;
  }
}
