import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ipv4Addr } from '../addr/index.js';
import { hex, labFrame, toHex } from '../../test/fixtures/wire/fixtures.js';
import { ETH_HEADER_LEN } from './ethernet.js';
import { ipv4Dst, ipv4Src } from './ipv4.js';
import type { PseudoHeader } from './pseudo-header.js';
import { TCP_ACK, TCP_FIN, TCP_PSH, TCP_SYN, emitTcp, parseTcp, tcpAck, tcpDstPort, tcpFlags, tcpHeaderLen, tcpSeq, tcpSrcPort, tcpWindow, type TcpHeader } from './tcp.js';
import { linuxSynOptions, parseTcpOptions, tcpOptionsLen, type TcpOption } from './tcp-options.js';

function l4(name: Parameters<typeof labFrame>[0]): { seg: Uint8Array; ph: PseudoHeader } {
  const f = labFrame(name);
  return { seg: f.subarray(ETH_HEADER_LEN + 20), ph: { src: ipv4Src(f, ETH_HEADER_LEN), dst: ipv4Dst(f, ETH_HEADER_LEN) } };
}

// wire-lab.pcap: "10.99.1.1.48266 > 10.99.2.1.8080: Flags [S], cksum 0x2f6e (correct), seq 1835329234, win 64480,
// options [mss 1240,sackOK,TS val 2662020805 ecr 0,nop,wscale 10]" from Linux 6.18.
const SYN = l4('tcpSyn');

