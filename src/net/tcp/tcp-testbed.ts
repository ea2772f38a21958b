// Layer net/tcp (test support, imported only by *.test.ts): namespaces joined by veth pairs on one virtual
// clock, a capture of one device (what `tcpdump -i DEV` would see) and a formatter that prints TCP
// segments the way `tcpdump -nn` does (absolute numbers on a direction's first segment, relative after).

import { ipv4, mac, parseIpv4, formatIpv4, type Ipv4Addr } from '../../addr/index.js';
import { Rng, Scheduler } from '../../sim/index.js';
import { IPPROTO_TCP, ipv4Dst, ipv4Id, ipv4Protocol, ipv4Src, parseTcp, TCP_ACK, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN, ipv4HeaderLen, type TcpOption } from '../../wire/index.js';
import { VethDevice } from '../devices/veth.js';
import { L3_OFF } from '../frame.js';
import { NetContext } from '../net-context.js';
import type { NetDevice } from '../net-device.js';
import { Netns } from '../netns.js';
import type { TcVerdict } from '../tc.js';

export function ip(text: string): Ipv4Addr {
  const a = parseIpv4(text);
  if (a === undefined) throw new RangeError(`bad address ${text}`);
  return a;
}

export interface Captured {
  readonly timeUs: number;
  readonly dir: 'in' | 'out';
  readonly frame: Uint8Array;
}

export class Testbed {
  readonly ctx: NetContext;
  private macSeq = 1;

  constructor(seed = 1) {
    this.ctx = new NetContext(new Scheduler(), new Rng(seed));
  }

  ns(name: string): Netns {
    return new Netns(name, this.ctx);
  }

  link(a: Netns, aName: string, aAddr: string, b: Netns, bName: string, bAddr: string, o: { prefixLen?: number; mtu?: number } = {}): [NetDevice, NetDevice] {
    const mtu = o.mtu ?? 1500;
    const [x, y] = VethDevice.pair({ name: aName, mac: this.nextMac(), mtu }, { name: bName, mac: this.nextMac(), mtu });
    a.addDevice(x);
    b.addDevice(y);
    a.setUp(x, true);
    b.setUp(y, true);
    a.addAddr(x, { addr: ip(aAddr), prefixLen: o.prefixLen ?? 24 });
    b.addAddr(y, { addr: ip(bAddr), prefixLen: o.prefixLen ?? 24 });
    return [x, y];
  }

  get nowUs(): number {
    return this.ctx.scheduler.nowUs;
  }

  run(forUs: number): void {
    this.ctx.scheduler.runUntil(this.ctx.scheduler.nowUs + forUs);
  }

  /** Everything `dev` of `ns` sends and receives, in order. */
  capture(ns: Netns, devName: string): Captured[] {
    const out: Captured[] = [];
    this.ctx.trace.on('packet', (e) => {
      if (e.netns === ns && e.dev.name === devName) out.push({ timeUs: e.timeUs, dir: e.dir, frame: e.data });
    });
    return out;
  }

  /** A tc program on `dev` that drops the frames `pred` picks (a black hole, a lossy link). */
  dropWhen(dev: NetDevice, hook: 'ingress' | 'egress', pred: (frame: Uint8Array, n: number) => boolean): void {
    let n = 0;
    const prog = {
      name: 'test-drop',
      run: (skb: { data: Uint8Array }): TcVerdict => (pred(skb.data, n++) ? { kind: 'drop', reason: 'NOT_SPECIFIED' } : { kind: 'ok' }),
    };
    if (hook === 'ingress') dev.tcIngress = prog;
    else dev.tcEgress = prog;
  }

  private nextMac(): ReturnType<typeof mac> {
    const n = this.macSeq++;
    return mac([0x02, 0x00, 0x0a, 0x63, (n >> 8) & 255, n & 255]);
  }
}

/** client 10.99.1.1 -- veth -- 10.99.1.2 server, MTU 1500. */
export function twoHosts(seed = 1): { bed: Testbed; client: Netns; server: Netns } {
  const bed = new Testbed(seed);
  const client = bed.ns('client');
  const server = bed.ns('server');
  bed.link(client, 'eth0', '10.99.1.1', server, 'eth0', '10.99.1.2');
  return { bed, client, server };
}

/** The device called `name` of `ns` (tests know it exists). */
export function devOf(ns: Netns, name: string): NetDevice {
  const d = ns.dev(name);
  if (!d) throw new Error(`no ${name} in ${ns.name}`);
  return d;
}

/** Is this frame a TCP segment with any of `flags` set (and, when given, a payload)? */
export function isTcp(frame: Uint8Array, flags = 0, o: { withData?: boolean } = {}): boolean {
  if (frame[12] !== 0x08 || frame[13] !== 0 || ipv4Protocol(frame, L3_OFF) !== IPPROTO_TCP) return false;
  const off = L3_OFF + ipv4HeaderLen(frame, L3_OFF);
  const hl = ((frame[off + 12] ?? 0) >> 4) * 4;
  if (o.withData && frame.length - off - hl <= 0) return false;
  return flags === 0 || ((frame[off + 13] ?? 0) & flags) !== 0;
}

