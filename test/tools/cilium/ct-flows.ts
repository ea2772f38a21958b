// Test support for the CT listings: what a pod's eth0 sent and received (a tap, every packet with its
// virtual time, TCP flags and ICMP id), seconds since a node booted (bpf_ktime_get_sec), and one CT line
// written from the Go format strings of pkg/maps/ctmap (CtKey4Global.Dump with the addresses swapped back,
// CtEntry.StringWithTimeDiff) — so a test states an entry field by field and compares the text.

import { formatIpv4 } from '../../../src/addr/index.js';
import type { Lab } from '../../../src/lab/index.js';
import { IPPROTO_ICMP, IPPROTO_TCP, ipv4Dst, ipv4HeaderLen, ipv4Protocol, ipv4Src, readU16 } from '../../../src/wire/index.js';

export interface Pkt {
  readonly tUs: number;
  /** 'out': the pod sent it; 'in': it was delivered to the pod. */
  readonly dir: 'out' | 'in';
  readonly proto: number;
  readonly src: string;
  readonly dst: string;
  /** TCP/UDP ports; for ICMP echo both are the id. */
  readonly sport: number;
  readonly dport: number;
  readonly tcpFlags: number;
  readonly icmpType: number;
}

export const TCP = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10 } as const;

/** Every IPv4 packet on `pod`'s eth0 until stop(). */
export function tapPod(lab: Lab, pod: string): { pkts: Pkt[]; stop: () => void } {
  const ns = lab.netns(pod);
  const pkts: Pkt[] = [];
  const stop = lab.ctx.trace.on('packet', (e) => {
    if (e.netns !== ns || e.dev.name !== 'eth0' || e.data[12] !== 0x08 || e.data[13] !== 0x00) return;
    const b = e.data;
    const proto = ipv4Protocol(b, 14);
    const l4 = 14 + ipv4HeaderLen(b, 14);
    const isIcmp = proto === IPPROTO_ICMP;
    const sport = isIcmp ? readU16(b, l4 + 4) : readU16(b, l4);
    const dport = isIcmp ? sport : readU16(b, l4 + 2);
    pkts.push({ tUs: e.timeUs, dir: e.dir, proto, src: formatIpv4(ipv4Src(b, 14)), dst: formatIpv4(ipv4Dst(b, 14)), sport, dport, tcpFlags: proto === IPPROTO_TCP ? (b[l4 + 13] ?? 0) : 0, icmpType: isIcmp ? (b[l4] ?? 0) : -1 });
  });
  return { pkts, stop };
}

/** The packets of one connection the pod opened, in time order: sent ones and the answers. */
export function flow(pkts: readonly Pkt[], proto: number, peer: string, localPort: number): Pkt[] {
  return pkts.filter((p) => p.proto === proto && ((p.dir === 'out' && p.dst === peer && p.sport === localPort) || (p.dir === 'in' && p.src === peer && p.dport === localPort)));
}

/** bpf_ktime_get_sec() on `node` at virtual time `tUs`. */
export function ktime(lab: Lab, node: string, tUs: number): number {
  const m = lab.machines.get(node);
  if (!m) throw new Error(node);
  return Math.floor((tUs - m.bootUs) / 1_000_000);
}

export interface CtLine {
  readonly proto: 'TCP' | 'UDP' | 'ICMP';
  readonly dir: 'IN' | 'OUT';
  /** The original direction: the side that opened the connection first. */
  readonly from: string;
  readonly to: string;
  readonly related?: boolean;
  readonly expires: number;
  readonly rxFlagsSeen: number;
  readonly lastRxReport: number;
  readonly txFlagsSeen: number;
  readonly lastTxReport: number;
  /** RxClosing 0x1, TxClosing 0x2, SeenNonSyn 0x10, FromTunnel 0x400. */
  readonly flags: number;
  readonly srcSecId: number;
}

const FLAG_NAMES: ReadonlyArray<readonly [number, string]> = [
  [0x1, 'RxClosing'],
  [0x2, 'TxClosing'],
  [0x10, 'SeenNonSyn'],
  [0x400, 'FromTunnel'],
];

