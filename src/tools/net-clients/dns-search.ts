// Layer tools (net-clients): how nslookup and host walk the resolv.conf search list (bin/dig/dighost.c
// next_origin): names with fewer dots than ndots try each search domain first, then the name as given;
// NXDOMAIN moves on, any other answer ends the walk. Each question is one UDP exchange.

import { formatIpv4, type Ipv4Addr } from '../../addr/index.js';
import { parseResolvConf } from '../../apps/index.js';
import type { ParsedDnsMessage } from '../../wire/index.js';
import type { Process } from '../process.js';
import { udpExchange, type ExchangeOutcome } from './dns-exchange.js';
import { absolute, buildQuery } from './dns-query.js';
import type { ClientEnv } from './host-env.js';

export interface SearchAnswer {
  readonly kind: 'answer';
  readonly name: string;
  readonly message: ParsedDnsMessage;
}

export type SearchOutcome = SearchAnswer | { readonly kind: 'timeout' } | { readonly kind: 'interrupted' };

export interface DnsServerChoice {
  readonly server: Ipv4Addr;
  readonly text: string;
}

export function defaultServer(env: ClientEnv): DnsServerChoice | undefined {
  const s = parseResolvConf(env.resolvConf, env.libc).nameservers[0];
  return s === undefined ? undefined : { server: s, text: formatIpv4(s) };
}

/** Asks `type` for `name` along the search list; the last NXDOMAIN is returned when all fail. */
export async function searchQuery(p: Process, env: ClientEnv, server: Ipv4Addr, name: string, type: number, o: { readonly timeoutS: number; readonly tries: number; readonly onRetry?: () => void }): Promise<SearchOutcome> {
  const conf = parseResolvConf(env.resolvConf, env.libc);
  const dots = name.split('.').length - 1;
  const candidates = name.endsWith('.') ? [name] : dots < conf.ndots ? [...conf.search.map((d) => `${name}.${d}`), name] : [name, ...conf.search.map((d) => `${name}.${d}`)];
  const rng = env.netns.ctx.rng.fork(`tools/dns-search/${env.netns.name}`);
  let last: SearchAnswer | undefined;
  for (const c of candidates) {
    const q = buildQuery(rng, absolute(c), type, { isEdns: false, isAd: false, isRd: true });
    let r: ExchangeOutcome | undefined;
    const cancel = udpExchange(env.netns, { server, port: 53, id: q.id, query: q.bytes, timeoutUs: o.timeoutS * 1e6, tries: o.tries, ...(o.onRetry ? { onRetry: o.onRetry } : {}) }, (x) => void (r = x));
    await p.until(() => r !== undefined || p.isInterrupted);
    if (r === undefined) {
      cancel();
      return { kind: 'interrupted' };
    }
    if (r.kind !== 'reply') return { kind: 'timeout' };
    last = { kind: 'answer', name: c.replace(/\.$/, ''), message: r.message };
    if (r.message.rcode !== 3) return last;
  }
  return last ?? { kind: 'timeout' };
}
