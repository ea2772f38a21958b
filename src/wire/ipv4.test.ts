import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIpv4, type Ipv4Addr } from '../addr/index.js';
import { frames, GOLDEN_NATIVE_PCAP, hex, labFrame } from '../../test/fixtures/wire/fixtures.js';
import { ETH_HEADER_LEN } from './ethernet.js';
import {
  IP_DF,
  IPPROTO_ICMP,
  IPPROTO_UDP,
  emitIpv4,
  ipv4Checksum,
  ipv4Dst,
  ipv4FragWord,
  ipv4HeaderLen,
  ipv4Id,
  ipv4L4Offset,
  ipv4Protocol,
  ipv4Src,
  ipv4TotalLen,
  ipv4Ttl,
  parseIpv4,
  tosDscp,
  tosEcn,
  type Ipv4Header,
} from './ipv4.js';
import { SLL2_HEADER_LEN } from './sll2.js';

// router.pcap (native), record 1: "eth1 In IP 172.20.0.217 > 172.20.1.224: ICMP echo request, id 6976, seq 1, length 64".
const PACKET = (frames(GOLDEN_NATIVE_PCAP)[0] ?? new Uint8Array(0)).subarray(SLL2_HEADER_LEN);

function parsed(b: Uint8Array) {
  const r = parseIpv4(b);
  if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.detail ?? ''}`);
  return r.value;
}

describe('ipv4', () => {
  it('parses a real packet', () => {
    const { header: h, payload } = parsed(PACKET);
    expect(formatIpv4(h.src)).toBe('172.20.0.217');
    expect(formatIpv4(h.dst)).toBe('172.20.1.224');
    expect(h).toMatchObject({ tos: 0, id: 0x984c, df: true, mf: false, fragOffset: 0, ttl: 63, protocol: IPPROTO_ICMP, headerLen: 20, totalLength: 84, checksum: 0x487b });
    expect(h.options.length).toBe(0);
    expect(payload.length).toBe(64);
  });

  it('emits the same bytes, computing length and checksum', () => {
    const { header, payload } = parsed(PACKET);
    const { checksum: _c, totalLength: _t, headerLen: _h, ...fields } = header;
    expect(emitIpv4(fields, payload)).toEqual(PACKET);
  });

  it('reports truncation: short header, short ihl, tot_len past the buffer', () => {
    expect(parseIpv4(PACKET.subarray(0, 19))).toMatchObject({ ok: false, error: { kind: 'truncated', layer: 'ipv4', offset: 19 } });
    expect(parseIpv4(PACKET.subarray(0, 83))).toMatchObject({ ok: false, error: { kind: 'truncated', detail: '83 < tot_len 84' } });
    const withOptions = PACKET.slice(0, 20);
    withOptions[0] = 0x46;
    expect(parseIpv4(withOptions)).toMatchObject({ ok: false, error: { kind: 'truncated', detail: '20 < header length 24' } });
  });

  it('reports a bad checksum, and still parses when asked not to verify', () => {
    const b = PACKET.slice();
    b[11] = (b[11] ?? 0) ^ 1;
    expect(parseIpv4(b)).toMatchObject({ ok: false, error: { kind: 'bad-checksum', layer: 'ipv4', offset: 10, detail: 'checksum 0x487a' } });
    const r = parseIpv4(b, { verifyChecksum: false });
    expect(r.ok && r.value.header.checksum).toBe(0x487a);
  });

  it('reports bad version, ihl and tot_len', () => {
    const v6 = PACKET.slice();
    v6[0] = 0x65;
    expect(parseIpv4(v6)).toMatchObject({ ok: false, error: { kind: 'bad-version' } });
    const ihl4 = PACKET.slice();
    ihl4[0] = 0x44;
    expect(parseIpv4(ihl4)).toMatchObject({ ok: false, error: { kind: 'bad-header-len' } });
    const short = PACKET.slice();
    short[2] = 0;
    short[3] = 19;
    expect(parseIpv4(short, { verifyChecksum: false })).toMatchObject({ ok: false, error: { kind: 'bad-length', offset: 2 } });
  });

  it('splits tos into DSCP and ECN', () => {
    // Linux ICMP errors carry tos 0xc0 (precedence "internetwork control", CS6).
    expect([tosDscp(0xc0), tosEcn(0xc0), tosDscp(0xb8), tosEcn(0x03)]).toEqual([48, 0, 46, 3]);
  });

  it('trims the payload to tot_len (Ethernet padding is not payload)', () => {
    const padded = new Uint8Array(PACKET.length + 6);
    padded.set(PACKET);
    expect(parsed(padded).payload.length).toBe(64);
  });

  it('keeps and pads options', () => {
    const h: Ipv4Header = { tos: 0, id: 7, df: false, mf: false, fragOffset: 0, ttl: 1, protocol: IPPROTO_UDP, src: 1 as Ipv4Addr, dst: 2 as Ipv4Addr, options: hex('94040000 01') };
    const b = emitIpv4(h, new Uint8Array(3));
    expect(ipv4HeaderLen(b)).toBe(28);
    expect(parsed(b).header.options).toEqual(hex('94040000 01000000'));
  });

  it('reads fields in place at an offset', () => {
    const frame = labFrame('echoRequest');
    const off = ETH_HEADER_LEN;
    expect(formatIpv4(ipv4Src(frame, off))).toBe('10.99.1.1');
    expect(formatIpv4(ipv4Dst(frame, off))).toBe('10.99.2.1');
    expect(ipv4Ttl(frame, off)).toBe(64);
    expect(ipv4Id(frame, off)).toBe(5790);
    expect(ipv4Protocol(frame, off)).toBe(IPPROTO_ICMP);
    expect(ipv4TotalLen(frame, off)).toBe(84);
    expect(ipv4FragWord(frame, off) & IP_DF).toBe(IP_DF);
    expect(ipv4L4Offset(frame, off)).toBe(34);
    expect(ipv4Checksum(frame, off)).toBe(parsed(frame.subarray(off)).header.checksum);
  });

  it('parse(emit(h)) == h up to computed fields', () => {
    const header = fc.record({
      tos: fc.integer({ min: 0, max: 255 }),
      id: fc.integer({ min: 0, max: 0xffff }),
      df: fc.boolean(),
      mf: fc.boolean(),
      fragOffset: fc.integer({ min: 0, max: 0x1fff }),
      ttl: fc.integer({ min: 0, max: 255 }),
      protocol: fc.integer({ min: 0, max: 255 }),
      src: fc.integer({ min: 0, max: 0xffffffff }).map((n) => n as Ipv4Addr),
      dst: fc.integer({ min: 0, max: 0xffffffff }).map((n) => n as Ipv4Addr),
      options: fc.integer({ min: 0, max: 10 }).chain((w) => fc.uint8Array({ minLength: 4 * w, maxLength: 4 * w })),
    });
    fc.assert(
      fc.property(header, fc.uint8Array({ maxLength: 100 }), (h, payload) => {
        const r = parsed(emitIpv4(h, payload));
        expect(r.header).toEqual({ ...h, headerLen: 20 + h.options.length, totalLength: 20 + h.options.length + payload.length, checksum: r.header.checksum });
        expect(r.payload).toEqual(payload);
      }),
    );
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 80 }), fc.boolean(), (b, verify) => void parseIpv4(b, { verifyChecksum: verify })));
  });
});