/** One line of `cilium-dbg bpf ct list global` (no -d): "%s OUT %s:%d -> %s:%d " + "expires=%d Packets=%d ...". */
export function ctLine(e: CtLine): string {
  const hex = (v: number, w: number) => `0x${v.toString(16).padStart(w, '0')}`;
  const names = FLAG_NAMES.filter(([bit]) => (e.flags & bit) !== 0).map(([, n]) => `${n} `).join('');
  return (
    `${e.proto} ${e.dir} ${e.from} -> ${e.to} ${e.related ? 'related ' : ''}expires=${e.expires} Packets=0 Bytes=0 ` +
    `RxFlagsSeen=${hex(e.rxFlagsSeen, 2)} LastRxReport=${e.lastRxReport} TxFlagsSeen=${hex(e.txFlagsSeen, 2)} LastTxReport=${e.lastTxReport} ` +
    `Flags=${hex(e.flags, 4)} [ ${names}] RevNAT=0 SourceSecurityID=${e.srcSecId} BackendID=0 `
  );
}

/** The listing's two maps (TCP, then non-TCP) as arrays of entry lines. */
export function ctMaps(out: string): { tcp: string[]; any: string[] } {
  const lines = out.split('\n');
  const end = lines.indexOf('');
  const rest = lines.slice(end + 1);
  return { tcp: lines.slice(0, end), any: rest.slice(0, rest.indexOf('')) };
}

export function identityOf(lab: Lab, pod: string): number {
  const cep = lab.k8s.api.get('CiliumEndpoint', 'default', pod) as { status?: { identity?: { id?: number } } };
  return cep.status?.identity?.id ?? 0;
}

export interface Expected {
  readonly expires: number;
  readonly rxFlagsSeen: number;
  readonly lastRxReport: number;
  readonly txFlagsSeen: number;
  readonly lastTxReport: number;
  readonly flags: number;
}

/**
 * The entry bpf_lxc keeps for a connection, replayed by hand from the packets one endpoint saw (its first one
 * created the entry), following bpf/lib/conntrack.h with the agent's defaults: ct_create4 counts the first
 * packet as a SYN for TCP; every later packet, while the entry is alive (not closing both ways), sets
 * SeenNonSyn unless it is a SYN and renews the lifetime — 60 s for non-TCP and for TCP before SeenNonSyn,
 * 8000 s after — and ORs its TCP flags into its direction's seen flags, restamping that direction's report
 * when the flags changed or 5 s (monitor-aggregation-interval) passed. A FIN or RST closes its direction (an
 * RST before both SYNs both); once both are closing the lifetime is the 10 s close timeout.
 */
export function replayEntry(lab: Lab, node: string, pkts: readonly Pkt[], opts: { isFromTunnel?: boolean } = {}): Expected {
  const isTcp = pkts[0]?.proto === IPPROTO_TCP;
  let flags = opts.isFromTunnel ? 0x400 : 0;
  let rx = 0;
  let tx = 0;
  let lastRx = 0;
  let lastTx = 0;
  let expires = 0;
  const alive = () => (flags & 0x3) !== 0x3;
  pkts.forEach((p, i) => {
    const now = ktime(lab, node, p.tUs);
    const isRx = p.dir === 'in';
    const stamp = (lifetime: number, f: number) => {
      expires = now + lifetime;
      if (isRx && (lastRx + 5 < now || (rx | f) !== rx)) [rx, lastRx] = [rx | f, now];
      if (!isRx && (lastTx + 5 < now || (tx | f) !== tx)) [tx, lastTx] = [tx | f, now];
    };
    const renew = (f: number) => {
      if (isTcp && (f & TCP.SYN) === 0) flags |= 0x10;
      stamp(isTcp && (flags & 0x10) !== 0 ? 8000 : 60, f);
    };
    if (i === 0) return renew(isTcp ? TCP.SYN : 0);
    if (alive()) renew(p.tcpFlags);
    if (!isTcp || (p.tcpFlags & (TCP.FIN | TCP.RST)) === 0) return;
    const bothSyns = (rx & TCP.SYN) !== 0 && (tx & TCP.SYN) !== 0;
    if (!bothSyns && (p.tcpFlags & TCP.RST) !== 0) flags |= 0x3;
    else flags |= isRx ? 0x1 : 0x2;
    if (!alive()) stamp(10, p.tcpFlags);
  });
  return { expires, rxFlagsSeen: rx, lastRxReport: lastRx, txFlagsSeen: tx, lastTxReport: lastTx, flags };
}

/** The related ICMP entry ct_create4 writes beside a new connection: a copy of the entry as just created. */
export function relatedOf(lab: Lab, node: string, first: Pkt, opts: { isFromTunnel?: boolean } = {}): Expected {
  return replayEntry(lab, node, [first], opts);
}
