// Layer apps: getaddrinfo() in glibc (resolv/res_query.c __res_context_search, res_send.c send_dg), what
// the Ubuntu VMs' curl and ping use: numeric, /etc/hosts, then DNS. The name as given comes first when it
// has ndots dots (default 1), else the search list first. A and AAAA go back to back on one connected UDP
// socket (or one after the other with single-request); each try waits `timeout` s, `attempts` rounds.

import { formatIpv6, type Ipv4Addr } from '../../addr/index.js';
import type { Netns } from '../../net/netns.js';
import { UdpSocket } from '../../net/udp-socket.js';
import type { Rng, Timer } from '../../sim/index.js';
import { DNS_CLASS, DNS_TYPE, emitDns, parseDns, type DnsMessage, type ParsedDnsMessage } from '../../wire/index.js';
import { lookupLocal, type StubResolverOptions } from './local-names.js';
import { parseResolvConf, type ResolvConf } from './resolv-conf.js';
import { resolveError, type ResolveResult } from './resolve-result.js';

/** RESOLV_EDNS_BUFFER_SIZE. */
const EDNS_UDP_SIZE = 1200;

type Outcome = { readonly kind: 'found'; readonly v4: Ipv4Addr[]; readonly v6: string[]; readonly canon: string } | { readonly kind: 'nxdomain' | 'nodata' | 'servfail' | 'timeout' };

export class GlibcResolver {
  private readonly conf: ResolvConf;
  private readonly rng: Rng;

  constructor(
    readonly ns: Netns,
    readonly opts: StubResolverOptions,
  ) {
    this.conf = parseResolvConf(opts.resolvConf, 'glibc');
    this.rng = ns.ctx.rng.fork(`apps/glibc-resolver/${ns.name}`);
  }

  lookup(name: string, done: (r: ResolveResult) => void): () => void {
    const local = lookupLocal('glibc', name, this.opts);
    if (local) {
      done(local);
      return () => undefined;
    }
    return this.search(name, done);
  }

  /** __res_context_search: the candidate order and when to stop. */
  private search(name: string, done: (r: ResolveResult) => void): () => void {
    const dots = [...name].filter((c) => c === '.').length;
    const isAbsolute = name.endsWith('.');
    const base = isAbsolute ? name.slice(0, -1) : name;
    const asIsFirst = dots >= this.conf.ndots || isAbsolute;
    const searched = isAbsolute ? [] : this.conf.search.filter((d) => d !== '.' && d !== '').map((d) => `${base}.${d}`);
    const candidates = asIsFirst ? [base, ...searched] : [...searched, base];
    let gotNodata = false;
    let gotServfail = false;
    let cancel: () => void = () => undefined;
    const next = (i: number): void => {
      const qname = candidates[i];
      if (qname === undefined) return done(resolveError('glibc', gotNodata ? 'EAI_NODATA' : gotServfail ? 'EAI_AGAIN' : 'EAI_NONAME'));
      cancel = this.query(qname, (o) => {
        if (o.kind === 'found') return done({ ok: true, v4: o.v4, v6: o.v6, canonName: o.canon, source: 'dns' });
        if (o.kind === 'timeout') return done(resolveError('glibc', 'EAI_AGAIN'));
        if (o.kind === 'nodata') gotNodata = true;
        if (o.kind === 'servfail') gotServfail = true;
        next(i + 1);
      });
    };
    next(0);
    return () => cancel();
  }

