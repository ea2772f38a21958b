import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENEVE_OVS_FRAME, hex } from '../../test/fixtures/wire/fixtures.js';
import { ETH_HEADER_LEN, ETH_P_TEB } from './ethernet.js';
import { GENEVE_HEADER_LEN, emitGeneve, geneveEthernet, geneveHeaderLenAt, geneveProtocolType, geneveVni, parseGeneve, type GeneveHeader } from './geneve.js';

// An Open vSwitch Geneve frame (gopacket's testPacketGeneve3); tcpdump 4.99 prints it as
// "20.0.0.1.12618 > 20.0.0.2.6081: [no cksum] Geneve, Flags [C], vni 0xa, options [class Standard (0x0) type 0x80(C) len 8 data 0000000c]".
const GENEVE_OFF = ETH_HEADER_LEN + 20 + 8;
const FRAME = GENEVE_OVS_FRAME();
const GENEVE = FRAME.subarray(GENEVE_OFF);

function parsed(b: Uint8Array) {
  const r = parseGeneve(b);
  if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.detail ?? ''}`);
  return r.value;
}

describe('geneve', () => {
  it('parses a real header with a critical option', () => {
    const { header, payload } = parsed(GENEVE);
    expect(header).toEqual({
      version: 0,
      oam: false,
      critical: true,
      reservedFlags: 0,
      protocolType: ETH_P_TEB,
      vni: 10,
      reserved2: 0,
      options: [{ class: 0, type: 0x80, reserved: 0, data: hex('0000000c') }],
    });
    expect(payload.length).toBe(98);
    expect(payload.subarray(12, 14)).toEqual(hex('0800'));
  });

  it('emits the same bytes', () => {
    const { payload } = parsed(GENEVE);
    const h: GeneveHeader = { oam: false, critical: true, protocolType: ETH_P_TEB, vni: 10, options: [{ class: 0, type: 0x80, data: hex('0000000c') }] };
    expect(emitGeneve(h, payload)).toEqual(GENEVE);
  });

  it('reports truncation, a bad version and options that overrun', () => {
    expect(parseGeneve(GENEVE.subarray(0, 7))).toMatchObject({ ok: false, error: { kind: 'truncated', layer: 'geneve', offset: 7 } });
    expect(parseGeneve(GENEVE.subarray(0, 15))).toMatchObject({ ok: false, error: { kind: 'truncated' } });
    const v1 = GENEVE.slice();
    v1[0] = 0x42;
    expect(parseGeneve(v1)).toMatchObject({ ok: false, error: { kind: 'bad-version' } });
    const overrun = GENEVE.slice();
    overrun[11] = 0x02; // option claims 8 data bytes, the option area has 4
    expect(parseGeneve(overrun)).toMatchObject({ ok: false, error: { kind: 'bad-length', offset: 11 } });
  });

  it('reads fields in place and builds a plain Ethernet header', () => {
    expect([geneveVni(FRAME, GENEVE_OFF), geneveHeaderLenAt(FRAME, GENEVE_OFF), geneveProtocolType(FRAME, GENEVE_OFF)]).toEqual([10, 16, ETH_P_TEB]);
    expect(emitGeneve(geneveEthernet(4242), new Uint8Array(0))).toEqual(hex('00006558 00109200'));
  });

  it('parse(emit(h)) == h up to defaults', () => {
    const option = fc.record({ class: fc.integer({ min: 0, max: 0xffff }), type: fc.integer({ min: 0, max: 255 }), reserved: fc.integer({ min: 0, max: 7 }), data: fc.integer({ min: 0, max: 4 }).chain((w) => fc.uint8Array({ minLength: 4 * w, maxLength: 4 * w })) });
    const header = fc.record({ oam: fc.boolean(), critical: fc.boolean(), protocolType: fc.integer({ min: 0, max: 0xffff }), vni: fc.integer({ min: 0, max: 0xffffff }), options: fc.array(option, { maxLength: 3 }), reservedFlags: fc.integer({ min: 0, max: 63 }), reserved2: fc.integer({ min: 0, max: 255 }) });
    fc.assert(
      fc.property(header, fc.uint8Array({ maxLength: 30 }), (h, payload) => {
        const r = parsed(emitGeneve(h, payload));
        expect(r.header).toEqual({ ...h, version: 0 });
        expect(r.payload).toEqual(payload);
        expect(GENEVE_HEADER_LEN).toBe(8);
      }),
    );
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 60 }), (b) => void parseGeneve(b)));
  });
});
