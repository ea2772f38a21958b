import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIpv4, formatMac, type Ipv4Addr } from '../addr/index.js';
import { GENEVE_OVS_FRAME, GOLDEN_NATIVE_PCAP, GOLDEN_TUNNEL_PCAP, LAB, WIRE_LAB_PCAP, frames, tcpdumpPackets, toHex } from '../../test/fixtures/wire/fixtures.js';
import { ARPOP_REQUEST, emitArp } from './arp.js';
import { dissect, type Layer, type LayerProto } from './dissect.js';
import { emitDns, emitDnsTcp } from './dns.js';
import { dnsTypeName } from './dns-types.js';
import { emitEthernet } from './ethernet.js';
import { emitGeneve } from './geneve.js';
import { emitIcmp } from './icmp.js';
import { emitIpv4 } from './ipv4.js';
import { PACKET_OUTGOING, emitSll2 } from './sll2.js';
import { TCP_ACK, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN, emitTcp } from './tcp.js';
import type { TcpOption } from './tcp-options.js';
import { emitUdp } from './udp.js';
import { emitVxlan } from './vxlan.js';

type Of<P extends LayerProto> = Extract<Layer, { proto: P }>;

function only<P extends LayerProto>(layers: Layer[], proto: P): Of<P>[] {
  return layers.filter((l): l is Of<P> => l.proto === proto);
}

function protos(layers: Layer[]): string {
  return layers.map((l) => l.proto).join(' ');
}

/** The part of tcpdump -nn's default (-i any) line after the interface and direction, rebuilt from layers. */
function summary(layers: Layer[]): string {
  const out: string[] = [];
  for (let i = 0; i < layers.length; i++) {
    const l = layers[i];
    const next = layers[i + 1];
    if (l?.proto === 'ipv4' && next?.proto === 'icmp' && next.header.kind === 'echo') {
      const kind = next.header.type === 8 ? 'request' : 'reply';
      out.push(`IP ${formatIpv4(l.header.src)} > ${formatIpv4(l.header.dst)}: ICMP echo ${kind}, id ${next.header.id}, seq ${next.header.seq}, length ${l.header.totalLength - l.header.headerLen}`);
    }
    if (l?.proto === 'ipv4' && next?.proto === 'udp') {
      const u = next.header;
      out.push(`IP ${formatIpv4(l.header.src)}.${u.srcPort} > ${formatIpv4(l.header.dst)}.${u.dstPort}:`);
    }
    if (l?.proto === 'vxlan') out[out.length - 1] += ` OTV, flags [I] (0x${l.header.flags.toString(16).padStart(2, '0')}), overlay ${l.header.reserved1}, instance ${l.header.vni}`;
    if (l?.proto === 'arp') {
      const h = l.header;
      out.push(h.op === ARPOP_REQUEST ? `ARP, Request who-has ${formatIpv4(h.tpa)} tell ${formatIpv4(h.spa)}, length 28` : `ARP, Reply ${formatIpv4(h.spa)} is-at ${formatMac(h.sha)}, length 28`);
    }
  }
  return out.join('\n');
}

