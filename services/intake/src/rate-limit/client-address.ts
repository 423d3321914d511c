import { isIP } from 'node:net';

/** The eight 16-bit groups of a valid IPv6 address (isIP said 6), an embedded IPv4 tail included. */
function hextets(address: string): number[] {
  let text = address;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const [a, b, c, d] = tail.split('.').map(Number);
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const fill = rest === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(fill).fill('0'), ...right].map((g) => parseInt(g, 16));
}

/**
 * Whom a public call counts against: its IPv4 address, or the /64 network of an IPv6 one (one
 * subscriber usually holds a whole /64, so counting single addresses would let it rotate past
 * the limit). An IPv4-mapped IPv6 address counts as its IPv4 one.
 */
export function clientAddress(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const bare = ip.split('%')[0];
  const version = isIP(bare);
  if (version !== 6) return version === 4 ? bare : ip;
  const h = hextets(bare.toLowerCase());
  if (h.slice(0, 5).every((x) => x === 0) && h[5] === 0xffff) return [h[6] >> 8, h[6] & 0xff, h[7] >> 8, h[7] & 0xff].join('.');
  if (h.slice(0, 7).every((x) => x === 0) && h[7] === 1) return '::1';
  return `${h
    .slice(0, 4)
    .map((x) => x.toString(16))
    .join(':')}::/64`;
}
