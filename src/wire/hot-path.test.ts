// The packet engine reads and edits headers in place more than a million times a second (DESIGN: a pure
// core that emulates a whole lab). These checks keep the accessors allocation-free and fast.
import { describe, expect, it } from 'vitest';
import type { Ipv4Addr } from '../addr/index.js';
import { labFrame } from '../../test/fixtures/wire/fixtures.js';
import { ETH_P_IP, ethType } from './ethernet.js';
import { decTtl, setIpv4Dst, setL4Port } from './in-place-edit.js';
import { IPV4_OFF, ipv4ChecksumOk, ipv4Dst, ipv4Protocol, ipv4Src, ipv4Ttl } from './ipv4.js';
import { udpDstPort } from './udp.js';

describe('hot path', () => {
  it('forwards over 1M packet-hops a second (classify, TTL, periodic DNAT with port rewrite)', () => {
    const original = labFrame('dnsQueryA');
    const frame = original.slice();
    const ip = 14;
    let sum = 0;
    const run = (hops: number): number => {
      const start = performance.now();
      for (let i = 0; i < hops; i++) {
        if (ethType(frame) !== ETH_P_IP) continue;
        sum += ipv4Dst(frame, ip) ^ ipv4Src(frame, ip) ^ ipv4Protocol(frame, ip) ^ udpDstPort(frame, ip + 20);
        if (decTtl(frame, ip) === 1) frame.set(original);
        if ((i & 0xff) === 0) {
          setIpv4Dst(frame, ip, (0x0a600000 + (i & 0xffff)) as Ipv4Addr);
          setL4Port(frame, ip, 'dst', 53);
        }
      }
      return hops / ((performance.now() - start) / 1000);
    };
    // Best of three, after a warm-up: the rate, not the JIT, is under test.
    run(200_000);
    const rate = Math.max(run(500_000), run(500_000), run(500_000));
    expect(sum).not.toBe(0.5);
    expect(ipv4ChecksumOk(frame, ip)).toBe(true);
    expect(ipv4Ttl(frame, ip)).toBeGreaterThan(0);
    expect(rate).toBeGreaterThan(1_000_000);
  });
});
