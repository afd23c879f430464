import { isIP } from 'node:net';

/**
 * Bits of an IPv6 address that name one client. A home or office line is handed a whole /64,
 * so one person can use 2^64 addresses: counting each on its own would give them as many
 * slots as they like.
 */
export const IPV6_CLIENT_PREFIX_BITS = 64;

/**
 * What every per-address limit counts by, HTTP rate limits and WebSocket caps alike: an IPv4
 * address as it is; an IPv4-mapped IPv6 address (`::ffff:192.0.2.1`, how a dual-stack socket
 * reports an IPv4 peer) as that IPv4 address; any other IPv6 address as its /64, written
 * `2001:db8:1:2::/64`. Anything else (no address at all) is its own key, lower-cased.
 */
export function addressKey(address: string): string {
  const family = isIP(address);
  if (family === 4) return address;
  if (family !== 6) return address.toLowerCase();
  const groups = ipv6Groups(address);
  if (groups === null) return address.toLowerCase();
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  }
  return `${compress(groups.slice(0, IPV6_CLIENT_PREFIX_BITS / 16))}/${IPV6_CLIENT_PREFIX_BITS}`;
}

/** The eight 16-bit groups of an address `isIP` already accepted as IPv6 (zone id dropped). */
function ipv6Groups(address: string): number[] | null {
  let text = address.split('%')[0]!.toLowerCase();
  // A dotted IPv4 tail (`::ffff:1.2.3.4`) is the last two groups.
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const zeros = rest === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(zeros).fill('0'), ...right].map((g) => Number.parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

/** The prefix's groups written as an address with the rest zero: `2001:db8:0:0` → `2001:db8::`. */
function compress(prefix: number[]): string {
  while (prefix.length > 0 && prefix[prefix.length - 1] === 0) prefix = prefix.slice(0, -1);
  return `${prefix.map((g) => g.toString(16)).join(':')}::`;
}
