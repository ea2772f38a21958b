// Layer apps: musl's __res_msend_rc (src/network/res_msend.c): one UDP socket sends every query to every
// nameserver at once, retransmits the unanswered ones every timeout/attempts (2.5 s by default), takes
// the first reply per query from any nameserver (it must come from a nameserver's address and port 53
// and carry the query's ID), retries at once on SERVFAIL, ignores REFUSED and friends, gives up at timeout.

import type { Ipv4Addr } from '../../addr/index.js';
import type { Netns } from '../../net/netns.js';
import { UdpSocket } from '../../net/udp-socket.js';
import type { Timer } from '../../sim/index.js';

export interface MsendOptions {
  readonly nameservers: readonly Ipv4Addr[];
  readonly timeoutMs: number;
  readonly attempts: number;
}

/** Sends `queries`; calls `done` with each query's answer bytes (undefined = none in time). Returns a cancel. */
export function muslMsend(ns: Netns, queries: readonly Uint8Array[], o: MsendOptions, done: (answers: (Uint8Array | undefined)[]) => void): () => void {
  const sched = ns.ctx.scheduler;
  const sock = new UdpSocket(ns);
  const answers: (Uint8Array | undefined)[] = queries.map(() => undefined);
  const retryUs = Math.floor(o.timeoutMs / o.attempts) * 1000;
  const t0 = sched.nowUs;
  let servfailRetry = 0;
  let retryTimer: Timer | undefined;
  let finished = false;
  const sendAll = (): void => {
    for (let i = 0; i < queries.length; i++) {
      if (answers[i]) continue;
      for (const nsAddr of o.nameservers) sock.sendto(queries[i] as Uint8Array, { addr: nsAddr, port: 53 });
    }
    servfailRetry = 2 * queries.length;
  };
  const finish = (): void => {
    if (finished) return;
    finished = true;
    sched.cancel(retryTimer);
    sched.cancel(deadline);
    sock.close();
    done(answers);
  };
  const tick = (): void => {
    if (sched.nowUs - t0 + retryUs > o.timeoutMs * 1000) return;
    retryTimer = sched.after(retryUs, () => {
      sendAll();
      tick();
    });
  };
  sock.onMessage = (payload, from) => {
    if (finished || from.port !== 53 || !o.nameservers.includes(from.addr) || payload.length < 4) return;
    const i = queries.findIndex((q) => q[0] === payload[0] && q[1] === payload[1]);
    if (i < 0 || answers[i]) return;
    const rcode = (payload[3] ?? 0) & 15;
    if (rcode === 2) {
      if (servfailRetry > 0) {
        servfailRetry--;
        sock.sendto(queries[i] as Uint8Array, from);
      }
      return;
    }
    if (rcode !== 0 && rcode !== 3) return;
    answers[i] = payload;
    if (answers.every((a) => a !== undefined)) finish();
  };
  const bindErr = sock.bind(0 as Ipv4Addr, 0);
  const deadline = sched.after(o.timeoutMs * 1000, finish);
  if (bindErr) {
    finish();
    return () => undefined;
  }
  sendAll();
  tick();
  return () => {
    if (finished) return;
    finished = true;
    sched.cancel(retryTimer);
    sched.cancel(deadline);
    sock.close();
  };
}
