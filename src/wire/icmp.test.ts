import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labFrame } from '../../test/fixtures/wire/fixtures.js';
import { ETH_HEADER_LEN } from './ethernet.js';
import {
  ICMP_DEST_UNREACH,
  ICMP_ECHO,
  ICMP_ERROR_MAX_QUOTE,
  ICMP_EXC_TTL,
  ICMP_FRAG_NEEDED,
  ICMP_PORT_UNREACH,
  ICMP_TIME_EXCEEDED,
  emitIcmp,
  emitIcmpError,
  icmpCode,
  icmpEcho,
  icmpEchoId,
  icmpEchoSeq,
  icmpNextHopMtu,
  icmpType,
  parseIcmp,
  type IcmpHeader,
} from './icmp.js';
import { decTtl } from './in-place-edit.js';
import { parseIpv4 } from './ipv4.js';

/** The IPv4 packet of a wire-lab frame. */
function ipOf(frame: Uint8Array): Uint8Array {
  return frame.subarray(ETH_HEADER_LEN);
}

/** The ICMP message of a wire-lab frame (IPv4 header without options). */
function icmpOf(frame: Uint8Array): Uint8Array {
  return frame.subarray(ETH_HEADER_LEN + 20);
}

const ECHO = icmpOf(labFrame('echoRequest'));

function parsed(b: Uint8Array) {
  const r = parseIcmp(b);
  if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.detail ?? ''}`);
  return r.value;
}

describe('icmp echo', () => {
  it('parses a real echo request (id 11961, seq 1, 56 data bytes)', () => {
    const { header, payload } = parsed(ECHO);
    expect(header).toMatchObject({ kind: 'echo', type: ICMP_ECHO, code: 0, id: 11961, seq: 1 });
    expect(payload.length).toBe(56);
  });

  it('emits the same bytes, computing the checksum', () => {
    const { header, payload } = parsed(ECHO);
    expect(emitIcmp(icmpEcho('request', header.kind === 'echo' ? header.id : -1, 1), payload)).toEqual(ECHO);
    const reply = icmpOf(labFrame('echoReply'));
    expect(emitIcmp(icmpEcho('reply', 11961, 1), parsed(reply).payload)).toEqual(reply);
  });

  it('reports truncation and a bad checksum', () => {
    expect(parseIcmp(ECHO.subarray(0, 7))).toMatchObject({ ok: false, error: { kind: 'truncated', layer: 'icmp', offset: 7 } });
    const bad = ECHO.slice();
    bad[20] = (bad[20] ?? 0) ^ 0xff;
    expect(parseIcmp(bad)).toMatchObject({ ok: false, error: { kind: 'bad-checksum', layer: 'icmp', offset: 2 } });
    expect(parseIcmp(bad, { verifyChecksum: false }).ok).toBe(true);
  });

  it('reads fields in place', () => {
    const f = labFrame('echoRequest');
    const off = ETH_HEADER_LEN + 20;
    expect([icmpType(f, off), icmpCode(f, off), icmpEchoId(f, off), icmpEchoSeq(f, off)]).toEqual([ICMP_ECHO, 0, 11961, 1]);
  });
});

describe('icmp errors quote like Linux __icmp_send()', () => {
  it('time exceeded in transit: the router quotes the whole 84-byte datagram', () => {
    const msg = icmpOf(labFrame('timeExceeded'));
    const { header, payload } = parsed(msg);
    expect(header).toMatchObject({ kind: 'time-exceeded', type: ICMP_TIME_EXCEEDED, code: ICMP_EXC_TTL });
    expect(payload).toEqual(ipOf(labFrame('ttl1Request')));
    expect(emitIcmpError(ICMP_TIME_EXCEEDED, ICMP_EXC_TTL, ipOf(labFrame('ttl1Request')))).toEqual(msg);
  });

  it('fragmentation needed (mtu 1280): quotes 548 bytes of a 1428-byte datagram', () => {
    const msg = icmpOf(labFrame('fragNeeded'));
    const { header, payload } = parsed(msg);
    expect(header).toMatchObject({ kind: 'dest-unreach', code: ICMP_FRAG_NEEDED, nextHopMtu: 1280 });
    expect(payload.length).toBe(ICMP_ERROR_MAX_QUOTE);
    expect(icmpNextHopMtu(msg)).toBe(1280);
    const original = ipOf(labFrame('bigDfRequest'));
    expect(emitIcmpError(ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, original, { nextHopMtu: 1280 })).toEqual(msg);
  });

  it('port unreachable: b quotes the datagram as it arrived, one hop later (TTL 63)', () => {
    const msg = icmpOf(labFrame('portUnreachable'));
    expect(parsed(msg).header).toMatchObject({ kind: 'dest-unreach', code: ICMP_PORT_UNREACH, nextHopMtu: 0 });
    const arrived = ipOf(labFrame('udpToClosedPort')).slice();
    decTtl(arrived, 0);
    expect(emitIcmpError(ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, arrived)).toEqual(msg);
  });

  it('ignores bytes past tot_len and honours maxLen', () => {
    const original = ipOf(labFrame('ttl1Request'));
    const padded = new Uint8Array(original.length + 10);
    padded.set(original);
    expect(parsed(emitIcmpError(ICMP_TIME_EXCEEDED, 0, padded)).payload.length).toBe(84);
    expect(parsed(emitIcmpError(ICMP_TIME_EXCEEDED, 0, original, { maxLen: 28 })).payload).toEqual(original.subarray(0, 28));
    const quoted = parseIpv4(parsed(emitIcmpError(ICMP_TIME_EXCEEDED, 0, original)).payload);
    expect(quoted.ok).toBe(true);
  });

  it('keeps unknown types and non-zero unused bytes raw', () => {
    const h: IcmpHeader = { kind: 'other', type: 12, code: 0, rest: 0x14000000 };
    expect(parsed(emitIcmp(h, new Uint8Array(4))).header).toEqual({ ...h, checksum: expect.any(Number) });
    const oddTe: IcmpHeader = { kind: 'other', type: ICMP_TIME_EXCEEDED, code: 0, rest: 1 };
    expect(parsed(emitIcmp(oddTe, new Uint8Array(0))).header.kind).toBe('other');
  });
});

describe('icmp laws', () => {
  const header: fc.Arbitrary<IcmpHeader> = fc.oneof(
    fc.record({ kind: fc.constant('echo' as const), type: fc.constantFrom(0 as const, 8 as const), code: fc.integer({ min: 0, max: 255 }), id: fc.integer({ min: 0, max: 0xffff }), seq: fc.integer({ min: 0, max: 0xffff }) }),
    fc.record({ kind: fc.constant('dest-unreach' as const), type: fc.constant(3 as const), code: fc.integer({ min: 0, max: 255 }), nextHopMtu: fc.integer({ min: 0, max: 0xffff }) }),
    fc.record({ kind: fc.constant('time-exceeded' as const), type: fc.constant(11 as const), code: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('other' as const), type: fc.integer({ min: 0, max: 255 }).filter((t) => ![0, 3, 8, 11].includes(t)), code: fc.integer({ min: 0, max: 255 }), rest: fc.integer({ min: 0, max: 0xffffffff }) }),
  );

  it('parse(emit(h)) == h up to the checksum', () => {
    fc.assert(
      fc.property(header, fc.uint8Array({ maxLength: 64 }), (h, payload) => {
        const r = parsed(emitIcmp(h, payload));
        expect(r.header).toEqual({ ...h, checksum: r.header.checksum });
        expect(r.payload).toEqual(payload);
      }),
    );
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (b) => void parseIcmp(b)));
  });
});