function parsed(b: Uint8Array, ph?: PseudoHeader) {
  const r = parseTcp(b, ph);
  if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.detail ?? ''}`);
  return r.value;
}

describe('tcp', () => {
  it('parses a real Linux SYN with its options', () => {
    const { header, payload } = parsed(SYN.seg, SYN.ph);
    expect(header).toEqual({
      srcPort: 48266,
      dstPort: 8080,
      seq: 1835329234,
      ack: 0,
      flags: TCP_SYN,
      window: 64480,
      urgentPointer: 0,
      options: linuxSynOptions(1240, 2662020805, 0, 10),
      headerLen: 40,
      checksum: 0x2f6e,
    });
    expect(payload.length).toBe(0);
  });

  it('emits the SYN byte for byte in Linux option order (02 04 .. 04 02 08 0a .. 01 03 03 0a)', () => {
    const b = emitTcp({ srcPort: 48266, dstPort: 8080, seq: 1835329234, ack: 0, flags: TCP_SYN, window: 64480, urgentPointer: 0, options: linuxSynOptions(1240, 2662020805, 0, 10) }, new Uint8Array(0), SYN.ph);
    expect(b).toEqual(SYN.seg);
    expect(toHex(b.subarray(20))).toBe('020404d8' + '0402080a' + '9eab36c5' + '00000000' + '0103030a');
  });

  it('emits every segment of a real connection (data, ACK, FIN) with computed checksums', () => {
    for (const name of ['tcpSynAck', 'tcpAck', 'tcpRequest', 'tcpResponse', 'dnsTcpQuery'] as const) {
      const { seg, ph } = l4(name);
      const { header, payload } = parsed(seg, ph);
      const { checksum: _c, headerLen: _h, ...fields } = header;
      expect(emitTcp(fields, payload, ph)).toEqual(seg);
    }
    expect(parsed(l4('tcpRequest').seg).header.flags).toBe(TCP_PSH | TCP_ACK);
    expect(new TextDecoder().decode(parsed(l4('tcpRequest').seg).payload)).toBe('GET / HTTP/1.0\r\n\r\n');
  });

  it('reports truncation', () => {
    expect(parseTcp(SYN.seg.subarray(0, 19))).toMatchObject({ ok: false, error: { kind: 'truncated', layer: 'tcp', offset: 19 } });
    expect(parseTcp(SYN.seg.subarray(0, 39))).toMatchObject({ ok: false, error: { kind: 'truncated', detail: '39 < header length 40' } });
  });

  it('reports a bad checksum with a pseudo-header', () => {
    const b = SYN.seg.slice();
    b[4] = (b[4] ?? 0) ^ 0x80;
    expect(parseTcp(b, SYN.ph)).toMatchObject({ ok: false, error: { kind: 'bad-checksum', layer: 'tcp', offset: 16, detail: 'checksum 0x2f6e' } });
    expect(parseTcp(b).ok).toBe(true);
  });

  it('reports a bad data offset and malformed options', () => {
    const b = SYN.seg.slice();
    b[12] = 0x40;
    expect(parseTcp(b)).toMatchObject({ ok: false, error: { kind: 'bad-header-len', offset: 12 } });
    const opt = SYN.seg.slice();
    opt[21] = 1; // MSS option with length 1
    expect(parseTcp(opt)).toMatchObject({ ok: false, error: { kind: 'bad-length', layer: 'tcp', offset: 21 } });
    opt[21] = 40; // runs past the option area
    expect(parseTcp(opt)).toMatchObject({ ok: false, error: { kind: 'bad-length', offset: 21 } });
  });

  it('keeps unknown options, SACK blocks and EOL; pads to 4 bytes with zeros', () => {
    const options: TcpOption[] = [{ kind: 'nop' }, { kind: 'nop' }, { kind: 'sack', blocks: [{ left: 1, right: 2 }] }, { kind: 'unknown', type: 30, data: hex('abcd') }, { kind: 'eol' }];
    const b = emitTcp({ srcPort: 1, dstPort: 2, seq: 3, ack: 4, flags: TCP_ACK | TCP_FIN, window: 5, urgentPointer: 0, options }, new Uint8Array(0), SYN.ph);
    expect(tcpHeaderLen(b)).toBe(40);
    expect(parsed(b, SYN.ph).header.options).toEqual(options);
    expect(parseTcpOptions(hex('0204ffff 0303')).ok).toBe(false);
    expect(parseTcpOptions(hex('020305')).ok && parseTcpOptions(hex('020305'))).toEqual({ ok: true, value: [{ kind: 'unknown', type: 2, data: hex('05') }] });
  });

  it('reads fields in place', () => {
    const f = labFrame('tcpSynAck');
    const off = ETH_HEADER_LEN + 20;
    expect([tcpSrcPort(f, off), tcpDstPort(f, off), tcpSeq(f, off), tcpAck(f, off), tcpFlags(f, off), tcpWindow(f, off)]).toEqual([8080, 48266, 2835072213, 1835329235, TCP_SYN | TCP_ACK, 65084]);
  });

  const option: fc.Arbitrary<TcpOption> = fc.oneof(
    fc.constant({ kind: 'nop' as const }),
    fc.integer({ min: 0, max: 0xffff }).map((mss) => ({ kind: 'mss' as const, mss })),
    fc.integer({ min: 0, max: 255 }).map((shift) => ({ kind: 'wscale' as const, shift })),
    fc.constant({ kind: 'sack-permitted' as const }),
    fc.array(fc.record({ left: fc.integer({ min: 0, max: 0xffffffff }), right: fc.integer({ min: 0, max: 0xffffffff }) }), { minLength: 1, maxLength: 3 }).map((blocks) => ({ kind: 'sack' as const, blocks })),
    fc.record({ tsval: fc.integer({ min: 0, max: 0xffffffff }), tsecr: fc.integer({ min: 0, max: 0xffffffff }) }).map((t) => ({ kind: 'timestamps' as const, ...t })),
    fc.record({ type: fc.integer({ min: 6, max: 255 }).filter((t) => t !== 8), data: fc.uint8Array({ maxLength: 6 }) }).map((u) => ({ kind: 'unknown' as const, ...u })),
  );

  it('parse(emit(h)) == h up to computed fields (and the EOL padding adds)', () => {
    const header = fc.record({
      srcPort: fc.integer({ min: 0, max: 0xffff }),
      dstPort: fc.integer({ min: 0, max: 0xffff }),
      seq: fc.integer({ min: 0, max: 0xffffffff }),
      ack: fc.integer({ min: 0, max: 0xffffffff }),
      flags: fc.integer({ min: 0, max: 0xfff }),
      window: fc.integer({ min: 0, max: 0xffff }),
      urgentPointer: fc.integer({ min: 0, max: 0xffff }),
      options: fc.array(option, { maxLength: 4 }).filter((os) => tcpOptionsLen(os) <= 40),
    });
    const ph = { src: 0xc0a80a64 as Ipv4Addr, dst: 0xac140110 as Ipv4Addr };
    fc.assert(
      fc.property(header, fc.uint8Array({ maxLength: 40 }), (h: TcpHeader, payload) => {
        const r = parsed(emitTcp(h, payload, ph), ph);
        const { options, headerLen: _l, checksum: _c, ...rest } = r.header;
        const { options: _o, ...fields } = h;
        expect(rest).toEqual(fields);
        const trimmed = options.length > h.options.length ? options.slice(0, h.options.length) : options;
        expect(trimmed).toEqual(h.options);
        expect(options.slice(h.options.length).every((o) => o.kind === 'eol')).toBe(true);
        expect(r.payload).toEqual(payload);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses to emit more than 40 bytes of options (a bug, not a packet)', () => {
    const options: TcpOption[] = Array.from({ length: 5 }, () => ({ kind: 'timestamps', tsval: 0, tsecr: 0 }));
    expect(() => emitTcp({ srcPort: 1, dstPort: 2, seq: 0, ack: 0, flags: 0, window: 0, urgentPointer: 0, options }, new Uint8Array(0), SYN.ph)).toThrow(RangeError);
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 80 }), (b) => void parseTcp(b, SYN.ph)));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (b) => void parseTcpOptions(b)));
  });
});