describe('dissect: the real router captures (tcpdump -i any, LINUX_SLL2)', () => {
  for (const [path, text] of [
    [GOLDEN_NATIVE_PCAP, 'test/golden/kernel/native/router-tcpdump.txt'],
    [GOLDEN_TUNNEL_PCAP, 'test/golden/kernel/tunnel/router-tcpdump.txt'],
  ] as const) {
    it(`matches every line tcpdump printed for ${path}`, () => {
      const fs = frames(path);
      const lines = tcpdumpPackets(text);
      expect(fs.length).toBe(lines.length);
      fs.forEach((frame, i) => {
        const layers = dissect(frame, 'linux-sll2');
        const line = lines[i] ?? '';
        const sll2 = only(layers, 'sll2')[0];
        const dir = sll2?.header.pkttype === PACKET_OUTGOING ? 'Out' : 'In ';
        // "03:16:13.876895 eth1  In  IP ..." -> direction and the rest; the interface name is not in the pcap.
        const m = /^\S+ \S+ +(In |Out) (.*)$/s.exec(line);
        expect(m?.[1]).toBe(dir);
        expect(summary(layers)).toBe(m?.[2]);
        expect(layers.at(-1)?.proto).not.toBe('malformed');
      });
    });
  }

  it('splits a VXLAN frame into outer and inner stacks', () => {
    const tunnel = frames(GOLDEN_TUNNEL_PCAP);
    expect(protos(dissect(tunnel[0] ?? new Uint8Array(0), 'linux-sll2'))).toBe('sll2 ipv4 udp vxlan ethernet arp');
    expect(protos(dissect(tunnel[4] ?? new Uint8Array(0), 'linux-sll2'))).toBe('sll2 ipv4 udp vxlan ethernet ipv4 icmp payload');
    const layers = dissect(tunnel[4] ?? new Uint8Array(0), 'linux-sll2');
    expect(layers.map((l) => [l.offset, l.length])).toEqual([[0, 20], [20, 20], [40, 8], [48, 8], [56, 14], [70, 20], [90, 8], [98, 56]]);
    expect(only(layers, 'udp')[0]?.hasValidChecksum).toBe(true);
  });
});

/** tcpdump's -v rendering of TCP flags and options. */
function tcpFlags(f: number): string {
  const s = (f & TCP_SYN ? 'S' : '') + (f & TCP_FIN ? 'F' : '') + (f & TCP_PSH ? 'P' : '') + (f & TCP_RST ? 'R' : '') + (f & TCP_ACK ? '.' : '');
  return s === '' ? 'none' : s;
}

function tcpOptions(os: readonly TcpOption[]): string {
  return os
    .map((o) => {
      if (o.kind === 'mss') return `mss ${o.mss}`;
      if (o.kind === 'sack-permitted') return 'sackOK';
      if (o.kind === 'timestamps') return `TS val ${o.tsval} ecr ${o.tsecr}`;
      if (o.kind === 'wscale') return `wscale ${o.shift}`;
      return o.kind;
    })
    .join(',');
}

