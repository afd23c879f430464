export * from './template.ts';
export * from './built-in.ts';

import { BUILT_IN_TEMPLATES, isBuiltInTemplateId } from './built-in.ts';
import { parseTemplate, TemplateError, type WorkshopTemplate } from './template.ts';

/** A request's `template`: a built-in's id, or a template saved from another workshop. */
export function resolveTemplate(value: unknown): WorkshopTemplate {
  if (typeof value === 'string') {
    if (isBuiltInTemplateId(value)) return parseTemplate(BUILT_IN_TEMPLATES[value]);
    throw new TemplateError(
      'template',
      `unknown template "${value.slice(0, 40)}"; use one of ${Object.keys(BUILT_IN_TEMPLATES).join(', ')}, or a saved template`,
    );
  }
  return parseTemplate(value);
}
