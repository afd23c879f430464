import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { HttpError } from '../errors.ts';
import { addressKey } from './address-key.ts';
import type { HttpLimits } from '../limits.ts';

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;
interface Rule {
  /** The count in HttpLimits; Infinity turns the rule off. */
  max: keyof HttpLimits;
  /** Counted per workshop instead of per client address. */
  perWorkshop?: boolean;
  /** What the 429 says, before "try again in N s". */
  refusal: string;
}

/**
 * Every route a stranger can call without a token, and what it may cost. Per-address rules
 * run before the body is read (an import is 8 MiB); the per-workshop one after the id is
 * validated, so only well-formed ids take a slot in its table.
 */
const RULES: Record<string, Rule[]> = {
  'POST /api/workshops': [{ max: 'workshopsCreatedPerAddress', refusal: 'Too many workshops created from this address' }],
  'POST /api/workshops/import': [{ max: 'importsPerAddress', refusal: 'Too many imports from this address' }],
  'POST /api/workshops/:id/join': [
    { max: 'joinsPerAddress', refusal: 'Too many joins from this address' },
    { max: 'joinsPerWorkshop', perWorkshop: true, refusal: 'Too many people are joining this workshop at once' },
  ],
  'GET /api/workshops/:id/public': [{ max: 'tokenlessReadsPerAddress', refusal: 'Too many requests from this address' }],
  'GET /api/time': [{ max: 'tokenlessReadsPerAddress', refusal: 'Too many requests from this address' }],
};

/** Entries each counter keeps (least recently used first out); one per address or workshop. */
const TRACKED_KEYS = 20_000;

/**
 * Fixed-window counts with @fastify/rate-limit (one store per rule, in this process). Past
 * a limit: 429 RATE_LIMITED in the API's error format with Retry-After. Must be registered
 * before the routes: it attaches itself to each route of RULES as the route is added.
 */
export async function registerRateLimits(app: FastifyInstance, limits: HttpLimits): Promise<void> {
  await app.register(fastifyRateLimit, { global: false });
  const limiters = new Map<string, Limiter>();
  const limiterFor = (rule: Rule): Limiter | null => {
    const max = limits[rule.max];
    if (!Number.isFinite(max)) return null;
    const id = `${rule.max}:${rule.perWorkshop ? 'workshop' : 'address'}`;
    let limiter = limiters.get(id);
    if (!limiter) {
      limiter = app.createRateLimit({
        max,
        timeWindow: limits.rateLimitWindowMs,
        // Read by the store (LocalStore.child), missing from the option's type.
        ...({ cache: TRACKED_KEYS } as object),
        // Per address as the WebSocket cap counts: an IPv6 client by its /64 (addressKey).
        keyGenerator: rule.perWorkshop
          ? (request: FastifyRequest) => `workshop:${(request.params as { id: string }).id}`
          : (request: FastifyRequest) => addressKey(request.ip),
      });
      limiters.set(id, limiter);
    }
    return limiter;
  };
  const enforce = (limiter: Limiter, rule: Rule): onRequestAsyncHookHandler =>
    async function rateLimit(request, reply) {
      const counted = await limiter(request);
      if (counted.isAllowed || !counted.isExceeded) return;
      reply.header('retry-after', counted.ttlInSeconds);
      request.log.warn({ rule: rule.max, key: counted.key }, 'rate limited');
      throw new HttpError('RATE_LIMITED', `${rule.refusal}; try again in ${counted.ttlInSeconds} s.`);
    };

  app.addHook('onRoute', (route) => {
    // HEAD is answered by the GET route's handler: it counts as a GET.
    const methods = new Set([route.method].flat().map((m) => (m === 'HEAD' ? 'GET' : m)));
    for (const method of methods) {
      for (const rule of RULES[`${method} ${route.url}`] ?? []) {
        const limiter = limiterFor(rule);
        if (!limiter) continue;
        const hook = rule.perWorkshop ? 'preHandler' : 'onRequest';
        route[hook] = [...[route[hook] ?? []].flat(), enforce(limiter, rule)] as never;
      }
    }
  });
}