describe('dissect: wire-lab.pcap against tcpdump -nn -vv -e', () => {
  const fs = frames(WIRE_LAB_PCAP);
  const lines = tcpdumpPackets('test/fixtures/wire/wire-lab-tcpdump.txt');

  it('has one text entry per record', () => {
    expect(fs.length).toBe(lines.length);
  });

  it('agrees on Ethernet, IPv4, ICMP, UDP, TCP, DNS, ARP and VXLAN fields', () => {
    fs.forEach((frame, i) => {
      const layers = dissect(frame);
      const text = lines[i] ?? '';
      expect(layers.some((l) => l.proto === 'malformed'), `record ${i}`).toBe(false);
      const eths = [...text.matchAll(/(\S+) > (\S+), ethertype \S+ \((0x[0-9a-f]{4})\), length (\d+)/g)];
      expect(only(layers, 'ethernet').map((l) => [formatMac(l.header.src), formatMac(l.header.dst), `0x${l.header.ethertype.toString(16).padStart(4, '0')}`, String(frame.length - l.offset)])).toEqual(eths.map((m) => m.slice(1, 5)));
      const ips = [...text.matchAll(/\(tos (0x[0-9a-f]+), ttl (\d+), id (\d+), offset (\d+), flags \[([^\]]+)\], proto \S+ \((\d+)\), length (\d+)\)\n\s+(\S+) > (\S+?):/g)];
      const dissected = only(layers, 'ipv4').map((l, j) => {
        const h = l.header;
        const ports = only(layers, 'udp')[j] ?? only(layers, 'tcp')[j];
        const port = (p: number | undefined): string => (p === undefined ? '' : `.${p}`);
        const flags = h.df ? 'DF' : h.mf ? '+' : 'none';
        return [`0x${h.tos.toString(16)}`, String(h.ttl), String(h.id), String(h.fragOffset * 8), flags, String(h.protocol), String(h.totalLength), formatIpv4(h.src) + port(ports?.header.srcPort), formatIpv4(h.dst) + port(ports?.header.dstPort)];
      });
      // ICMP errors: tcpdump also prints the quoted datagram's header, which dissect leaves as payload.
      expect(dissected).toEqual(ips.slice(0, dissected.length).map((m) => m.slice(1, 10)));
      for (const l of only(layers, 'ipv4')) expect(l.hasValidChecksum).toBe(true);
      for (const l of only(layers, 'icmp')) expect(l.hasValidChecksum).toBe(true);
      const quotesDatagram = only(layers, 'icmp').some((l) => l.header.kind !== 'echo');
      const udpOk = only(layers, 'udp').filter((l) => l.hasValidChecksum).length;
      if (!quotesDatagram) expect(udpOk).toBe((text.match(/\[udp sum ok\]/g) ?? []).length);
      checkIcmp(layers, text);
      checkTcp(layers, text);
      checkDns(layers, text);
      for (const m of text.matchAll(/VXLAN, flags \[I\] \(0x08\), vni (\d+)/g)) expect(only(layers, 'vxlan')[0]?.header.vni).toBe(Number(m[1]));
      for (const m of text.matchAll(/Request who-has (\S+) tell (\S+),/g)) expect(only(layers, 'arp').map((l) => [formatIpv4(l.header.tpa), formatIpv4(l.header.spa)])).toEqual([[m[1], m[2]]]);
    });
  });

  function checkIcmp(layers: Layer[], text: string): void {
    const echo = /ICMP echo (request|reply), id (\d+), seq (\d+), length (\d+)/.exec(text);
    const icmp = only(layers, 'icmp').at(-1)?.header;
    if (echo && icmp?.kind === 'echo') expect([icmp.type === 8 ? 'request' : 'reply', String(icmp.id), String(icmp.seq)]).toEqual(echo.slice(1, 4));
    const mtu = /need to frag \(mtu (\d+)\)/.exec(text);
    if (mtu) expect(icmp?.kind === 'dest-unreach' && icmp.nextHopMtu).toBe(Number(mtu[1]));
  }

  function checkTcp(layers: Layer[], text: string): void {
    const m = /Flags \[([^\]]+)\], cksum (0x[0-9a-f]{4}) \((correct|incorrect)[^)]*\), (?:seq (\d+)(?::\d+)?, )?(?:ack (\d+), )?win (\d+), options \[([^\]]*)\], length (\d+)/.exec(text);
    const tcp = only(layers, 'tcp')[0];
    expect(Boolean(m)).toBe(Boolean(tcp));
    if (!m || !tcp) return;
    const h = tcp.header;
    expect([tcpFlags(h.flags), `0x${h.checksum.toString(16).padStart(4, '0')}`, tcp.hasValidChecksum ? 'correct' : 'incorrect', String(h.window), tcpOptions(h.options)]).toEqual([m[1], m[2], m[3], m[6], m[7]]);
    // tcpdump prints relative sequence numbers after the SYN; the SYN and SYN-ACK carry the absolute ones.
    if (h.flags & TCP_SYN) expect(String(h.seq)).toBe(m[4]);
  }

  function checkDns(layers: Layer[], text: string): void {
    const dns = only(layers, 'dns')[0];
    if (!dns) return expect(/\.53[ :]/.test(text) && /\d+[*+-]? .*\?/.test(text)).toBe(false);
    const m = dns.header;
    expect(text).toContain(` ${m.id}`);
    const q = m.questions[0];
    if (q) expect(text).toContain(`${dnsTypeName(q.type)}? ${q.name}`);
    if (m.qr) expect(text).toContain(` ${m.ancount}/${m.nscount}/${m.arcount} `);
  }

  it('labels the layers of each kind of frame', () => {
    const at = (name: keyof typeof LAB): string => protos(dissect(fs[LAB[name]] ?? new Uint8Array(0)));
    expect(at('ipv6Mld')).toBe('ethernet payload');
    expect(at('arpRequest')).toBe('ethernet arp');
    expect(at('timeExceeded')).toBe('ethernet ipv4 icmp payload');
    expect(at('tcpSyn')).toBe('ethernet ipv4 tcp');
    expect(at('tcpRequest')).toBe('ethernet ipv4 tcp payload');
    expect(at('dnsSrv')).toBe('ethernet ipv4 udp dns');
    expect(at('dnsTcpResponse')).toBe('ethernet ipv4 tcp dns');
    expect(at('vxlanArpRequest')).toBe('ethernet ipv4 udp vxlan ethernet arp');
    expect(at('vxlanEchoReply')).toBe('ethernet ipv4 udp vxlan ethernet ipv4 icmp payload');
  });

  it('follows Geneve into the inner frame and shows Ethernet padding', () => {
    expect(protos(dissect(GENEVE_OVS_FRAME()))).toBe('ethernet ipv4 udp geneve ethernet ipv4 icmp payload');
    const arp = fs[LAB.arpRequest] ?? new Uint8Array(0);
    const padded = new Uint8Array(60);
    padded.set(arp);
    expect(dissect(padded).map((l) => [l.proto, l.offset, l.length])).toEqual([['ethernet', 0, 14], ['arp', 14, 28], ['padding', 42, 18]]);
    const echo = fs[LAB.echoRequest] ?? new Uint8Array(0);
    const paddedIp = new Uint8Array(echo.length + 4);
    paddedIp.set(echo);
    expect(protos(dissect(paddedIp))).toBe('ethernet ipv4 icmp payload padding');
  });

  it('reports bad checksums instead of hiding the packet', () => {
    const f = (fs[LAB.dnsQueryA] ?? new Uint8Array(0)).slice();
    f[24] = (f[24] ?? 0) ^ 1; // IPv4 checksum
    f[60] = (f[60] ?? 0) ^ 1; // inside the DNS question: UDP checksum
    const layers = dissect(f);
    expect(only(layers, 'ipv4')[0]?.hasValidChecksum).toBe(false);
    expect(only(layers, 'udp')[0]?.hasValidChecksum).toBe(false);
  });

  it('ends with a malformed layer naming the error', () => {
    const cut = (fs[LAB.vxlanEchoRequest] ?? new Uint8Array(0)).subarray(0, 60);
    const layers = dissect(cut);
    expect(protos(layers)).toBe('ethernet malformed');
    expect(layers[1]).toMatchObject({ proto: 'malformed', offset: 14, length: 46, error: { kind: 'truncated', layer: 'ipv4', offset: 60, detail: '46 < tot_len 134' } });
    expect(protos(dissect(new Uint8Array(5), 'linux-sll2'))).toBe('malformed');
  });
});

