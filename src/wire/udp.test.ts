import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Ipv4Addr } from '../addr/index.js';
import { frames, GOLDEN_TUNNEL_PCAP, labFrame } from '../../test/fixtures/wire/fixtures.js';
import { internetChecksum, pseudoHeaderSum } from './checksum.js';
import { ETH_HEADER_LEN } from './ethernet.js';
import { IPPROTO_UDP, ipv4Dst, ipv4Src } from './ipv4.js';
import type { PseudoHeader } from './pseudo-header.js';
import { SLL2_HEADER_LEN } from './sll2.js';
import { emitUdp, parseUdp, udpChecksum, udpChecksumOk, udpDstPort, udpLength, udpSrcPort, type UdpHeader } from './udp.js';

function l4(frame: Uint8Array, l3: number): { seg: Uint8Array; ph: PseudoHeader } {
  return { seg: frame.subarray(l3 + 20), ph: { src: ipv4Src(frame, l3), dst: ipv4Dst(frame, l3) } };
}

// wire-lab.pcap: "10.99.1.1.56340 > 10.99.2.1.53: [udp sum ok] 51703+ [1au] A? web.default.svc.cluster.local."
const DNS = l4(labFrame('dnsQueryA'), ETH_HEADER_LEN);
// tunnel/router.pcap record 1: "192.168.10.100.50361 > 192.168.20.100.8472: OTV ..." with checksum 0 from the kernel.
const VXLAN = l4(frames(GOLDEN_TUNNEL_PCAP)[0] ?? new Uint8Array(0), SLL2_HEADER_LEN);

function parsed(b: Uint8Array, ph?: PseudoHeader) {
  const r = parseUdp(b, ph);
  if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.detail ?? ''}`);
  return r.value;
}

describe('udp', () => {
  it('parses a real datagram and verifies its checksum', () => {
    const { header, payload } = parsed(DNS.seg, DNS.ph);
    expect(header).toEqual({ srcPort: 56340, dstPort: 53, length: 78, checksum: udpChecksum(DNS.seg) });
    expect(payload.length).toBe(70);
  });

  it('emits the same bytes, computing length and checksum', () => {
    const { header, payload } = parsed(DNS.seg, DNS.ph);
    expect(emitUdp({ srcPort: header.srcPort, dstPort: header.dstPort }, payload, DNS.ph)).toEqual(DNS.seg);
  });

  it('reports truncation and bad lengths', () => {
    expect(parseUdp(DNS.seg.subarray(0, 7))).toMatchObject({ ok: false, error: { kind: 'truncated', layer: 'udp', offset: 7 } });
    expect(parseUdp(DNS.seg.subarray(0, 77))).toMatchObject({ ok: false, error: { kind: 'truncated', detail: '77 < length 78' } });
    const b = DNS.seg.slice();
    b[5] = 7;
    expect(parseUdp(b)).toMatchObject({ ok: false, error: { kind: 'bad-length', offset: 4 } });
  });

  it('reports a bad checksum only when a pseudo-header is given', () => {
    const b = DNS.seg.slice();
    b[30] = (b[30] ?? 0) ^ 1;
    expect(parseUdp(b, DNS.ph)).toMatchObject({ ok: false, error: { kind: 'bad-checksum', layer: 'udp', offset: 6 } });
    expect(parseUdp(b).ok).toBe(true);
  });

  it('treats checksum 0 as none (the kernel\'s VXLAN outer header) and emits it on request', () => {
    const { header, payload } = parsed(VXLAN.seg, VXLAN.ph);
    expect(header).toEqual({ srcPort: 50361, dstPort: 8472, length: 58, checksum: 0 });
    expect(emitUdp({ srcPort: 50361, dstPort: 8472, checksum: 0 }, payload, VXLAN.ph)).toEqual(VXLAN.seg);
  });

  it('sends a computed checksum of 0 as 0xffff (RFC 768)', () => {
    const ph = { src: 0x0a000001 as Ipv4Addr, dst: 0x0a000002 as Ipv4Addr };
    const payload = new Uint8Array(4);
    // Choose the last payload word so that the one's complement sum is 0xffff, i.e. the checksum computes to 0.
    const probe = emitUdp({ srcPort: 1000, dstPort: 2000, checksum: 0 }, payload, ph);
    const fill = internetChecksum(probe, 0, probe.length, pseudoHeaderSum(ph.src, ph.dst, IPPROTO_UDP, probe.length));
    payload[2] = fill >>> 8;
    payload[3] = fill & 0xff;
    const b = emitUdp({ srcPort: 1000, dstPort: 2000 }, payload, ph);
    expect(udpChecksum(b)).toBe(0xffff);
    expect(udpChecksumOk(b, ph)).toBe(true);
  });

  it('reads fields in place', () => {
    const f = labFrame('dnsQueryA');
    const off = ETH_HEADER_LEN + 20;
    expect([udpSrcPort(f, off), udpDstPort(f, off), udpLength(f, off)]).toEqual([56340, 53, 78]);
  });

  it('parse(emit(h)) == h up to computed fields', () => {
    const ph = fc.record({ src: fc.integer({ min: 0, max: 0xffffffff }), dst: fc.integer({ min: 0, max: 0xffffffff }) }).map((p) => ({ src: p.src as Ipv4Addr, dst: p.dst as Ipv4Addr }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xffff }), fc.uint8Array({ maxLength: 100 }), ph, (srcPort, dstPort, payload, p) => {
        const h: UdpHeader = { srcPort, dstPort };
        const r = parsed(emitUdp(h, payload, p), p);
        expect(r.header).toEqual({ ...h, length: 8 + payload.length, checksum: r.header.checksum });
        expect(r.header.checksum).not.toBe(0);
        expect(r.payload).toEqual(payload);
      }),
    );
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (b) => void parseUdp(b, { src: 1 as Ipv4Addr, dst: 2 as Ipv4Addr })));
  });
});
