// Layer apps: /etc/resolv.conf as the C libraries read it (musl src/network/resolvconf.c, glibc
// resolv/res_init.c): up to three nameservers, the last search/domain line, and options ndots (max 15),
// timeout (seconds), attempts, edns0, trust-ad, single-request, rotate. Unknown lines are ignored.

import { parseIpv4, type Ipv4Addr } from '../../addr/index.js';

export interface ResolvConf {
  readonly nameservers: readonly Ipv4Addr[];
  readonly search: readonly string[];
  readonly ndots: number;
  readonly timeoutS: number;
  readonly attempts: number;
  readonly isEdns0: boolean;
  readonly isTrustAd: boolean;
  readonly isSingleRequest: boolean;
}

/** MAXNS in both libcs. */
const MAXNS = 3;

/** @example parseResolvConf('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n') */
export function parseResolvConf(text: string, libc: 'musl' | 'glibc' = 'musl'): ResolvConf {
  const nameservers: Ipv4Addr[] = [];
  let search: string[] = [];
  let ndots = 1;
  let timeoutS = 5;
  let attempts = 2;
  let isEdns0 = false;
  let isTrustAd = false;
  let isSingleRequest = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const [key, ...rest] = line.split(/\s+/);
    if (key === 'nameserver' && rest[0] !== undefined) {
      const a = parseIpv4(rest[0]);
      if (a !== undefined && nameservers.length < MAXNS) nameservers.push(a);
    } else if (key === 'search' || key === 'domain') {
      search = rest.filter((s) => s !== '');
    } else if (key === 'options') {
      for (const opt of rest) {
        const [name, value] = opt.split(':');
        const n = Number.parseInt(value ?? '', 10);
        if (name === 'ndots' && !Number.isNaN(n)) ndots = Math.min(Math.max(n, 0), 15);
        else if (name === 'timeout' && !Number.isNaN(n)) timeoutS = Math.min(Math.max(n, libc === 'musl' ? 1 : 0), libc === 'musl' ? 60 : 30);
        else if (name === 'attempts' && !Number.isNaN(n)) attempts = Math.min(Math.max(n, libc === 'musl' ? 1 : 0), libc === 'musl' ? 10 : 5);
        else if (name === 'edns0') isEdns0 = true;
        else if (name === 'trust-ad') isTrustAd = true;
        else if (name === 'single-request' || name === 'single-request-reopen') isSingleRequest = true;
      }
    }
  }
  // With no nameserver line both libraries ask the local host.
  if (nameservers.length === 0) nameservers.push(parseIpv4('127.0.0.1') as Ipv4Addr);
  return { nameservers, search, ndots, timeoutS, attempts, isEdns0, isTrustAd, isSingleRequest };
}
