// Layer apps: getaddrinfo() in musl (src/network/lookup_name.c), what netshoot's curl and ping use in a
// pod: a numeric address, else /etc/hosts, else DNS. A name with fewer dots than ndots tries each search
// domain first; an A and an AAAA query go out together (res_msend); NXDOMAIN moves on to the next
// candidate, while NODATA, SERVFAIL or silence end the search (musl's "if (cnt) return cnt").

import { formatIpv6, type Ipv4Addr } from '../../addr/index.js';
import type { Netns } from '../../net/netns.js';
import type { Rng } from '../../sim/index.js';
import { DNS_CLASS, DNS_TYPE, emitDns, parseDns } from '../../wire/index.js';
import { isValidHostname, lookupLocal, type StubResolverOptions } from './local-names.js';
import { muslMsend } from './musl-msend.js';
import { parseResolvConf, type ResolvConf } from './resolv-conf.js';
import { resolveError, type EaiError, type ResolveResult } from './resolve-result.js';

/** A name's outcome at one candidate: addresses, NXDOMAIN (try the next), or an error that ends the search. */
type Attempt = { readonly kind: 'found'; readonly v4: Ipv4Addr[]; readonly v6: string[]; readonly canon: string } | { readonly kind: 'nxdomain' } | { readonly kind: 'error'; readonly error: EaiError };

/**
 * @example
 * new MuslResolver(podNs, { resolvConf, hosts }).lookup('webpod', (r) => r.ok && connect(r.v4[0]));
 */
export class MuslResolver {
  private readonly conf: ResolvConf;
  private readonly rng: Rng;

  constructor(
    readonly ns: Netns,
    readonly opts: StubResolverOptions,
  ) {
    this.conf = parseResolvConf(opts.resolvConf, 'musl');
    this.rng = ns.ctx.rng.fork(`apps/musl-resolver/${ns.name}`);
  }

  /** Resolves `name`; `done` runs once (synchronously for numeric and /etc/hosts answers). Returns a cancel. */
  lookup(name: string, done: (r: ResolveResult) => void): () => void {
    const local = lookupLocal('musl', name, this.opts);
    if (local) {
      done(local);
      return () => undefined;
    }
    return this.searchDns(name, done);
  }

  /** name_from_dns_search. */
  private searchDns(name: string, done: (r: ResolveResult) => void): () => void {
    const dots = [...name].filter((c) => c === '.').length;
    const isAbsolute = name.endsWith('.');
    const base = isAbsolute ? name.slice(0, -1) : name;
    const candidates = dots >= this.conf.ndots || isAbsolute ? [] : this.conf.search.map((d) => `${base}.${d}`);
    candidates.push(base);
    let cancel: () => void = () => undefined;
    let cancelled = false;
    const next = (i: number): void => {
      const qname = candidates[i];
      if (qname === undefined) return done(resolveError('musl', 'EAI_NONAME'));
      cancel = this.nameFromDns(qname, (a) => {
        if (cancelled) return;
        if (a.kind === 'found') return done({ ok: true, v4: a.v4, v6: a.v6, canonName: a.canon, source: 'dns' });
        if (a.kind === 'error') return done(resolveError('musl', a.error));
        next(i + 1);
      });
    };
    next(0);
    return () => {
      cancelled = true;
      cancel();
    };
  }

  /** name_from_dns: A and AAAA in parallel, then musl's rcode checks in query order. */
  private nameFromDns(qname: string, done: (a: Attempt) => void): () => void {
    const types = this.opts.family === 'inet' ? [DNS_TYPE.A] : [DNS_TYPE.A, DNS_TYPE.AAAA];
    const firstId = this.rng.int(0, 65535);
    const queries = types.map((type, i) => {
      // __res_mkquery draws the id from the clock; a second query gets its first byte bumped if equal.
      let id = i === 0 ? firstId : (firstId + this.rng.int(0, 255)) & 0xffff;
      if (i > 0 && id >> 8 === firstId >> 8) id = (id + 0x100) & 0xffff;
      return emitDns({ id, qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, ad: false, cd: false, rcode: 0, questions: [{ name: `${qname}.`, type, class: DNS_CLASS.IN }], answers: [], authorities: [], additionals: [] });
    });
    return muslMsend(this.ns, queries, { nameservers: this.conf.nameservers, timeoutMs: this.conf.timeoutS * 1000, attempts: this.conf.attempts }, (answers) => {
      for (const a of answers) {
        if (!a || a.length < 4) return done({ kind: 'error', error: 'EAI_AGAIN' });
        const rcode = (a[3] ?? 0) & 15;
        if (rcode === 2) return done({ kind: 'error', error: 'EAI_AGAIN' });
        if (rcode === 3) return done({ kind: 'nxdomain' });
        if (rcode !== 0) return done({ kind: 'error', error: 'EAI_FAIL' });
      }
      const v4: Ipv4Addr[] = [];
      const v6: string[] = [];
      let canon = qname;
      for (let i = answers.length - 1; i >= 0; i--) {
        const m = parseDns(answers[i] ?? new Uint8Array(0));
        if (!m.ok) continue;
        for (const rr of m.value.answers) {
          if (rr.data.kind === 'a' && types[i] === DNS_TYPE.A) v4.push(rr.data.address);
          else if (rr.data.kind === 'aaaa' && types[i] === DNS_TYPE.AAAA) v6.push(formatIpv6(rr.data.address));
          else if (rr.data.kind === 'cname' && isValidHostname(rr.data.target)) canon = rr.data.target.replace(/\.$/, '');
        }
      }
      if (v4.length + v6.length === 0) return done({ kind: 'error', error: 'EAI_NODATA' });
      done({ kind: 'found', v4, v6, canon });
    });
  }
}
