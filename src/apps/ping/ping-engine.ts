// Layer apps: iputils ping (ping/ping_common.c main_loop, pinger, gather_statistics; ping/ping.c
// ping4_run, ping4_parse_reply, ping4_receive_error_msg) on an emulated raw ICMP socket, driven by the
// virtual clock: the token-bucket pinger, -c/-w/-W exit rules, duplicate and pipe tracking, ICMP errors
// aimed at our probes (the IP_RECVERR queue), local send errors, Ctrl-C. Text is left to the tool layer.

import type { Ipv4Addr } from '../../addr/index.js';
import type { Timer } from '../../sim/index.js';
import type { NetDevice } from '../../net/net-device.js';
import type { Errno } from '../../net/netlink-error.js';
import type { Netns } from '../../net/netns.js';
import { RawSocket } from '../../net/raw-socket.js';
import { routeOutput } from '../../net/route-output.js';
import type { Skb } from '../../net/skb.js';
import { classifyIcmpFrame, echoRequest, readTimevalUs, TIMEVAL_LEN, type PingInput } from './ping-packet.js';
import { PING_DEFAULTS, schint, type IputilsRelease, type PingOptions } from './ping-options.js';
import { addRtt, newPingCounters, pingStatistics, type PingStats } from './ping-stats.js';

const IPPROTO_ICMP = 1;
const MAX_DUP_CHK = 0x10000;

export type PingEvent =
  | { readonly kind: 'start'; readonly dst: Ipv4Addr; readonly source: Ipv4Addr | undefined; readonly device: string | undefined; readonly dataBytes: number }
  | { readonly kind: 'reply'; readonly seq: number; readonly ttl: number; readonly bytes: number; readonly from: Ipv4Addr; readonly rttUs: number | undefined; readonly isDup: boolean; readonly isTruncated: boolean; readonly isBadChecksum: boolean; readonly isWrongSource: boolean }
  | { readonly kind: 'error'; readonly seq: number; readonly from: Ipv4Addr; readonly type: number; readonly code: number; readonly info: number }
  /** A send that failed locally. `report` says what this release prints: nothing, "sendmsg: <strerror>", or "local error: message too long, mtu=N". */
  | { readonly kind: 'outstanding'; readonly seq: number }
  | { readonly kind: 'send-error'; readonly seq: number; readonly errno: Errno; readonly mtu: number | undefined; readonly report: 'sendmsg' | 'local-error' | 'none'; readonly isCounted: boolean }
  | { readonly kind: 'done'; readonly stats: PingStats; readonly exitCode: 0 | 1; readonly isInterrupted: boolean };

/** A setup failure ping reports before sending anything (exit status 2): "ping: <call>: <strerror>". */
export interface PingSetupError {
  readonly call: string;
  readonly errno: Errno;
  readonly exitCode: 2;
}

/**
 * @example
 * const p = new PingEngine(podNs, { dst: ip, ident: 99, count: 2 }, (e) => events.push(e));
 * const err = p.start(); // undefined, or the setup error to print
 */
export class PingEngine {
  private readonly c = newPingCounters();
  private readonly sock: RawSocket;
  private readonly interval: number;
  private readonly datalen: number;
  private readonly isTiming: boolean;
  private readonly release: IputilsRelease;
  private readonly rcvd = new Set<number>();
  private oif: NetDevice | undefined;
  private acked = 0;
  private startUs = 0;
  private curTimeUs: number | undefined;
  private tokens = 0;
  private isExiting = false;
  private isInterrupted = false;
  private isDone = false;
  private waittimeUs = 0;
  private wake: Timer | undefined;
  private readonly timers: Timer[] = [];

  constructor(
    readonly ns: Netns,
    readonly opts: PingOptions,
    private readonly onEvent: (e: PingEvent) => void,
  ) {
    this.interval = opts.intervalMs ?? PING_DEFAULTS.intervalMs;
    this.datalen = opts.size ?? PING_DEFAULTS.size;
    this.isTiming = this.datalen >= TIMEVAL_LEN;
    this.release = opts.release ?? PING_DEFAULTS.release;
    this.sock = new RawSocket(ns, IPPROTO_ICMP);
  }

  /** ping4_run up to main_loop: device, source, the first probe. Returns the fatal error, if any. */
  start(): PingSetupError | undefined {
    const o = this.opts;
    if (o.iface !== undefined) {
      this.oif = this.ns.dev(o.iface);
      if (!this.oif) return this.fail(`SO_BINDTODEVICE ${o.iface}`, 'ENODEV');
    }
    if (o.source !== undefined && !this.ns.isLocalAddr(o.source)) return this.fail('bind', 'EADDRNOTAVAIL');
    const probe = routeOutput(this.ns, { dst: o.dst, ...(this.oif ? { oif: this.oif } : {}), ...(o.mark !== undefined ? { mark: o.mark } : {}) });
    if (!probe.ok) return this.fail('connect', probe.errno);
    const isStrict = o.source !== undefined;
    this.onEvent({ kind: 'start', dst: o.dst, source: isStrict || this.oif ? (o.source ?? probe.value.src) : undefined, device: o.iface, dataBytes: this.datalen });
    this.sock.onPacket = (skb) => this.receive(skb);
    this.startUs = this.ns.now;
    if (o.deadlineS) this.timers.push(this.ns.ctx.scheduler.after(o.deadlineS * 1e6, () => this.alarm()));
    this.loop();
    return undefined;
  }

