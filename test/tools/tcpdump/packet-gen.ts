// Test support: random frames of the kinds the lab puts on its wires, built only with src/wire's emitters
// (seeded, so every run builds the same ones): ARP, ICMP (echo, every unreachable code with its quote, time
// exceeded, redirect, parameter problem, timestamps, masks), UDP (plain and DNS), TCP (flags, options, HTTP)
// and VXLAN/Geneve tunnels around an inner frame; some with bad checksums, padding, fragments or IP options.

import { MAC_ZERO, type Ipv4Addr, type MacAddr } from '../../../src/addr/index.js';
import {
  arp, emitArp, emitDns, emitDnsTcp, emitEthernet, emitGeneve, emitIcmp, emitIcmpError, emitIpv4, emitTcp, emitUdp, emitVxlan,
  ETH_P_ARP, ETH_P_IP, ETH_P_TEB, type DnsRecord, type IcmpHeader, type TcpOption,
} from '../../../src/wire/index.js';

export class Rng {
  constructor(private s: number) {}

  next(): number {
    this.s ^= this.s << 13;
    this.s ^= this.s >>> 17;
    this.s ^= this.s << 5;
    return (this.s >>> 0) / 4294967296;
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)] as T;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  bytes(n: number): Uint8Array {
    return Uint8Array.from({ length: n }, () => this.int(0, 255));
  }
}

/** Ports tcpdump hands to printers ciliumlab has no copy of (ntp, snmp, bgp, ...): the generator avoids them. */
const CLAIMED_UDP = new Set([53, 5353, 525, 69, 67, 68, 520, 654, 500, 4500, 7500, 8500, 161, 162, 123, 88, 750, 1701, 137, 138, 3456, 2103, 2104, 521, 546, 547, 5359, 6696, 6697, 8231, 4567, 496, 1645, 1812, 1646, 1813, 1700, 3799, 1985, 921, 646, 698, 3503, 49152, 3784, 4784, 6784, 3785, 701, 1589, 6343, 12223, 12222, 5060, 514, 8472, 4789, 6081, 4342, 4790, 17754, 6635, 319, 320, 30490, 2049]);
const CLAIMED_TCP = new Set([23, 25, 43, 179, 1723, 6379, 22, 139, 445, 10288, 6633, 6653, 21, 80, 8080, 554, 8554, 53, 639, 323, 646, 2049]);

export interface GenOptions {
  /** Generate VXLAN on 8472 (tcpdump >= 4.99.6 prints it as VXLAN, not OTV). */
  readonly otv: boolean;
}

export class PacketGen {
  constructor(
    private readonly r: Rng,
    private readonly opts: GenOptions,
  ) {}

  addr(): Ipv4Addr {
    const r = this.r;
    return r.pick([() => (0xac140000 | r.int(0, 0xffff)) >>> 0, () => (0xc0a80a00 | r.int(1, 254)) >>> 0, () => (0xc0a81400 | r.int(1, 254)) >>> 0, () => (0x0a600000 | r.int(0, 0xffff)) >>> 0, () => r.int(0x01000000, 0xdfffffff) >>> 0])() as Ipv4Addr;
  }

  mac(): MacAddr {
    return this.r.pick([() => 0x080027000000 + this.r.int(0, 0xffffff), () => 0x020000000000 + this.r.int(0, 0xffffffff) * 256 + this.r.int(0, 255), () => 0xffffffffffff])() as MacAddr;
  }

  port(claimed: ReadonlySet<number>): number {
    for (;;) {
      const p = this.r.chance(0.7) ? this.r.int(32768, 60999) : this.r.int(1, 65535);
      if (!claimed.has(p)) return p;
    }
  }

  /** An Ethernet frame (depth > 0: inside a tunnel). */
  frame(depth = 0): Uint8Array {
    const r = this.r;
    const kind = r.int(0, 99);
    if (kind < 10) return this.arpFrame();
    const frame = emitEthernet({ dst: this.mac(), src: this.mac(), ethertype: ETH_P_IP }, this.ipPacket(depth));
    return r.chance(0.05) ? padTo(frame, 60 + r.int(0, 8)) : frame;
  }

