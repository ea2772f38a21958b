import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMac, mac, type MacAddr } from '../addr/index.js';
import { frames, hex, WIRE_LAB_PCAP } from '../../test/fixtures/wire/fixtures.js';
import { ETH_HEADER_LEN, ETH_P_ARP, ETH_P_IP, ETH_P_IPV6, emitEthernet, ethDst, ethSrc, ethType, padEthernet, parseEthernet, setEthDst } from './ethernet.js';

// wire-lab.pcap record 6: 02:00:0a:63:01:01 > 02:00:0a:63:01:fe, ethertype IPv4, ICMP echo request.
const FRAME = frames(WIRE_LAB_PCAP)[5] ?? new Uint8Array(0);

describe('ethernet', () => {
  it('parses a real frame', () => {
    const r = parseEthernet(FRAME);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(formatMac(r.value.header.dst)).toBe('02:00:0a:63:01:fe');
    expect(formatMac(r.value.header.src)).toBe('02:00:0a:63:01:01');
    expect(r.value.header.ethertype).toBe(ETH_P_IP);
    expect(r.value.payload.length).toBe(FRAME.length - ETH_HEADER_LEN);
    expect(r.value.payload.buffer).toBe(FRAME.buffer);
  });

  it('emits the same bytes', () => {
    const r = parseEthernet(FRAME);
    if (!r.ok) throw new Error('parse');
    expect(emitEthernet(r.value.header, r.value.payload)).toEqual(FRAME);
  });

  it('reports a truncated header', () => {
    const r = parseEthernet(FRAME.subarray(0, 13));
    expect(r).toEqual({ ok: false, error: { kind: 'truncated', layer: 'ethernet', offset: 13, detail: '13 < 14 bytes' } });
  });

  it('reads fields in place and edits the destination', () => {
    expect(ethType(FRAME)).toBe(ETH_P_IP);
    expect(formatMac(ethSrc(FRAME))).toBe('02:00:0a:63:01:01');
    const copy = FRAME.slice();
    setEthDst(copy, 0, mac([1, 2, 3, 4, 5, 6]));
    expect(formatMac(ethDst(copy))).toBe('01:02:03:04:05:06');
  });

  it('leaves the ethertype of IPv6 and ARP frames to the caller', () => {
    const all = frames(WIRE_LAB_PCAP);
    expect(ethType(all[0] ?? new Uint8Array(0))).toBe(ETH_P_IPV6);
    expect(ethType(all[3] ?? new Uint8Array(0))).toBe(ETH_P_ARP);
  });

  it('pads short frames to 60 bytes like a NIC', () => {
    const short = hex('ffffffffffff 020000000001 0806');
    expect(padEthernet(short).length).toBe(60);
    expect(padEthernet(FRAME)).toBe(FRAME);
  });

  it('parse(emit(h)) == h', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), fc.integer({ min: 0, max: 2 ** 48 - 1 }), fc.integer({ min: 0, max: 0xffff }), fc.uint8Array({ maxLength: 64 }), (d, s, t, payload) => {
        const h = { dst: d as MacAddr, src: s as MacAddr, ethertype: t };
        const r = parseEthernet(emitEthernet(h, payload));
        expect(r.ok && r.value.header).toEqual(h);
        expect(r.ok && r.value.payload).toEqual(payload);
      }),
    );
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (b) => void parseEthernet(b)));
  });
});
