import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frames, GOLDEN_TUNNEL_PCAP, labFrame } from '../../test/fixtures/wire/fixtures.js';
import { ETH_HEADER_LEN, ETH_P_ARP } from './ethernet.js';
import { SLL2_HEADER_LEN } from './sll2.js';
import { VXLAN_FLAG_I, VXLAN_HEADER_LEN, emitVxlan, parseVxlan, vxlanVni, type VxlanHeader } from './vxlan.js';

// tunnel/router.pcap record 1: "IP 192.168.10.100.50361 > 192.168.20.100.8472: OTV, flags [I] (0x08), overlay 0, instance 58696"
// followed by "ARP, Request who-has 172.20.1.16 tell 192.168.10.100".
const VXLAN_OFF = SLL2_HEADER_LEN + 20 + 8;
const KERNEL = (frames(GOLDEN_TUNNEL_PCAP)[0] ?? new Uint8Array(0)).subarray(VXLAN_OFF);

function parsed(b: Uint8Array) {
  const r = parseVxlan(b);
  if (!r.ok) throw new Error(r.error.kind);
  return r.value;
}

describe('vxlan', () => {
  it('parses the real kernel header (instance 58696) and its inner frame', () => {
    const { header, payload } = parsed(KERNEL);
    expect(header).toEqual({ vni: 58696, flags: VXLAN_FLAG_I, reserved1: 0, reserved2: 0 });
    expect(payload.length).toBe(42);
    expect(((payload[12] ?? 0) << 8) | (payload[13] ?? 0)).toBe(ETH_P_ARP);
  });

  it('emits the same bytes from just the VNI', () => {
    const { payload } = parsed(KERNEL);
    expect(emitVxlan({ vni: 58696 }, payload)).toEqual(KERNEL);
    const iana = labFrame('vxlanEchoRequest').subarray(ETH_HEADER_LEN + 28);
    expect(emitVxlan({ vni: 58696 }, parsed(iana).payload)).toEqual(iana);
  });

  it('reports truncation', () => {
    expect(parseVxlan(KERNEL.subarray(0, 7))).toMatchObject({ ok: false, error: { kind: 'truncated', layer: 'vxlan', offset: 7 } });
  });

  it('keeps flags and reserved bits as they are (tcpdump prints them too)', () => {
    const h = { vni: 1, flags: 0x88, reserved1: 0xabcdef, reserved2: 0x12 };
    expect(parsed(emitVxlan(h, new Uint8Array(0))).header).toEqual(h);
    expect(vxlanVni(frames(GOLDEN_TUNNEL_PCAP)[6] ?? new Uint8Array(0), VXLAN_OFF)).toBe(12564);
  });

  it('parse(emit(h)) == h up to defaults', () => {
    const header: fc.Arbitrary<VxlanHeader> = fc.record({ vni: fc.integer({ min: 0, max: 0xffffff }), flags: fc.integer({ min: 0, max: 255 }), reserved1: fc.integer({ min: 0, max: 0xffffff }), reserved2: fc.integer({ min: 0, max: 255 }) }, { requiredKeys: ['vni'] });
    fc.assert(
      fc.property(header, fc.uint8Array({ maxLength: 40 }), (h, payload) => {
        const r = parsed(emitVxlan(h, payload));
        expect(r.header).toEqual({ flags: VXLAN_FLAG_I, reserved1: 0, reserved2: 0, ...h });
        expect(r.payload).toEqual(payload);
        expect(VXLAN_HEADER_LEN).toBe(8);
      }),
    );
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 20 }), (b) => void parseVxlan(b)));
  });
});
