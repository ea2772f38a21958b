import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMac } from '../addr/index.js';
import { frames, GOLDEN_NATIVE_PCAP, GOLDEN_TUNNEL_PCAP, hex } from '../../test/fixtures/wire/fixtures.js';
import { ARPHRD_ETHER } from './arp.js';
import { ETH_P_IP } from './ethernet.js';
import { PACKET_HOST, PACKET_OUTGOING, SLL2_HEADER_LEN, emitSll2, parseSll2, sll2Mac, type Sll2Header } from './sll2.js';

// native/router.pcap records 1-2: "eth1 In IP 172.20.0.217 > ..." then "eth0 Out IP 172.20.0.217 > ...".
const IN = frames(GOLDEN_NATIVE_PCAP)[0] ?? new Uint8Array(0);
const OUT = frames(GOLDEN_NATIVE_PCAP)[1] ?? new Uint8Array(0);

function parsed(b: Uint8Array) {
  const r = parseSll2(b);
  if (!r.ok) throw new Error(r.error.kind);
  return r.value;
}

describe('sll2', () => {
  it('parses the pseudo-header tcpdump -i any wrote', () => {
    const { header, payload } = parsed(IN);
    expect(header).toEqual({ protocol: ETH_P_IP, reserved: 0, ifindex: 2, hatype: ARPHRD_ETHER, pkttype: PACKET_HOST, halen: 6, addr: hex('026fefda8b3f') });
    expect(sll2Mac(header) !== undefined && formatMac(sll2Mac(header) ?? 0 as never)).toBe('02:6f:ef:da:8b:3f');
    expect(payload[0]).toBe(0x45);
    expect(parsed(OUT).header).toMatchObject({ ifindex: 4, pkttype: PACKET_OUTGOING });
  });

  it('emits the same bytes for every record of both captures', () => {
    for (const f of [...frames(GOLDEN_NATIVE_PCAP), ...frames(GOLDEN_TUNNEL_PCAP)]) {
      const { header, payload } = parsed(f);
      expect(emitSll2({ protocol: header.protocol, ifindex: header.ifindex, hatype: header.hatype, pkttype: header.pkttype, addr: header.addr }, payload)).toEqual(f);
    }
  });

  it('reports truncation', () => {
    expect(parseSll2(IN.subarray(0, 19))).toMatchObject({ ok: false, error: { kind: 'truncated', layer: 'sll2', offset: 19 } });
  });

  it('parse(emit(h)) == h up to defaults', () => {
    const header: fc.Arbitrary<Sll2Header> = fc.record({ protocol: fc.integer({ min: 0, max: 0xffff }), ifindex: fc.integer({ min: 0, max: 0xffffffff }), hatype: fc.integer({ min: 0, max: 0xffff }), pkttype: fc.integer({ min: 0, max: 255 }), addr: fc.uint8Array({ maxLength: 8 }), reserved: fc.integer({ min: 0, max: 0xffff }) });
    fc.assert(
      fc.property(header, fc.uint8Array({ maxLength: 30 }), (h, payload) => {
        const r = parsed(emitSll2(h, payload));
        expect(r.header).toEqual({ ...h, halen: h.addr.length });
        expect(r.payload).toEqual(payload);
        expect(SLL2_HEADER_LEN).toBe(20);
      }),
    );
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 30 }), (b) => void parseSll2(b)));
  });
});