  /** res_send over UDP: tries × nameservers, each a send_dg of the A (and AAAA) query. */
  private query(qname: string, done: (o: Outcome) => void): () => void {
    const types = this.opts.family === 'inet' ? [DNS_TYPE.A] : [DNS_TYPE.A, DNS_TYPE.AAAA];
    const c = this.conf;
    const plan: { nsIndex: number; addr: Ipv4Addr }[] = [];
    for (let t = 0; t < Math.max(1, c.attempts); t++) c.nameservers.forEach((addr, nsIndex) => plan.push({ nsIndex, addr }));
    let step = 0;
    let active: (() => void) | undefined;
    const run = (): void => {
      const p = plan[step++];
      if (!p) return done({ kind: 'timeout' });
      const seconds = Math.max(1, Math.trunc((c.timeoutS << p.nsIndex) / (p.nsIndex > 0 ? c.nameservers.length : 1)));
      active = this.sendDg(p.addr, qname, types, seconds * 1_000_000, (replies) => {
        if (replies.every((r) => r === undefined)) return run();
        done(classify(replies, types, qname));
      });
    };
    run();
    return () => active?.();
  }

  private sendDg(server: Ipv4Addr, qname: string, types: readonly number[], waitUs: number, done: (replies: (ParsedDnsMessage | undefined)[]) => void): () => void {
    const sched = this.ns.ctx.scheduler;
    const sock = new UdpSocket(this.ns);
    const replies: (ParsedDnsMessage | undefined)[] = types.map(() => undefined);
    const msgs = types.map((type) => this.makeQuery(qname, type));
    let timer: Timer | undefined;
    let over = false;
    const finish = (): void => {
      if (over) return;
      over = true;
      sched.cancel(timer);
      sock.close();
      done(replies);
    };
    sock.onMessage = (payload, from) => {
      if (over || from.addr !== server || from.port !== 53) return;
      const m = parseDns(payload);
      if (!m.ok) return;
      const i = msgs.findIndex((q) => q.id === m.value.id && m.value.questions[0]?.type === q.questions[0]?.type);
      if (i < 0 || replies[i]) return;
      replies[i] = m.value;
      if (this.conf.isSingleRequest && i === 0 && msgs[1]) sock.sendto(emitDns(msgs[1]));
      if (replies.every((r) => r !== undefined)) finish();
    };
    if (sock.connect({ addr: server, port: 53 })) {
      sched.after(0, finish);
      return () => undefined;
    }
    const first = msgs[0];
    if (first) sock.sendto(emitDns(first));
    if (!this.conf.isSingleRequest && msgs[1]) sock.sendto(emitDns(msgs[1]));
    timer = sched.after(waitUs, finish);
    return () => {
      over = true;
      sched.cancel(timer);
      sock.close();
    };
  }

  private makeQuery(qname: string, type: number): DnsMessage {
    const c = this.conf;
    const opt = c.isEdns0 ? [{ name: '.', type: DNS_TYPE.OPT, class: EDNS_UDP_SIZE, ttl: 0, data: { kind: 'raw' as const, data: new Uint8Array(0) } }] : [];
    return { id: this.rng.int(0, 65535), qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, ad: c.isTrustAd, cd: false, rcode: 0, questions: [{ name: `${qname}.`, type, class: DNS_CLASS.IN }], answers: [], authorities: [], additionals: opt };
  }
}

function classify(replies: readonly (ParsedDnsMessage | undefined)[], types: readonly number[], qname: string): Outcome {
  const v4: Ipv4Addr[] = [];
  const v6: string[] = [];
  let canon = qname;
  let nx = 0;
  let servfail = 0;
  replies.forEach((r, i) => {
    if (!r) return;
    if (r.rcode === 3) nx++;
    if (r.rcode === 2) servfail++;
    for (const rr of r.answers) {
      if (rr.data.kind === 'a' && types[i] === DNS_TYPE.A) v4.push(rr.data.address);
      else if (rr.data.kind === 'aaaa' && types[i] === DNS_TYPE.AAAA) v6.push(formatIpv6(rr.data.address));
      else if (rr.data.kind === 'cname') canon = rr.data.target.replace(/\.$/, '');
    }
  });
  if (v4.length + v6.length > 0) return { kind: 'found', v4, v6, canon };
  if (nx > 0) return { kind: 'nxdomain' };
  if (servfail > 0) return { kind: 'servfail' };
  return { kind: 'nodata' };
}