  /** SIGINT (Ctrl-C): ping finishes at once and prints its statistics. */
  interrupt(): void {
    if (this.isDone) return;
    this.isInterrupted = true;
    this.isExiting = true;
    this.loop();
  }

  get isRunning(): boolean {
    return !this.isDone;
  }

  private fail(call: string, errno: Errno): PingSetupError {
    this.sock.close();
    this.isDone = true;
    return { call, errno, exitCode: 2 };
  }

  private alarm(): void {
    this.isExiting = true;
    this.loop();
  }

  private get npackets(): number {
    return this.opts.count ?? 0;
  }

  private get hasDeadline(): boolean {
    return (this.opts.deadlineS ?? 0) > 0;
  }

  /** The top of main_loop: exit checks, then the pinger until it asks to wait. */
  private loop(): void {
    if (this.isDone) return;
    this.ns.ctx.scheduler.cancel(this.wake);
    const c = this.c;
    if (this.isExiting || (this.npackets && c.received + c.errors >= this.npackets) || (this.hasDeadline && c.errors)) return this.finish();
    let next: number;
    do {
      next = this.scheduleExit(this.pinger());
    } while (next <= 0);
    this.wake = this.ns.ctx.scheduler.after(next * 1000, () => this.loop());
  }

  private pinger(): number {
    const c = this.c;
    if (this.isExiting || (this.npackets && c.transmitted >= this.npackets && !this.hasDeadline)) return 1000;
    const now = this.ns.now;
    if (this.curTimeUs === undefined) {
      this.curTimeUs = now;
      this.tokens = 0;
    } else {
      let ntokens = elapsedMs(now, this.curTimeUs) + this.tokens;
      if (this.interval < ntokens) ntokens = this.interval;
      if (ntokens < this.interval) return this.interval - ntokens;
      this.curTimeUs = now;
      this.tokens = ntokens - this.interval;
    }
    // ping_common.c pinger(): -O reports the last probe still unanswered when the next one is due.
    if (this.opts.reportOutstanding && c.transmitted > 0 && !this.rcvd.has(c.transmitted % MAX_DUP_CHK)) this.onEvent({ kind: 'outstanding', seq: c.transmitted % MAX_DUP_CHK });
    return this.sendProbe();
  }

  private sendProbe(): number {
    const o = this.opts;
    const seq = (this.c.transmitted + 1) & 0xffff;
    this.rcvd.delete(seq % MAX_DUP_CHK);
    const wallUs = (o.epochMs ?? 0) * 1000 + this.ns.now;
    const pkt = echoRequest(o.ident & 0xffff, seq, this.datalen, this.isTiming ? wallUs : undefined, o.pattern);
    const r = this.sock.sendto(o.dst, pkt, {
      ...(o.ttl !== undefined ? { ttl: o.ttl } : {}),
      ...(o.tos !== undefined ? { tos: o.tos } : {}),
      ...(o.pmtudisc !== undefined ? { pmtudisc: o.pmtudisc } : {}),
      ...(o.source !== undefined ? { src: o.source } : {}),
      ...(this.oif ? { oif: this.oif } : {}),
      ...(o.mark !== undefined ? { mark: o.mark } : {}),
    });
    if (r.ok) {
      this.advanceTransmitted();
      return this.interval - this.tokens;
    }
    if (r.errno === 'EAGAIN') {
      this.tokens += this.interval;
      return 10;
    }
    // EMSGSIZE counts as an error in both releases; other errnos leave nothing on the error queue, so
    // receive_error_msg() returns -1 and the probe is silently "sent" (hard_local_error with i < 0).
    const isMsgSize = r.errno === 'EMSGSIZE';
    if (isMsgSize) this.c.errors++;
    const report = !isMsgSize ? 'none' : this.release === '20240117' ? 'local-error' : 'sendmsg';
    this.onEvent({ kind: 'send-error', seq, errno: r.errno, mtu: r.mtu, report, isCounted: isMsgSize });
    this.advanceTransmitted();
    this.tokens = 0;
    return schint(this.interval);
  }

  private advanceTransmitted(): void {
    this.c.transmitted++;
    if (((this.c.transmitted & 0xffff) - this.acked + 0x10000) % 0x10000 > 0x7fff) this.acked = (this.c.transmitted + 1) & 0xffff;
  }

