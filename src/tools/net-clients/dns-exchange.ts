// Layer tools (net-clients): one DNS question over UDP as the BIND tools and libc's getnameinfo send it: a
// fresh socket to server:53, the query, then the first reply with our id from that server (Cilium's
// recvmsg4 hook has already put the Service address back as the source), or a timeout; `tries` rounds.

import type { Ipv4Addr } from '../../addr/index.js';
import type { Errno } from '../../net/netlink-error.js';
import type { Netns } from '../../net/netns.js';
import { UdpSocket } from '../../net/udp-socket.js';
import { parseDns, type ParsedDnsMessage } from '../../wire/index.js';

export type ExchangeOutcome =
  | { readonly kind: 'reply'; readonly message: ParsedDnsMessage; readonly bytes: number; readonly rttUs: number }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'error'; readonly errno: Errno };

export interface ExchangeOptions {
  readonly server: Ipv4Addr;
  readonly port: number;
  readonly id: number;
  readonly query: Uint8Array;
  readonly timeoutUs: number;
  readonly tries: number;
  /** Called when a try times out and another follows (dig's "communications error ... timed out"). */
  readonly onRetry?: () => void;
}

/** Sends `query` and calls `done` once. Returns a cancel. */
export function udpExchange(ns: Netns, o: ExchangeOptions, done: (r: ExchangeOutcome) => void): () => void {
  const sched = ns.ctx.scheduler;
  let sock: UdpSocket | undefined;
  let timer: ReturnType<typeof sched.after> | undefined;
  let isOver = false;
  const stop = (): void => {
    isOver = true;
    sched.cancel(timer);
    sock?.close();
  };
  const attempt = (n: number): void => {
    sock?.close();
    const s = new UdpSocket(ns);
    sock = s;
    const sentUs = ns.now;
    s.onMessage = (payload, from) => {
      if (isOver || from.addr !== o.server || from.port !== o.port) return;
      const m = parseDns(payload);
      if (!m.ok || m.value.id !== o.id || !m.value.qr) return;
      stop();
      done({ kind: 'reply', message: m.value, bytes: payload.length, rttUs: ns.now - sentUs });
    };
    const err = s.connect({ addr: o.server, port: o.port });
    const sent = err === undefined ? s.sendto(o.query) : { ok: false as const, errno: err };
    if (!sent.ok) {
      stop();
      done({ kind: 'error', errno: sent.errno });
      return;
    }
    timer = sched.after(o.timeoutUs, () => {
      if (isOver) return;
      if (n >= o.tries) {
        stop();
        done({ kind: 'timeout' });
        return;
      }
      o.onRetry?.();
      attempt(n + 1);
    });
  };
  attempt(1);
  return stop;
}
