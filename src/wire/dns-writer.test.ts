// The DNS writer across its buffer growth: a field written as the buffer outgrows its first 512 bytes lands
// in the grown buffer (it once went to the old one, losing an SOA's last field at byte 512).
import { describe, expect, it } from 'vitest';
import { emitDns, parseDns } from './index.js';

describe('DnsWriter growth', () => {
  it('keeps every field written across the 512-byte boundary', () => {
    for (let pad = 0; pad < 16; pad++) {
      const txt = 'x'.repeat(200);
      const m = {
        id: 7, qr: true, opcode: 0, aa: true, tc: false, rd: true, ra: false, z: false, ad: false, cd: false, rcode: 0,
        questions: [],
        answers: [0, 1].map((i) => ({ name: `a${i}.example.`, type: 16, class: 1, ttl: 30, data: { kind: 'txt' as const, texts: [txt.slice(0, 200 - pad)] } })),
        authorities: [],
        additionals: [{ name: 'example.', type: 6, class: 1, ttl: 30, data: { kind: 'soa' as const, mname: 'ns.example.', rname: 'h.example.', serial: 1, refresh: 2, retry: 3, expire: 4, minimum: 0x01020304 } }],
      };
      const r = parseDns(emitDns(m, { compress: false }));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const soa = r.value.additionals[0]?.data;
      expect(soa && 'minimum' in soa ? soa.minimum : undefined).toBe(0x01020304);
    }
  });
});
