import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIpv4, formatMac, MAC_ZERO, parseIpv4, parseMac, type Ipv4Addr, type MacAddr } from '../addr/index.js';
import { labFrame } from '../../test/fixtures/wire/fixtures.js';
import { ARP_LEN, ARPOP_REPLY, ARPOP_REQUEST, arp, arpOp, arpSha, arpSpa, arpTpa, emitArp, parseArp } from './arp.js';
import { ETH_HEADER_LEN } from './ethernet.js';

// wire-lab.pcap: "ARP, Request who-has 10.99.1.254 tell 10.99.1.1" and its reply, on a veth (no padding).
const REQUEST = labFrame('arpRequest').subarray(ETH_HEADER_LEN);
const REPLY = labFrame('arpReply').subarray(ETH_HEADER_LEN);

function addr(text: string): Ipv4Addr {
  const a = parseIpv4(text);
  if (a === undefined) throw new Error(text);
  return a;
}

function macOf(text: string): MacAddr {
  const m = parseMac(text);
  if (m === undefined) throw new Error(text);
  return m;
}

describe('arp', () => {
  it('parses a real request and reply', () => {
    const req = parseArp(REQUEST);
    const rep = parseArp(REPLY);
    if (!req.ok || !rep.ok) throw new Error('parse');
    expect(req.value.header).toEqual(arp({ op: ARPOP_REQUEST, sha: macOf('02:00:0a:63:01:01'), spa: addr('10.99.1.1'), tha: MAC_ZERO, tpa: addr('10.99.1.254') }));
    expect(rep.value.header.op).toBe(ARPOP_REPLY);
    expect(formatMac(rep.value.header.sha)).toBe('02:00:0a:63:01:fe');
    expect(formatIpv4(rep.value.header.spa)).toBe('10.99.1.254');
    expect(req.value.payload.length).toBe(0);
  });

  it('emits the same 28 bytes', () => {
    for (const pkt of [REQUEST, REPLY]) {
      const r = parseArp(pkt);
      if (!r.ok) throw new Error('parse');
      expect(emitArp(r.value.header)).toEqual(pkt);
    }
  });

  it('reports truncation and keeps Ethernet padding as payload', () => {
    expect(parseArp(REQUEST.subarray(0, 27))).toMatchObject({ ok: false, error: { kind: 'truncated', layer: 'arp' } });
    const padded = new Uint8Array(46);
    padded.set(REQUEST);
    const r = parseArp(padded);
    expect(r.ok && r.value.payload.length).toBe(46 - ARP_LEN);
  });

  it('rejects other hardware/protocol pairs as unsupported', () => {
    const b = REQUEST.slice();
    b[1] = 6; // htype IEEE 802
    expect(parseArp(b)).toMatchObject({ ok: false, error: { kind: 'unsupported', layer: 'arp', offset: 0 } });
  });

  it('reads fields in place', () => {
    expect(arpOp(REPLY)).toBe(ARPOP_REPLY);
    expect(formatIpv4(arpTpa(REQUEST))).toBe('10.99.1.254');
    expect(formatIpv4(arpSpa(REQUEST))).toBe('10.99.1.1');
    expect(formatMac(arpSha(REQUEST))).toBe('02:00:0a:63:01:01');
  });

  it('parse(emit(h)) == h', () => {
    const mac48 = fc.integer({ min: 0, max: 2 ** 48 - 1 }).map((n) => n as MacAddr);
    const ip = fc.integer({ min: 0, max: 0xffffffff }).map((n) => n as Ipv4Addr);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff }), mac48, ip, mac48, ip, (op, sha, spa, tha, tpa) => {
        const h = arp({ op, sha, spa, tha, tpa });
        const r = parseArp(emitArp(h));
        expect(r.ok && r.value.header).toEqual(h);
      }),
    );
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (b) => void parseArp(b)));
  });
});
