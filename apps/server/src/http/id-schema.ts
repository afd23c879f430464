import { ID_PATTERN } from '@crossboard/model';

/** Every id in a route's params or body: the model's one rule (no `__proto__` and the like). */
export const idSchema = { type: 'string', pattern: ID_PATTERN } as const;