describe('dissect never throws', () => {
  const real = [...frames(WIRE_LAB_PCAP).map((f) => [f, 'en10mb'] as const), ...frames(GOLDEN_TUNNEL_PCAP).map((f) => [f, 'linux-sll2'] as const)];

  it('on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom('en10mb' as const, 'linux-sll2' as const), (b, lt) => void dissect(b, lt)), { numRuns: 2000 });
  });

  it('on arbitrary bytes after valid outer headers, and on real frames cut or flipped anywhere', () => {
    fc.assert(
      fc.property(fc.constantFrom(...real), fc.nat(), fc.uint8Array({ maxLength: 120 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), ([frame, lt], cutAt, tail, flips) => {
        const keep = cutAt % (frame.length + 1);
        const b = new Uint8Array(keep + tail.length);
        b.set(frame.subarray(0, keep));
        b.set(tail, keep);
        for (const [at, v] of flips) if (b.length > 0) b[at % b.length] = v;
        const layers = dissect(b, lt);
        for (const l of layers) expect(l.offset + l.length).toBeLessThanOrEqual(b.length);
      }),
      { numRuns: 3000 },
    );
  });
});

/**
 * Re-emits one dissected layer from its parsed header alone (lengths and checksums recomputed, except a
 * UDP checksum of 0 which means "none") with the bytes it carried, for comparison with the original.
 */
