import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipv4 } from '../addr/index.js';
import { hex } from '../../test/fixtures/wire/fixtures.js';
import { checksumUpdate16, checksumUpdate32, foldSum, internetChecksum, onesSum, pseudoHeaderSum } from './checksum.js';

describe('internet checksum (RFC 1071)', () => {
  it('matches the numerical example of RFC 1071 §3', () => {
    // 00 01 f2 03 f4 f5 f6 f7: the one's complement sum is ddf2, so the checksum is 220d.
    const b = hex('0001f203f4f5f6f7');
    expect(foldSum(onesSum(b))).toBe(0xddf2);
    expect(internetChecksum(b)).toBe(0x220d);
  });

  it('pads an odd trailing byte with zero', () => {
    expect(onesSum(hex('0102ab'))).toBe(0x0102 + 0xab00);
  });

  it('verifies to 0 over a real IPv4 header (router.pcap, 172.20.0.217 > 172.20.1.224)', () => {
    const ip = hex('4500 0054 984c 4000 3f01 487b ac14 00d9 ac14 01e0');
    expect(internetChecksum(ip)).toBe(0);
  });

  it('folds sums far above 2^32 (a 64 KiB buffer of 0xff)', () => {
    const b = new Uint8Array(65536).fill(0xff);
    expect(foldSum(onesSum(b))).toBe(0xffff);
  });

  it('sums the pseudo-header (src, dst, proto, length)', () => {
    const sum = pseudoHeaderSum(ipv4(0xc0a80a64), ipv4(0xc0a81464), 17, 58);
    expect(sum).toBe(0xc0a8 + 0x0a64 + 0xc0a8 + 0x1464 + 17 + 58);
  });
});

describe('incremental update (RFC 1624)', () => {
  it('reproduces the RFC 1624 §5 example (HC 0xdd2f, m 0x5555 -> 0x3285 gives 0x0000)', () => {
    expect(checksumUpdate16(0xdd2f, 0x5555, 0x3285)).toBe(0x0000);
  });

  it('keeps a checksummed buffer valid after changing any 16-bit word', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 64 }), fc.nat(), fc.integer({ min: 0, max: 0xffff }), (bytes, at, word) => {
        const b = new Uint8Array(bytes.length + (bytes.length & 1));
        b.set(bytes);
        b[0] = 0;
        b[1] = 0;
        const c = internetChecksum(b);
        b[0] = c >>> 8;
        b[1] = c & 0xff;
        const i = 2 + (at % (b.length / 2 - 1)) * 2;
        const old = ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
        b[i] = word >>> 8;
        b[i + 1] = word & 0xff;
        // RFC 1624 §3: eqn. 3 yields 0x0000 rather than 0xffff only when every other word is zero, which a
        // real header (IPv4's version field, a UDP port) never is; the kernel's csum_replace2 shares it.
        fc.pre(b.some((x, k) => k > 1 && x !== 0));
        const next = checksumUpdate16(c, old, word);
        b[0] = next >>> 8;
        b[1] = next & 0xff;
        expect(internetChecksum(b)).toBe(0);
      }),
    );
  });

  it('patches a 32-bit address like a full recomputation', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.integer({ min: 0, max: 0xffffffff }), (bytes, addr) => {
        const b = Uint8Array.from(bytes);
        b[10] = 0;
        b[11] = 0;
        const c = internetChecksum(b);
        b[10] = c >>> 8;
        b[11] = c & 0xff;
        const old = ((b[12] ?? 0) * 2 ** 24 + ((b[13] ?? 0) << 16) + ((b[14] ?? 0) << 8) + (b[15] ?? 0)) >>> 0;
        b.set([addr >>> 24, (addr >>> 16) & 255, (addr >>> 8) & 255, addr & 255], 12);
        const next = checksumUpdate32(c, old, addr);
        b[10] = next >>> 8;
        b[11] = next & 0xff;
        expect(internetChecksum(b)).toBe(0);
      }),
    );
  });
});