  private arpFrame(): Uint8Array {
    const r = this.r;
    const op = r.chance(0.6) ? 1 : 2;
    const body = emitArp(arp({ op, sha: this.mac(), spa: this.addr(), tha: op === 1 && r.chance(0.7) ? MAC_ZERO : this.mac(), tpa: this.addr() }));
    const frame = emitEthernet({ dst: op === 1 ? (0xffffffffffff as MacAddr) : this.mac(), src: this.mac(), ethertype: ETH_P_ARP }, body);
    return r.chance(0.5) ? padTo(frame, 60) : frame;
  }

  ipPacket(depth: number): Uint8Array {
    const r = this.r;
    const src = this.addr();
    const dst = this.addr();
    const kind = r.int(0, 99);
    const [protocol, payload] = kind < 30 ? [1, this.icmp()] : kind < 55 || depth > 0 ? [17, this.udp(src, dst, depth)] : kind < 90 ? [6, this.tcp(src, dst)] : [r.pick([99, 61, 63, 114, 254]), r.bytes(r.int(0, 40))];
    const isFragment = r.chance(0.03);
    const options = r.chance(0.03) ? Uint8Array.of(1, 1, 148, 4, 0, 0) : undefined;
    const pkt = emitIpv4({ tos: r.pick([0, 0, 0, 0xc0, 0x10, 1, 2, 3]), id: r.int(0, 65535), df: r.chance(0.6), mf: isFragment && r.chance(0.5), fragOffset: isFragment ? r.int(0, 100) : 0, ttl: r.pick([64, 63, 62, 1, 255, r.int(0, 255)]), protocol, src, dst, ...(options ? { options: Uint8Array.of(...options, 0, 0) } : {}) }, payload);
    if (r.chance(0.03)) pkt[10] = (pkt[10] ?? 0) ^ 0x40;
    return pkt;
  }

  private icmp(): Uint8Array {
    const r = this.r;
    const kind = r.int(0, 9);
    if (kind < 5) {
      const h: IcmpHeader = { kind: 'echo', type: r.chance(0.5) ? 8 : 0, code: 0, id: r.int(0, 65535), seq: r.int(0, 65535) };
      return corrupt(r, emitIcmp(h, r.bytes(r.pick([56, 0, 8, 1400, r.int(0, 200)]))), 2);
    }
    const quoted = r.bytes(r.int(8, 120));
    const ports = [this.port(CLAIMED_UDP), this.port(CLAIMED_UDP)];
    quoted.set([(ports[0] ?? 0) >> 8, (ports[0] ?? 0) & 0xff, (ports[1] ?? 0) >> 8, (ports[1] ?? 0) & 0xff]);
    const quote = emitIpv4({ tos: 0, id: r.int(0, 65535), df: true, mf: false, fragOffset: 0, ttl: r.int(1, 64), protocol: r.pick([1, 6, 17]), src: this.addr(), dst: this.addr() }, quoted);
    switch (kind) {
      case 5:
        return emitIcmpError(3, r.int(0, 15), quote, { nextHopMtu: r.pick([1450, 1500, 0, 1280]) });
      case 6:
        return emitIcmpError(11, r.int(0, 2), quote);
      case 7:
        return emitIcmp({ kind: 'other', type: 5, code: r.int(0, 4), rest: this.addr() }, quote);
      case 8:
        return emitIcmp({ kind: 'other', type: 12, code: r.int(0, 1), rest: (r.int(0, 60) << 24) >>> 0 }, quote);
      default:
        return emitIcmp({ kind: 'other', type: r.pick([13, 14, 15, 16, 17, 18, 4, 10, 42]), code: 0, rest: r.int(0, 0xffffffff) }, Uint8Array.from({ length: 12 }, () => r.int(0, 255) & 0x7f));
    }
  }