function reemit(layer: Layer, frame: Uint8Array, end: number, ph: { src: Ipv4Addr; dst: Ipv4Addr } | undefined, parent: LayerProto | undefined): Uint8Array | undefined {
  const payload = frame.subarray(layer.offset + layer.length, end);
  switch (layer.proto) {
    case 'sll2': {
      const { halen: _h, reserved: _r, ...h } = layer.header;
      return emitSll2(h, payload);
    }
    case 'ethernet':
      return emitEthernet(layer.header, payload);
    case 'arp':
      return emitArp(layer.header);
    case 'ipv4': {
      const { checksum: _c, totalLength: _t, headerLen: _h, ...h } = layer.header;
      return emitIpv4(h, payload);
    }
    case 'icmp': {
      const { checksum: _c, ...h } = layer.header;
      return emitIcmp(h, payload);
    }
    case 'udp': {
      const { checksum, length: _l, ...h } = layer.header;
      return ph && emitUdp(checksum === 0 ? { ...h, checksum } : h, payload, ph);
    }
    case 'tcp': {
      const { checksum: _c, headerLen: _h, ...h } = layer.header;
      return ph && emitTcp(h, payload, ph);
    }
    case 'vxlan':
      return emitVxlan({ vni: layer.header.vni }, payload);
    case 'geneve':
      return emitGeneve(layer.header, payload);
    case 'dns':
      return parent === 'tcp' ? emitDnsTcp(layer.header) : emitDns(layer.header);
    default:
      return undefined;
  }
}

/** End of the bytes a layer governs: IPv4 and UDP carry their own length; others run to their parent's end. */
function extents(layers: Layer[], frameLen: number): number[] {
  const ends: number[] = [];
  let end = frameLen;
  for (const l of layers) {
    if (l.proto === 'ipv4') end = l.offset + l.header.totalLength;
    else if (l.proto === 'udp') end = l.offset + l.header.length;
    else if (l.proto === 'arp') end = l.offset + 28;
    else if (l.proto === 'dns') end = l.offset + l.length;
    ends.push(end);
  }
  return ends;
}

describe('every layer of every real frame re-emits to its original bytes (emit(parse(b)) == b)', () => {
  // BIND compresses less than miekg/dns in these three responses (see dns.test.ts); their content still round-trips.
  const bindOnly = new Set<number>([LAB.dnsSrv, LAB.dnsNxdomain, LAB.dnsSoa]);
  const cases: [string, Uint8Array, 'en10mb' | 'linux-sll2'][] = [
    ...frames(GOLDEN_NATIVE_PCAP).map((f, i): [string, Uint8Array, 'linux-sll2'] => [`native #${i}`, f, 'linux-sll2']),
    ...frames(GOLDEN_TUNNEL_PCAP).map((f, i): [string, Uint8Array, 'linux-sll2'] => [`tunnel #${i}`, f, 'linux-sll2']),
    ...frames(WIRE_LAB_PCAP).map((f, i): [string, Uint8Array, 'en10mb'] => [`wire-lab #${i}`, f, 'en10mb']).filter((_, i) => !bindOnly.has(i)),
    ['geneve-ovs', GENEVE_OVS_FRAME(), 'en10mb'],
  ];

  it.each(cases)('%s', (_name, frame, linktype) => {
    const layers = dissect(frame, linktype);
    const ends = extents(layers, frame.length);
    let ph: { src: Ipv4Addr; dst: Ipv4Addr } | undefined;
    let checked = 0;
    layers.forEach((l, i) => {
      const end = ends[i] ?? frame.length;
      const bytes = reemit(l, frame, end, ph, layers[i - 1]?.proto);
      if (l.proto === 'ipv4') ph = { src: l.header.src, dst: l.header.dst };
      if (!bytes) return;
      expect(toHex(bytes), `${l.proto} at ${l.offset}`).toBe(toHex(frame.subarray(l.offset, end)));
      checked++;
    });
    expect(checked).toBeGreaterThan(0);
  });
});
