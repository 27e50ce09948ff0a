// The private-address (SSRF) guard: which IP addresses the link checker may connect to.
import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import type { LookupFunction } from './check-options.js';

/** Error code carried by a connection refused because its address is private. */
export const PRIVATE_ADDRESS_CODE = 'ELINTLISTS_PRIVATE_ADDRESS';

/** An error raised by the guarded lookup; `address` is the refused IP, `hostname` the name that resolved to it. */
export class PrivateAddressError extends Error {
  readonly code = PRIVATE_ADDRESS_CODE;
  readonly address: string;
  readonly hostname: string | undefined;

  constructor(address: string, hostname?: string) {
    super(refusalReason(address, hostname));
    this.address = address;
    this.hostname = hostname;
  }
}

/**
 * The reason text shown for a refused address: what was refused and how to allow it. `hostname` is
 * the name that resolved to `address`, when the link named a host rather than an IP.
 */
export function refusalReason(address: string, hostname?: string): string {
  const what = hostname && hostname !== address ? `${hostname} resolves to private address ${address}` : `private address ${address}`;
  return `refused: ${what}, not checked (allow with --allow-private ${hostname ?? address} or links.allowPrivate)`;
}

/** Marks an error as coming from resolving a name (not from connecting), so a dead resolver is told from a dead host. */
const LOOKUP_FAILURE = Symbol('lookup failure');

/** True when the guarded lookup's resolver failed with `error` (for example EAI_AGAIN, or ECONNREFUSED from DNS). */
export function isLookupFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { [LOOKUP_FAILURE]?: boolean })[LOOKUP_FAILURE] === true;
}

// Ranges that must never be reached from a link in a public list: loopback, RFC 1918, link-local
// (cloud metadata lives at 169.254.169.254), CGNAT, "this network", multicast, broadcast, reserved.
const BLOCKED_V4: Array<[string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4], // reserved, includes 255.255.255.255 broadcast
];

const BLOCKED_V6: Array<[string, number]> = [
  ['::', 128], // unspecified
  ['::1', 128],
  ['fe80::', 10],
  ['fc00::', 7], // unique-local, includes the EC2 metadata address fd00:ec2::254
  ['ff00::', 8], // multicast
];

const blocked = new BlockList();
for (const [net, prefix] of BLOCKED_V4) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of BLOCKED_V6) blocked.addSubnet(net, prefix, 'ipv6');

/** Decides, for one checker, whether an address or URL host may be connected to. */
export interface AddressGuard {
  /** Undefined when the address (any written form Node accepts) may be used, else the refusal reason. */
  checkAddress(address: string): string | undefined;
  /**
   * Checks a URL's hostname (as `URL.hostname` gives it, IPv6 in brackets) before connecting:
   * IP literals are judged here, names are judged at connect time by {@link AddressGuard.wrapLookup}.
   */
  checkHostname(hostname: string): string | undefined;
  /** Wraps a `dns.lookup`-style function so every resolved address passes the guard. */
  wrapLookup(base?: LookupFunction): GuardedLookup;
}

/** The shape `net.connect` calls: with `all: true` (happy eyeballs) or for one address. */
export type GuardedLookup = (
  hostname: string,
  options: { all?: boolean; family?: number | string } | number | undefined,
  callback: (...args: unknown[]) => void,
) => void;

/**
 * Builds a guard that refuses private, loopback, link-local and similar addresses unless
 * `allowPrivate` lists the hostname, the IP, or a CIDR containing it.
 */
