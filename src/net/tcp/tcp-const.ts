// Layer net/tcp: the constants of include/net/tcp.h that shape what TCP puts on the wire, in microseconds
// (Ubuntu's kernels run at HZ=250, so a jiffy is 4 ms and timer lengths round up to it), and the sysctls
// of net.ipv4.tcp_* read with the kernel's defaults when the namespace has no value for them.

import type { Netns } from '../netns.js';

export const JIFFY_US = 4000;
/** TCP_TIMEOUT_INIT: the RTO before any RTT sample (RFC 6298 §2.1). */
export const TCP_TIMEOUT_INIT_US = 1_000_000;
/** TCP_TIMEOUT_FALLBACK: RTO after a handshake without an RTT sample (RFC 6298 §5.7). */
export const TCP_TIMEOUT_FALLBACK_US = 3_000_000;
export const TCP_RTO_MIN_US = 200_000;
export const TCP_RTO_MAX_US = 120_000_000;
/** TCP_TIMEOUT_MIN: 2 jiffies, what a tail loss probe adds when several packets are out. */
export const TCP_TIMEOUT_MIN_US = 2 * JIFFY_US;
export const TCP_DELACK_MIN_US = 40_000;
export const TCP_DELACK_MAX_US = 200_000;
export const TCP_ATO_MIN_US = 40_000;
/** TCP_TIMEWAIT_LEN: how long a connection stays in TIME_WAIT. */
export const TCP_TIMEWAIT_LEN_US = 60_000_000;
export const TCP_INIT_CWND = 10;
export const TCP_MAX_QUICKACKS = 16;
export const TCP_MSS_DEFAULT = 536;
export const TCP_MIN_MSS = 88;
export const TCP_MAX_WSCALE = 14;
/** TCPOLEN_TSTAMP_ALIGNED: nop, nop, timestamps. */
export const TCPOLEN_TSTAMP_ALIGNED = 12;
/** TCP_PINGPONG_THRESH in 6.8 (one reply within ATO marks a request/response connection). */
export const TCP_PINGPONG_THRESH = 1;
/** Default dupthresh (net.ipv4.tcp_reordering). */
export const TCP_REORDERING = 3;
/** sk_rcvbuf of a new socket: net.ipv4.tcp_rmem[1]. */
const TCP_RMEM_DEFAULT = [4096, 131072, 6291456] as const;
/** net.core.rmem_max. */
const RMEM_MAX = 212992;

/** usecs_to_jiffies, back in microseconds: rounds up to the next jiffy. */
export function roundToJiffies(us: number): number {
  return Math.ceil(us / JIFFY_US) * JIFFY_US;
}

function num(ns: Netns, key: string, dflt: number): number {
  const v = ns.sysctl.get(key);
  if (v === undefined || v.trim() === '') return dflt;
  const n = Number(v.split('\t')[0]);
  return Number.isFinite(n) ? n : dflt;
}

function triple(ns: Netns, key: string, dflt: readonly [number, number, number]): [number, number, number] {
  const v = ns.sysctl.get(key);
  const parts = v?.split(/\s+/).map(Number) ?? [];
  const pick = (i: 0 | 1 | 2) => (Number.isFinite(parts[i]) ? (parts[i] as number) : dflt[i]);
  return [pick(0), pick(1), pick(2)];
}

/** net.core.somaxconn, the cap on a listen() backlog. */
export function tcpSomaxconn(ns: Netns): number {
  return num(ns, 'net.core.somaxconn', 4096);
}

/** The net.ipv4.tcp_* knobs TCP reads, with Linux 6.8 defaults. */
export function tcpSysctls(ns: Netns) {
  const rmem = triple(ns, 'net.ipv4.tcp_rmem', TCP_RMEM_DEFAULT);
  return {
    synRetries: num(ns, 'net.ipv4.tcp_syn_retries', 6),
    synackRetries: num(ns, 'net.ipv4.tcp_synack_retries', 5),
    retries2: num(ns, 'net.ipv4.tcp_retries2', 15),
    finTimeoutUs: num(ns, 'net.ipv4.tcp_fin_timeout', 60) * 1_000_000,
    timestamps: num(ns, 'net.ipv4.tcp_timestamps', 1) !== 0,
    sack: num(ns, 'net.ipv4.tcp_sack', 1) !== 0,
    windowScaling: num(ns, 'net.ipv4.tcp_window_scaling', 1) !== 0,
    rmem,
    rmemMax: num(ns, 'net.core.rmem_max', RMEM_MAX),
    somaxconn: num(ns, 'net.core.somaxconn', 4096),
    keepaliveTimeUs: num(ns, 'net.ipv4.tcp_keepalive_time', 7200) * 1_000_000,
    keepaliveIntvlUs: num(ns, 'net.ipv4.tcp_keepalive_intvl', 75) * 1_000_000,
    keepaliveProbes: num(ns, 'net.ipv4.tcp_keepalive_probes', 9),
  };
}

export type TcpSysctls = ReturnType<typeof tcpSysctls>;
