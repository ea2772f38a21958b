// Layer tools (ip): one address line of `ip addr` (print_addrinfo in ip/ipaddress.c) for an IPv4 IfAddr or
// an emulated IPv6 address: "    inet A/N [metric M] [brd B] scope S [flags] label" and the lifetimes line,
// or in -br just "A/N [metric M] ". Lifetimes count down from when the address was configured.

import { formatIpv4 } from '../../addr/index.js';
import type { IfAddr } from '../../net/if-addr.js';
import type { IpPrinter } from './ip-printer.js';
import type { Ipv6AddrView } from './ipv6-view.js';

/** INFINITY_LIFE_TIME, as JSON prints a "forever" lifetime. */
const INFINITY = 4294967295;

/** An address of either family in the shape print_addrinfo reads. */
export interface AddrEntry {
  readonly family: 'inet' | 'inet6';
  readonly local: string;
  readonly prefixLen: number;
  readonly metric: number;
  readonly broadcast: string | undefined;
  readonly scope: string;
  readonly flags: readonly string[];
  readonly label: string | undefined;
  readonly validLftS: number | undefined;
  readonly preferredLftS: number | undefined;
}

/** A DHCP lease is renewed at T1 (half the lease), so what is left never drops below half. */
function remaining(lftS: number | undefined, sinceUs: number, nowUs: number): number | undefined {
  if (lftS === undefined) return undefined;
  const elapsed = Math.floor((nowUs - sinceUs) / 1_000_000);
  return lftS - (elapsed % Math.max(1, Math.floor(lftS / 2)));
}

/** `onLoopback`: the kernel's own 127.0.0.1/8 on lo carries no IFA_BROADCAST. */
export function inetEntry(a: IfAddr, nowUs: number, opts: { onLoopback: boolean } = { onLoopback: false }): AddrEntry {
  const flags: string[] = [];
  if (a.secondary) flags.push('secondary');
  if (a.dynamic) flags.push('dynamic');
  if (a.noPrefixRoute) flags.push('noprefixroute');
  return {
    family: 'inet',
    local: formatIpv4(a.local),
    prefixLen: a.prefixLen,
    metric: a.metric,
    broadcast: a.broadcast === undefined || opts.onLoopback ? undefined : formatIpv4(a.broadcast),
    scope: a.scope,
    flags,
    label: a.label,
    validLftS: remaining(a.validLftS, a.sinceUs, nowUs),
    preferredLftS: remaining(a.preferredLftS, a.sinceUs, nowUs),
  };
}

export function inet6Entry(v: Ipv6AddrView): AddrEntry {
  return { family: 'inet6', local: v.address, prefixLen: v.prefixLen, metric: 0, broadcast: undefined, scope: v.scope, flags: v.flags, label: undefined, validLftS: v.validLftS, preferredLftS: v.preferredLftS };
}

export interface AddrLineEnv {
  readonly brief: boolean;
  /** -o: "N: dev" before each line. */
  readonly oneline: { readonly ifindex: number; readonly dev: string } | undefined;
}

export function printAddrInfo(pr: IpPrinter, e: AddrEntry, env: AddrLineEnv): void {
  const color = e.family;
  if (!env.brief) {
    if (env.oneline) {
      pr.uint('json', 'index', '', env.oneline.ifindex);
      pr.string('json', 'dev', '', env.oneline.dev);
      pr.fp(`${env.oneline.ifindex}: ${env.oneline.dev}`);
    }
    pr.string('any', 'family', '    %s ', e.family);
  }
  pr.string('any', 'local', '%s', e.local, color);
  pr.uint('any', 'prefixlen', '/%d ', e.prefixLen);
  if (e.metric) pr.uint('any', 'metric', 'metric %u ', e.metric);
  if (env.brief) return;
  if (e.broadcast !== undefined) {
    pr.fp('brd ');
    pr.string('any', 'broadcast', '%s ', e.broadcast, color);
  }
  pr.string('any', 'scope', 'scope %s ', e.scope);
  for (const f of e.flags) {
    pr.fp(`${f} `);
    pr.bool('json', f, '', true);
  }
  if (e.label !== undefined) pr.string('any', 'label', '%s', e.label);
  pr.nl();
  pr.fp('       valid_lft ');
  lifetime(pr, 'valid_life_time', e.validLftS);
  pr.fp(' preferred_lft ');
  lifetime(pr, 'preferred_life_time', e.preferredLftS);
  pr.fp('\n');
}

function lifetime(pr: IpPrinter, key: string, s: number | undefined): void {
  if (s === undefined) {
    pr.uint('json', key, '', INFINITY);
    pr.fp('forever');
  } else {
    pr.uint('any', key, '%usec', s);
  }
}