  private udp(src: Ipv4Addr, dst: Ipv4Addr, depth: number): Uint8Array {
    const r = this.r;
    const ph = { src, dst };
    const kind = r.int(0, 9);
    const sport = this.port(CLAIMED_UDP);
    if (kind < 3 && depth === 0) {
      const dport = this.opts.otv && r.chance(0.5) ? 8472 : r.chance(0.7) ? 4789 : 6081;
      const inner = this.frame(depth + 1);
      const payload = dport === 6081 ? emitGeneve({ oam: false, critical: false, protocolType: ETH_P_TEB, vni: r.int(0, 0xffffff), options: r.chance(0.2) ? [{ class: 0x0101, type: 1, data: r.bytes(4) }] : [] }, inner) : emitVxlan({ vni: r.int(0, 0xffffff) }, inner);
      return emitUdp({ srcPort: sport, dstPort: dport, ...(r.chance(0.7) ? { checksum: 0 } : {}) }, payload, ph);
    }
    if (kind < 6) {
      const isQuery = r.chance(0.5);
      const [s, d] = isQuery ? [sport, 53] : [53, sport];
      return emitUdp({ srcPort: s, dstPort: d }, this.dns(isQuery), ph);
    }
    const payload = r.bytes(r.pick([0, 1, 17, 100, r.int(0, 600)]));
    const dgram = emitUdp({ srcPort: sport, dstPort: this.port(CLAIMED_UDP) }, payload, ph);
    return corrupt(r, dgram, 6);
  }

  dns(isQuery: boolean): Uint8Array {
    const r = this.r;
    const name = r.pick(['webpod.default.svc.cluster.local.', 'kube-dns.kube-system.svc.cluster.local.', 'k8s-w1.', 'example.com.', 'a.b.c.d.e.f.', '.']);
    const type = r.pick([1, 28, 33, 12, 5, 255, 16, 15, 2, 6]);
    const questions = [{ name, type, class: r.pick([1, 1, 1, 3, 255]) }];
    const addr = this.addr();
    const rr = (t: number): DnsRecord => {
      const data: DnsRecord['data'] =
        t === 1 ? { kind: 'a', address: addr } : t === 28 ? { kind: 'aaaa', address: r.bytes(16) } : t === 5 ? { kind: 'cname', target: 'webpod.default.svc.cluster.local.' } : t === 33 ? { kind: 'srv', priority: r.int(0, 10), weight: r.int(0, 100), port: r.int(1, 65535), target: 'webpod.default.svc.cluster.local.' } : t === 16 ? { kind: 'txt', texts: ['hello', 'v=1'] } : t === 15 ? { kind: 'mx', preference: 10, exchange: 'mail.example.com.' } : t === 6 ? { kind: 'soa', mname: 'ns.dns.cluster.local.', rname: 'hostmaster.cluster.local.', serial: r.int(0, 1e9), refresh: 7200, retry: 1800, expire: 86400, minimum: 30 } : { kind: 'ptr', target: 'webpod.default.svc.cluster.local.' };
      return { name, type: t, class: 1, ttl: r.int(0, 100000), data };
    };
    const answers = isQuery ? [] : Array.from({ length: r.int(0, 3) }, () => rr(r.pick([1, 28, 5, 33, 16, 15, 12])));
    const authorities = !isQuery && answers.length === 0 && r.chance(0.5) ? [rr(6)] : [];
    const opt: DnsRecord[] = r.chance(0.3) ? [{ name: '.', type: 41, class: r.pick([512, 1232, 4096]), ttl: r.chance(0.5) ? 0x8000 : 0, data: { kind: 'raw', data: r.chance(0.5) ? Uint8Array.of(0, 10, 0, 8, ...r.bytes(8)) : new Uint8Array(0) } }] : [];
    return emitDns({ id: r.int(0, 65535), qr: !isQuery, opcode: 0, aa: !isQuery && r.chance(0.7), tc: r.chance(0.05), rd: r.chance(0.9), ra: !isQuery && r.chance(0.5), ad: r.chance(0.1), cd: r.chance(0.05), rcode: isQuery ? 0 : r.pick([0, 0, 0, 3, 2, 5]), questions, answers, authorities, additionals: opt });
  }