/** The capture script's lab: wf-a 10.99.1.1 -- router -- 10.99.2.1 wf-b, the b side at MTU 1280. */
export function captureLab(seed = 1): { bed: Testbed; client: Netns; router: Netns; server: Netns } {
  const bed = new Testbed(seed);
  const client = bed.ns('wf-a');
  const router = bed.ns('wf-r');
  const server = bed.ns('wf-b');
  bed.link(client, 'eth0', '10.99.1.1', router, 'eth1', '10.99.1.254');
  const [, rb] = bed.link(server, 'eth0', '10.99.2.1', router, 'eth2', '10.99.2.254', { mtu: 1280 });
  void rb;
  router.sysctl.set('net.ipv4.ip_forward', '1');
  client.routeAdd({ dst: { addr: ipv4(0), prefixLen: 0 }, gateway: ip('10.99.1.254') });
  server.routeAdd({ dst: { addr: ipv4(0), prefixLen: 0 }, gateway: ip('10.99.2.254') });
  return { bed, client, router, server };
}

function flagText(f: number): string {
  let s = '';
  if (f & TCP_SYN) s += 'S';
  if (f & TCP_FIN) s += 'F';
  if (f & TCP_PSH) s += 'P';
  if (f & TCP_RST) s += 'R';
  if (f & TCP_ACK) s += '.';
  return s;
}

function optionText(o: TcpOption, rel: (n: number) => number): string {
  switch (o.kind) {
    case 'mss':
      return `mss ${o.mss}`;
    case 'sack-permitted':
      return 'sackOK';
    case 'timestamps':
      return `TS val ${o.tsval} ecr ${o.tsecr}`;
    case 'nop':
      return 'nop';
    case 'wscale':
      return `wscale ${o.shift}`;
    case 'sack':
      return `sack ${o.blocks.length} ${o.blocks.map((b) => `{${rel(b.left)}:${rel(b.right)}}`).join('')}`;
    case 'eol':
      return 'eol';
    case 'unknown':
      return `unknown-${o.type}`;
  }
}

/** `tcpdump -nn` text for the TCP frames of a capture (other frames are skipped). */
export function tcpdumpLines(cap: readonly Captured[], o: { withIpId?: boolean } = {}): string[] {
  const base = new Map<string, number>();
  const lines: string[] = [];
  for (const c of cap) {
    const b = c.frame;
    if (ipv4Protocol(b, L3_OFF) !== IPPROTO_TCP) continue;
    const src = ipv4Src(b, L3_OFF);
    const dst = ipv4Dst(b, L3_OFF);
    const r = parseTcp(b.subarray(L3_OFF + ipv4HeaderLen(b, L3_OFF)));
    if (!r.ok) continue;
    const h = r.value.header;
    const me = `${formatIpv4(src)}.${h.srcPort}>${formatIpv4(dst)}.${h.dstPort}`;
    const peer = `${formatIpv4(dst)}.${h.dstPort}>${formatIpv4(src)}.${h.srcPort}`;
    const len = r.value.payload.length;
    // tcpdump starts numbering at a SYN (printed absolute, as is a direction's first segment).
    const isSyn = (h.flags & TCP_SYN) !== 0;
    const myBase = isSyn ? undefined : base.get(me);
    const peerBase = base.get(peer);
    if (myBase === undefined) base.set(me, h.seq);
    const relOwn = (n: number) => (myBase === undefined ? n : (n - myBase) >>> 0);
    const relPeer = (n: number) => (peerBase === undefined || myBase === undefined ? n : (n - peerBase) >>> 0);
    const seq = relOwn(h.seq);
    let text = `${formatIpv4(src)}.${h.srcPort} > ${formatIpv4(dst)}.${h.dstPort}: Flags [${flagText(h.flags)}]`;
    if (len > 0 || h.flags & (TCP_SYN | TCP_FIN | TCP_RST) || !(h.flags & TCP_ACK)) text += `, seq ${seq}${len > 0 ? `:${(seq + len) >>> 0}` : ''}`;
    else text += `, seq ${seq}`;
    if (h.flags & TCP_ACK) text += `, ack ${relPeer(h.ack)}`;
    text += `, win ${h.window}`;
    if (h.options.length > 0) text += `, options [${h.options.map((x) => optionText(x, relPeer)).join(',')}]`;
    text += `, length ${len}`;
    if (o.withIpId) text = `id ${ipv4Id(b, L3_OFF)} ${text}`;
    lines.push(text);
  }
  return lines;
}

/** Replaces what is random in a real connection (ISNs, TS values, ephemeral ports) with placeholders. */
export function normalizeTcpdump(line: string): string {
  return line
    .replace(/TS val \d+ ecr (\d+)/g, (_m, ecr: string) => `TS val <ts> ecr ${ecr === '0' ? '0' : '<ts>'}`)
    .replace(/(Flags \[S\.?\], seq) \d+/, '$1 <isn>')
    .replace(/(Flags \[S\.\], seq <isn>, ack) \d+/, '$1 <isn+1>')
    .replace(/\.(3[2-9]\d{3}|[4-5]\d{4}|60\d{3})\b/g, '.<port>');
}
