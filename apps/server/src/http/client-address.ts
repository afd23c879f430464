import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/**
 * Which peers may tell us the client's address in X-Forwarded-For (CROSSBOARD_TRUST_PROXY).
 * The same function is handed to Fastify's `trustProxy` (request.ip, the rate limits) and
 * used for WebSocket upgrades, which never reach Fastify's router.
 */
export type TrustProxy = (address: string, hop: number) => boolean;

/** Nobody: the TCP peer is the client, whatever headers it sends. */
export const TRUST_NOBODY: TrustProxy = () => false;

/** Named ranges, as proxy-addr (Fastify's) names them. */
const NAMED_RANGES: Record<string, string[]> = {
  loopback: ['127.0.0.1/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

export class TrustProxyError extends Error {}

/**
 * Reads the setting: empty or `false` trusts nobody; a whole number trusts that many hops
 * (the proxies nearest the server, whatever their address); otherwise a comma-separated list
 * of addresses, CIDR ranges and the names `loopback`, `linklocal`, `uniquelocal`. `true`
 * (trust every hop) is refused: it lets any client choose its own address.
 */
export function parseTrustProxy(setting: string | undefined): TrustProxy {
  const value = setting?.trim() ?? '';
  if (value === '' || value === 'false') return TRUST_NOBODY;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  if (value === 'true') {
    throw new TrustProxyError(
      'CROSSBOARD_TRUST_PROXY=true would let any client pick its address; give the proxy addresses (e.g. loopback, 10.0.0.0/8) or a hop count',
    );
  }
  const list = new BlockList();
  for (const entry of value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    for (const range of NAMED_RANGES[entry] ?? [entry]) addRange(list, range);
  }
  return (address) => {
    const family = isIP(address);
    return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };
}

function addRange(list: BlockList, range: string): void {
  const [address = '', prefix] = range.split('/');
  const family = isIP(address);
  const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
  const max = family === 6 ? 128 : 32;
  if (family === 0 || !/^\d*$/.test(prefix ?? '') || !Number.isInteger(bits) || bits < 0 || bits > max) {
    throw new TrustProxyError(`CROSSBOARD_TRUST_PROXY: "${range}" is not an address, a CIDR range, loopback, linklocal or uniquelocal`);
  }
  list.addSubnet(address, bits, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: the TCP peer, or, while each hop is trusted, the next address to
 * the left in X-Forwarded-For (proxy-addr's rule, so it agrees with Fastify's request.ip).
 */
export function clientAddress(req: IncomingMessage, trust: TrustProxy): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trust === TRUST_NOBODY) return peer;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .reverse();
  const chain = [peer, ...forwarded];
  for (let hop = 0; hop < chain.length - 1; hop++) {
    if (!trust(chain[hop]!, hop)) return chain[hop]!;
  }
  return chain[chain.length - 1]!;
}
