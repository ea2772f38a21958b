// Layer apps: CoreDNS v1.12's forward plugin (plugin/forward/forward.go ServeDNS, plugin/pkg/proxy):
// the query goes to the upstreams of /etc/resolv.conf over UDP with a fresh ID from a fresh socket;
// each try waits up to 2 s (readTimeout) and tries repeat until 5 s (defaultTimeout) have passed, so an
// upstream that never answers ends in SERVFAIL after the third try, at 6 s. Health checks are not modelled.

import { formatIpv4, type Ipv4Addr } from '../../addr/index.js';
import type { Netns } from '../../net/netns.js';
import { UdpSocket } from '../../net/udp-socket.js';
import type { Rng } from '../../sim/index.js';
import { emitDns, parseDns, type ParsedDnsMessage } from '../../wire/index.js';

export const FORWARD_READ_TIMEOUT_US = 2_000_000;
export const FORWARD_DEADLINE_US = 5_000_000;

/** A failure carries Go's error text for the errors plugin ("read udp 172.20.0.5:41234->10.0.2.3:53: i/o timeout"). */
export type ForwardResult = { readonly ok: true; readonly reply: ParsedDnsMessage } | { readonly ok: false; readonly error: 'timeout' | 'refused' | 'unreachable'; readonly text: string };

/** Forwards `req` and calls `done` once: with the upstream's reply (its ID restored) or the failure. */
export function forwardQuery(ns: Netns, rng: Rng, upstreams: readonly Ipv4Addr[], req: ParsedDnsMessage, done: (r: ForwardResult) => void): void {
  const sched = ns.ctx.scheduler;
  const deadline = sched.nowUs + FORWARD_DEADLINE_US;
  let i = 0;
  const attempt = (): void => {
    const upstream = upstreams[i % upstreams.length];
    i++;
    if (upstream === undefined) return done({ ok: false, error: 'unreachable', text: 'no upstream' });
    const id = rng.int(0, 65535);
    const sock = new UdpSocket(ns);
    let settled = false;
    const finish = (r: ForwardResult | undefined): void => {
      if (settled) return;
      settled = true;
      sched.cancel(timer);
      sock.close();
      if (r) return done(r);
      if (sched.nowUs < deadline) return attempt();
      done({ ok: false, error: 'timeout', text: `read udp ${conn()}: i/o timeout` });
    };
    // Handlers are bound to a const before they go on a socket (docs/architecture.md, Memory).
    const onMessage: UdpSocket['onMessage'] = (payload, from) => {
      if (from.addr !== upstream || from.port !== 53) return;
      const m = parseDns(payload);
      if (!m.ok || m.value.id !== id) return;
      finish({ ok: true, reply: { ...m.value, id: req.id } });
    };
    sock.onMessage = onMessage;
    const conn = (): string => `${formatIpv4(sock.localAddr !== 0 ? sock.localAddr : (ns.sourceFor(upstream) ?? sock.localAddr))}:${sock.localPort}->${formatIpv4(upstream)}:53`;
    const onError: UdpSocket['onError'] = (errno) => finish({ ok: false, error: errno === 'ECONNREFUSED' ? 'refused' : 'unreachable', text: `read udp ${conn()}: recvfrom: ${errno === 'ECONNREFUSED' ? 'connection refused' : 'no route to host'}` });
    sock.onError = onError;
    const timer = sched.after(FORWARD_READ_TIMEOUT_US, () => finish(undefined));
    const err = sock.connect({ addr: upstream, port: 53 });
    const sent = err ? undefined : sock.sendto(emitDns({ ...req, id }, { compress: false }));
    if (err || !sent?.ok) finish({ ok: false, error: 'unreachable', text: `dial udp ${formatIpv4(upstream)}:53: connect: network is unreachable` });
  };
  attempt();
}
