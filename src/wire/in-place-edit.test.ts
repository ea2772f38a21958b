import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIpv4, parseIpv4 as parseAddr, type Ipv4Addr } from '../addr/index.js';
import { frames, GOLDEN_NATIVE_PCAP, labFrame } from '../../test/fixtures/wire/fixtures.js';
import { internetChecksum } from './checksum.js';
import { ETH_HEADER_LEN } from './ethernet.js';
import { decTtl, l4ChecksumOffset, setIcmpEchoId, setIpv4Dst, setIpv4Src, setL4Port, updateL4ChecksumForAddr } from './in-place-edit.js';
import { icmpEchoId } from './icmp.js';
import { emitIpv4, IPPROTO_TCP, IPPROTO_UDP, ipv4ChecksumOk, ipv4Dst, ipv4Src, ipv4Ttl } from './ipv4.js';
import { SLL2_HEADER_LEN } from './sll2.js';
import { tcpChecksumOk, tcpDstPort } from './tcp.js';
import { emitUdp, udpChecksum, udpChecksumOk, udpSrcPort } from './udp.js';

const IP = ETH_HEADER_LEN;

function addr(text: string): Ipv4Addr {
  const a = parseAddr(text);
  if (a === undefined) throw new Error(text);
  return a;
}

function l4Ok(frame: Uint8Array): boolean {
  const ip = frame.subarray(IP);
  const ph = { src: ipv4Src(ip), dst: ipv4Dst(ip) };
  const seg = ip.subarray(20);
  return ip[9] === IPPROTO_TCP ? tcpChecksumOk(seg, ph) : udpChecksumOk(seg, ph);
}

describe('decTtl (ip_decrease_ttl)', () => {
  it('turns the router capture\'s "eth1 In" packet into its "eth0 Out" packet byte for byte', () => {
    // native/router.pcap: every forwarded packet appears twice, In (TTL n) then Out (TTL n-1), as the kernel forwarded it.
    const all = frames(GOLDEN_NATIVE_PCAP);
    for (const [inIdx, outIdx] of [[0, 1], [2, 3], [4, 5], [8, 9], [10, 11]] as const) {
      const inPkt = (all[inIdx] ?? new Uint8Array(0)).subarray(SLL2_HEADER_LEN).slice();
      const outPkt = (all[outIdx] ?? new Uint8Array(0)).subarray(SLL2_HEADER_LEN);
      expect(decTtl(inPkt, 0)).toBe(ipv4Ttl(outPkt));
      expect(inPkt).toEqual(outPkt);
    }
  });

  it('keeps the header checksum valid for every TTL and checksum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 255 }), fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 255 }), (ttl, id, proto) => {
        const b = emitIpv4({ tos: 0, id, df: false, mf: false, fragOffset: 0, ttl, protocol: proto, src: addr('10.0.0.1'), dst: addr('10.0.0.2') }, new Uint8Array(0));
        expect(decTtl(b, 0)).toBe(ttl - 1);
        expect(ipv4ChecksumOk(b)).toBe(true);
      }),
    );
  });
});

describe('NAT edits', () => {
  it('SNATs a real TCP SYN: IP and TCP checksums stay valid', () => {
    const f = labFrame('tcpSyn').slice();
    setIpv4Src(f, IP, addr('192.168.10.100'));
    expect(formatIpv4(ipv4Src(f, IP))).toBe('192.168.10.100');
    expect(ipv4ChecksumOk(f, IP)).toBe(true);
    expect(l4Ok(f)).toBe(true);
  });

  it('DNATs a real UDP datagram and its port', () => {
    const f = labFrame('dnsQueryA').slice();
    setIpv4Dst(f, IP, addr('10.96.0.10'));
    expect(setL4Port(f, IP, 'src', 12345)).toBe(true);
    expect(udpSrcPort(f, IP + 20)).toBe(12345);
    expect(ipv4ChecksumOk(f, IP)).toBe(true);
    expect(l4Ok(f)).toBe(true);
  });

  it('can leave the L4 checksum alone, and says so when there is none to patch', () => {
    const f = labFrame('tcpSyn').slice();
    setIpv4Dst(f, IP, addr('1.2.3.4'), { fixL4Checksum: false });
    expect(ipv4ChecksumOk(f, IP)).toBe(true);
    expect(l4Ok(f)).toBe(false);
    const icmp = labFrame('echoRequest').slice();
    expect(l4ChecksumOffset(icmp, IP)).toBe(-1);
    expect(updateL4ChecksumForAddr(icmp, IP, addr('1.1.1.1'), addr('2.2.2.2'))).toBe(false);
    expect(setL4Port(icmp, IP, 'dst', 1)).toBe(false);
  });

  it('keeps a UDP checksum of 0 (none) at 0', () => {
    const udp = emitUdp({ srcPort: 1, dstPort: 8472, checksum: 0 }, new Uint8Array(8), { src: addr('10.0.0.1'), dst: addr('10.0.0.2') });
    const pkt = emitIpv4({ tos: 0, id: 1, df: false, mf: false, fragOffset: 0, ttl: 64, protocol: IPPROTO_UDP, src: addr('10.0.0.1'), dst: addr('10.0.0.2') }, udp);
    setIpv4Src(pkt, 0, addr('10.0.0.9'));
    setL4Port(pkt, 0, 'src', 999);
    expect(udpChecksum(pkt, 20)).toBe(0);
  });

  it('rewrites the ICMP echo id (ping NAT) of a real request', () => {
    const f = labFrame('echoRequest').slice();
    expect(setIcmpEchoId(f, IP, 0x1234)).toBe(true);
    expect(icmpEchoId(f, IP + 20)).toBe(0x1234);
    expect(internetChecksum(f, IP + 20, f.length)).toBe(0);
    expect(setIcmpEchoId(labFrame('timeExceeded').slice(), IP, 1)).toBe(false);
  });

  it('keeps TCP and UDP checksums valid for any address and port', () => {
    const segments = [labFrame('tcpSyn'), labFrame('tcpRequest'), labFrame('dnsQueryA'), labFrame('udpToClosedPort')];
    fc.assert(
      fc.property(fc.constantFrom(...segments), fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffff }), fc.boolean(), (frame, a, port, isSrc) => {
        const f = frame.slice();
        if (isSrc) setIpv4Src(f, IP, a as Ipv4Addr);
        else setIpv4Dst(f, IP, a as Ipv4Addr);
        setL4Port(f, IP, isSrc ? 'src' : 'dst', port);
        expect(ipv4ChecksumOk(f, IP)).toBe(true);
        expect(l4Ok(f)).toBe(true);
        if (!isSrc && f[IP + 9] === IPPROTO_TCP) expect(tcpDstPort(f, IP + 20)).toBe(port);
      }),
    );
  });
});