  private tcp(src: Ipv4Addr, dst: Ipv4Addr): Uint8Array {
    const r = this.r;
    const isHttp = r.chance(0.25);
    const isDns = !isHttp && r.chance(0.1);
    const client = this.port(CLAIMED_TCP);
    const server = isHttp ? r.pick([80, 8080]) : isDns ? 53 : this.port(CLAIMED_TCP);
    const [sport, dport] = r.chance(0.5) ? [client, server] : [server, client];
    const flags = r.pick([0x02, 0x12, 0x10, 0x18, 0x11, 0x19, 0x04, 0x14, 0x01, r.int(0, 255)]);
    const options: TcpOption[] = [];
    if (flags & 0x02) options.push({ kind: 'mss', mss: r.pick([1460, 1410, 536]) }, { kind: 'sack-permitted' }, { kind: 'timestamps', tsval: r.int(0, 0xffffffff), tsecr: r.int(0, 0xffffffff) }, { kind: 'nop' }, { kind: 'wscale', shift: r.int(0, 14) });
    else if (r.chance(0.7)) options.push({ kind: 'nop' }, { kind: 'nop' }, { kind: 'timestamps', tsval: r.int(0, 0xffffffff), tsecr: r.int(0, 0xffffffff) });
    if (r.chance(0.1)) options.push({ kind: 'nop' }, { kind: 'nop' }, { kind: 'sack', blocks: [{ left: r.int(0, 0xffffffff), right: r.int(0, 0xffffffff) }] });
    const payload = isHttp && r.chance(0.6) ? this.http() : isDns && r.chance(0.7) ? emitDnsTcp({ id: r.int(0, 65535), qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, ad: false, cd: false, rcode: 0, questions: [{ name: 'webpod.', type: 1, class: 1 }], answers: [], authorities: [], additionals: [] }) : r.bytes(r.pick([0, 0, 1, 100, r.int(0, 1400)]));
    const seg = emitTcp({ srcPort: sport, dstPort: dport, seq: r.int(0, 0xffffffff), ack: r.int(0, 0xffffffff), flags, window: r.int(0, 65535), urgentPointer: flags & 0x20 ? r.int(0, 65535) : 0, options }, payload, { src, dst });
    return corrupt(r, seg, 16);
  }

  private http(): Uint8Array {
    const r = this.r;
    const text = r.pick([
      'GET / HTTP/1.1\r\nHost: webpod\r\nUser-Agent: curl/8.14.1\r\nAccept: */*\r\n\r\n',
      'HTTP/1.1 200 OK\r\nDate: Sun, 03 Aug 2025 11:37:18 GMT\r\nContent-Length: 12\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHostname: x\n',
      'POST /api HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}',
      'Hostname: webpod-697b545f57-76lt6\nIP: 127.0.0.1\n',
      'GET /partial',
      'HTTP/1.1 404 Not Found\r\n\r\n',
    ]);
    return Uint8Array.from(text, (c) => c.charCodeAt(0));
  }
}

function padTo(frame: Uint8Array, len: number): Uint8Array {
  if (frame.length >= len) return frame;
  const out = new Uint8Array(len);
  out.set(frame);
  return out;
}

/** Occasionally breaks the checksum at `off` (so -v prints "wrong"/"incorrect" texts). */
function corrupt(r: Rng, b: Uint8Array, off: number): Uint8Array {
  if (b.length > off + 1 && r.chance(0.03)) b[off + 1] = (b[off + 1] ?? 0) ^ 0x5a;
  return b;
}