  private acknowledge(seq: number): void {
    const diff = ((this.c.transmitted & 0xffff) - seq + 0x10000) % 0x10000;
    if (diff > 0x7fff) return;
    if (diff + 1 > this.c.pipesize) this.c.pipesize = diff + 1;
    const ahead = (((seq - this.acked) & 0xffff) << 16) >> 16;
    if (ahead > 0 || ((this.c.transmitted & 0xffff) - this.acked + 0x10000) % 0x10000 > 0x7fff) this.acked = seq;
  }

  /** __schedule_exit: once the count is sent, wait 2×max RTT (at least one interval), or -W with no replies. */
  private scheduleExit(next: number): number {
    if (!(this.npackets && this.c.transmitted >= this.npackets && !this.hasDeadline)) return next;
    if (this.waittimeUs) return next;
    if (this.c.received) {
      this.waittimeUs = 2 * this.c.tmaxUs;
      if (this.waittimeUs < 1000 * this.interval) this.waittimeUs = 1000 * this.interval;
    } else {
      this.waittimeUs = this.opts.lingerUs ?? PING_DEFAULTS.lingerUs;
    }
    const waitMs = Math.trunc(this.waittimeUs / 1000);
    if (this.waittimeUs > 0) this.timers.push(this.ns.ctx.scheduler.after(this.waittimeUs, () => this.alarm()));
    return next < 0 || next < waitMs ? waitMs : next;
  }

  /** The socket got an ICMP packet: ping handles it when it next runs (never inside the kernel path). */
  private receive(skb: Skb): void {
    const rxUs = this.ns.now;
    const input = classifyIcmpFrame(skb.data);
    if (input.kind === 'other') return;
    this.ns.ctx.scheduler.after(0, () => {
      if (this.isDone) return;
      if (input.kind === 'reply') this.onReply(input, rxUs);
      else this.onError(input);
      this.loop();
    });
  }

  private onReply(r: Extract<PingInput, { kind: 'reply' }>, rxUs: number): void {
    if (r.id !== (this.opts.ident & 0xffff)) return;
    const c = this.c;
    c.received++;
    if (!r.isBadChecksum) this.acknowledge(r.seq);
    let rttUs: number | undefined;
    if (this.isTiming && r.icmpLen >= 8 + TIMEVAL_LEN) {
      const sentUs = readTimevalUs(r.data);
      const wallRxUs = (this.opts.epochMs ?? 0) * 1000 + rxUs;
      rttUs = Math.max(0, wallRxUs - sentUs);
      if (!r.isBadChecksum) addRtt(c, rttUs);
    }
    let isDup = false;
    if (r.isBadChecksum) {
      c.corrupted++;
      c.received--;
    } else if (this.rcvd.has(r.seq % MAX_DUP_CHK)) {
      c.duplicates++;
      c.received--;
      isDup = true;
    } else {
      this.rcvd.add(r.seq % MAX_DUP_CHK);
    }
    const isTruncated = r.icmpLen < this.datalen + 8;
    this.onEvent({
      kind: 'reply',
      seq: r.seq,
      ttl: r.ttl,
      bytes: r.icmpLen,
      from: r.from,
      rttUs: isTruncated ? undefined : rttUs,
      isDup,
      isTruncated,
      isBadChecksum: r.isBadChecksum,
      isWrongSource: r.from !== this.opts.dst,
    });
  }

  /** ping4_receive_error_msg: an ICMP error quoting one of our echo requests to the target. */
  private onError(e: Extract<PingInput, { kind: 'error' }>): void {
    if (e.quotedDst !== this.opts.dst || e.quotedId !== (this.opts.ident & 0xffff)) return;
    this.acknowledge(e.quotedSeq);
    this.c.errors++;
    this.onEvent({ kind: 'error', seq: e.quotedSeq, from: e.from, type: e.type, code: e.code, info: e.info });
  }

  private finish(): void {
    this.isDone = true;
    this.sock.close();
    const s = this.ns.ctx.scheduler;
    s.cancel(this.wake);
    for (const t of this.timers) s.cancel(t);
    const stats = pingStatistics(this.c, {
      startUs: this.startUs,
      lastSendUs: this.curTimeUs ?? this.startUs,
      isTiming: this.isTiming,
      hasDeadline: this.hasDeadline,
      count: this.opts.count,
      showIpg: this.interval === 0,
    });
    this.onEvent({ kind: 'done', stats, exitCode: stats.exitCode, isInterrupted: this.isInterrupted });
  }
}

/** (tv.tv_sec - cur.tv_sec) * 1000 + (tv.tv_nsec - cur.tv_nsec) / 1000000, with C's truncation. */
function elapsedMs(nowUs: number, thenUs: number): number {
  const secDiff = Math.floor(nowUs / 1e6) - Math.floor(thenUs / 1e6);
  const usDiff = (nowUs % 1e6) - (thenUs % 1e6);
  return secDiff * 1000 + Math.trunc(usDiff / 1000);
}