export function createAddressGuard(allowPrivate: readonly string[]): AddressGuard {
  const allowed = new BlockList();
  const allowedNames = new Set<string>();
  for (const entry of allowPrivate) addAllowEntry(allowed, allowedNames, entry);

  const checkAddress = (address: string): string | undefined => {
    const ip = stripBrackets(address);
    const family = isIP(ip);
    if (family === 0) return undefined;
    if (isAllowed(allowed, ip, family)) return undefined;
    return isBlocked(ip, family) ? refusalReason(ip) : undefined;
  };

  return {
    checkAddress,
    checkHostname(hostname) {
      const host = stripBrackets(hostname.toLowerCase());
      if (allowedNames.has(host)) return undefined;
      return checkAddress(host);
    },
    wrapLookup(base) {
      const resolve: LookupFunction = base ?? (dnsLookup as unknown as LookupFunction);
      return (hostname, options, callback) => {
        const wantsAll = typeof options === 'object' && options !== null && options.all === true;
        const family = typeof options === 'number' ? options : Number(options?.family ?? 0) || 0;
        resolve(hostname, family ? { all: true, family } : { all: true }, (error, addresses) => {
          if (error) return callback(Object.assign(error, { [LOOKUP_FAILURE]: true }));
          const exempt = allowedNames.has(hostname.toLowerCase());
          // Refuse when any answer is private: a name mixing public and private answers is a
          // rebinding attempt, and connecting "only to the public one" is not something we control.
          const bad = exempt ? undefined : addresses.find((a) => checkAddress(a.address) !== undefined);
          if (bad) return callback(new PrivateAddressError(bad.address, hostname));
          const first = addresses[0];
          if (!first) return callback(Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', [LOOKUP_FAILURE]: true }));
          if (wantsAll) return callback(null, addresses);
          return callback(null, first.address, first.family);
        });
      };
    },
  };
}

function addAllowEntry(list: BlockList, names: Set<string>, raw: string): void {
  const entry = stripBrackets(raw.trim().toLowerCase());
  const slash = entry.indexOf('/');
  if (slash > 0) {
    const net = stripBrackets(entry.slice(0, slash));
    const prefix = Number(entry.slice(slash + 1));
    const family = isIP(net);
    if (family !== 0 && Number.isInteger(prefix)) {
      list.addSubnet(net, prefix, family === 4 ? 'ipv4' : 'ipv6');
      return;
    }
  }
  const family = isIP(entry);
  if (family !== 0) list.addAddress(entry, family === 4 ? 'ipv4' : 'ipv6');
  else if (entry) names.add(entry);
}

function isAllowed(allowed: BlockList, ip: string, family: number): boolean {
  if (allowed.check(ip, family === 4 ? 'ipv4' : 'ipv6')) return true;
  const embedded = family === 6 ? embeddedIpv4(ip) : undefined;
  return embedded !== undefined && allowed.check(embedded, 'ipv4');
}

function isBlocked(ip: string, family: number): boolean {
  if (family === 4) return blocked.check(ip, 'ipv4');
  if (blocked.check(ip, 'ipv6')) return true;
  const embedded = embeddedIpv4(ip);
  return embedded !== undefined && blocked.check(embedded, 'ipv4');
}

/**
 * The IPv4 address inside an IPv4-mapped (`::ffff:a.b.c.d`), IPv4-compatible (`::a.b.c.d`) or
 * NAT64 (`64:ff9b::a.b.c.d`) IPv6 address, so `::ffff:127.0.0.1` is judged as 127.0.0.1.
 */
export function embeddedIpv4(ip: string): string | undefined {
  const groups = expandIpv6(ip);
  if (!groups) return undefined;
  const head = groups.slice(0, 6);
  const isMapped = head.slice(0, 5).every((g) => g === 0) && (head[5] === 0xffff || head[5] === 0);
  const isNat64 = head[0] === 0x64 && head[1] === 0xff9b && head.slice(2).every((g) => g === 0);
  if (!isMapped && !isNat64) return undefined;
  const hi = groups[6] ?? 0;
  const lo = groups[7] ?? 0;
  // `::` and `::1` are IPv6's own unspecified/loopback, already in the v6 list.
  if (isMapped && head[5] === 0 && hi === 0) return undefined;
  return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
}

/** Expands an IPv6 address (with optional trailing dotted IPv4) into 8 numeric groups. */
function expandIpv6(ip: string): number[] | undefined {
  if (isIP(ip) !== 6) return undefined;
  let text = ip.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    const octets = last.split('.').map(Number);
    tail = [((octets[0] ?? 0) << 8) | (octets[1] ?? 0), ((octets[2] ?? 0) << 8) | (octets[3] ?? 0)];
    text = text.slice(0, lastColon + 1) + '0:0';
    tail = tail.length === 2 ? tail : [];
  }
  const [left = '', right] = text.split('::');
  const parse = (part: string): number[] => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const leftGroups = parse(left);
  const rightGroups = right === undefined ? [] : parse(right);
  const fill = 8 - leftGroups.length - rightGroups.length;
  const groups = [...leftGroups, ...new Array<number>(Math.max(0, fill)).fill(0), ...rightGroups];
  if (tail.length === 2) groups.splice(6, 2, tail[0] ?? 0, tail[1] ?? 0);
  return groups.length === 8 ? groups : undefined;
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
