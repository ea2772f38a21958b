// Layer apps: what getaddrinfo() answers without DNS, alike in glibc and musl: a numeric IPv4 address, a
// name no host can have (EAI_NONAME), or an /etc/hosts entry (A, and AAAA unless the caller asked for
// AF_INET only). Anything else is left to the resolver's DNS search.

import { parseIpv4 } from '../../addr/index.js';
import { lookupHosts } from './hosts-file.js';
import { resolveError, type ResolveResult } from './resolve-result.js';

export interface StubResolverOptions {
  /** The text of /etc/resolv.conf. */
  readonly resolvConf: string;
  /** The text of /etc/hosts. */
  readonly hosts?: string;
  /** AF_INET asks for A only; the default AF_UNSPEC asks for A and AAAA. */
  readonly family?: 'unspec' | 'inet';
}

/** The answer when no DNS query is needed, else undefined. */
export function lookupLocal(libc: 'musl' | 'glibc', name: string, opts: StubResolverOptions): ResolveResult | undefined {
  const numeric = parseIpv4(name);
  if (numeric !== undefined) return { ok: true, v4: [numeric], v6: [], canonName: name, source: 'numeric' };
  if (!isValidHostname(name)) return resolveError(libc, 'EAI_NONAME');
  const h = lookupHosts(opts.hosts ?? '', name);
  if (h.v4.length > 0 || (h.v6.length > 0 && opts.family !== 'inet')) {
    return { ok: true, v4: h.v4, v6: opts.family === 'inet' ? [] : h.v6, canonName: h.canonName ?? name, source: 'hosts' };
  }
  return undefined;
}

/** musl's is_valid_hostname: at most 254 bytes, no byte below 0x80 other than letters, digits, '-', '.', '_'. */
export function isValidHostname(name: string): boolean {
  if (name.length === 0 || name.length > 254) return false;
  return /^[A-Za-z0-9_.\-\u0080-\u00ff]+$/.test(name);
}
