import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GOLDEN_NATIVE_PCAP, GOLDEN_TUNNEL_PCAP, WIRE_LAB_PCAP, readBytes } from '../../test/fixtures/wire/fixtures.js';
import { bytesEqual } from './bytes.js';
import { LINKTYPE_ETHERNET, LINKTYPE_LINUX_SLL2, PCAP_DEFAULT_SNAPLEN, type PcapRecord } from './pcap-file.js';
import { readPcap, readPcapFileHeader } from './pcap-reader.js';
import { PcapWriter, writePcap } from './pcap-writer.js';

function read(b: Uint8Array) {
  const r = readPcap(b);
  if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.detail ?? ''}`);
  return r.value;
}

describe('pcap reader', () => {
  it('reads the header and records tcpdump 4.99.3 wrote (-i any, little-endian, usec)', () => {
    const f = read(readBytes(GOLDEN_NATIVE_PCAP));
    expect(f.header).toEqual({ byteOrder: 'little', tsResolution: 'usec', versionMajor: 2, versionMinor: 4, thiszone: 0, sigfigs: 0, snaplen: PCAP_DEFAULT_SNAPLEN, linktype: LINKTYPE_LINUX_SLL2 });
    expect(f.records.length).toBe(12);
    // "03:16:13.876895 eth1  In  IP 172.20.0.217 > 172.20.1.224: ICMP echo request, id 6976, seq 1, length 64"
    const first = f.records[0];
    expect(first && new Date(first.tsSec * 1000).toISOString().slice(11, 19)).toBe('03:16:13');
    expect(first?.tsUsec).toBe(876895);
    expect(first?.data.length).toBe(104);
    expect(first?.origLen).toBe(104);
    expect(read(readBytes(GOLDEN_TUNNEL_PCAP)).records.length).toBe(22);
    expect(read(readBytes(WIRE_LAB_PCAP)).header.linktype).toBe(LINKTYPE_ETHERNET);
  });

  it('reports a bad magic, a short header and records cut short', () => {
    const file = readBytes(GOLDEN_NATIVE_PCAP);
    expect(readPcap(file.subarray(0, 23))).toMatchObject({ ok: false, error: { kind: 'truncated', layer: 'pcap' } });
    const bad = file.slice();
    bad[0] = 0;
    expect(readPcap(bad)).toMatchObject({ ok: false, error: { kind: 'unsupported', detail: 'magic 0xc3b2a1' } });
    expect(readPcap(file.subarray(0, 30))).toMatchObject({ ok: false, error: { kind: 'truncated', offset: 24, detail: 'record header cut after 0 records' } });
    expect(readPcap(file.subarray(0, file.length - 1))).toMatchObject({ ok: false, error: { kind: 'truncated', detail: expect.stringContaining('after 11 records') } });
  });

  it('never throws', () => {
    const header = readBytes(GOLDEN_NATIVE_PCAP).subarray(0, 24);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), (b) => void readPcap(b)));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (tail) => {
        const b = new Uint8Array(24 + tail.length);
        b.set(header);
        b.set(tail, 24);
        void readPcap(b);
      }),
    );
  });
});

describe('pcap writer', () => {
  it('round-trips the real captures byte for byte', () => {
    for (const path of [GOLDEN_NATIVE_PCAP, GOLDEN_TUNNEL_PCAP, WIRE_LAB_PCAP]) {
      const file = readBytes(path);
      const f = read(file);
      expect(writePcap(f.header, f.records)).toEqual(file);
    }
  });

  it('writes big-endian and nanosecond files that read back the same', () => {
    const records: PcapRecord[] = [{ tsSec: 1, tsUsec: 999_999_999, data: Uint8Array.of(1, 2, 3) }];
    const b = writePcap({ linktype: LINKTYPE_ETHERNET, byteOrder: 'big', tsResolution: 'nsec' }, records);
    expect(Array.from(b.subarray(0, 4))).toEqual([0xa1, 0xb2, 0x3c, 0x4d]);
    const h = readPcapFileHeader(b);
    expect(h.ok && h.value).toMatchObject({ byteOrder: 'big', tsResolution: 'nsec', linktype: 1 });
    expect(read(b).records).toEqual([{ tsSec: 1, tsUsec: 999_999_999, origLen: 3, data: Uint8Array.of(1, 2, 3) }]);
  });

  it('cuts records to the snaplen and keeps orig_len', () => {
    const w = new PcapWriter({ linktype: LINKTYPE_ETHERNET, snaplen: 4 });
    w.write({ tsSec: 0, tsUsec: 0, data: Uint8Array.of(1, 2, 3, 4, 5, 6) });
    expect(w.count).toBe(1);
    expect(read(w.finish()).records[0]).toEqual({ tsSec: 0, tsUsec: 0, origLen: 6, data: Uint8Array.of(1, 2, 3, 4) });
  });

  it('keeps working across chunks and records larger than a chunk', () => {
    const big = new Uint8Array(3 << 20).map((_, i) => i & 0xff);
    const records: PcapRecord[] = [];
    for (let i = 0; i < 2000; i++) records.push({ tsSec: i, tsUsec: i, data: new Uint8Array(1000).fill(i & 0xff) });
    records.splice(1000, 0, { tsSec: 7, tsUsec: 7, data: big });
    const f = read(writePcap({ linktype: LINKTYPE_ETHERNET, snaplen: 4 << 20 }, records));
    expect(f.records.length).toBe(2001);
    expect(bytesEqual(f.records[1000]?.data ?? new Uint8Array(0), big)).toBe(true);
    expect(f.records[2000]?.data[0]).toBe(1999 & 0xff);
  });

  it('read(write(records)) == records for any records, byte order and resolution', () => {
    const record = fc.record({ tsSec: fc.integer({ min: 0, max: 0xffffffff }), tsUsec: fc.integer({ min: 0, max: 0xffffffff }), data: fc.uint8Array({ maxLength: 80 }) });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 20 }), fc.constantFrom('little' as const, 'big' as const), fc.constantFrom('usec' as const, 'nsec' as const), fc.integer({ min: 0, max: 300 }), (records, byteOrder, tsResolution, linktype) => {
        const f = read(writePcap({ linktype, byteOrder, tsResolution }, records));
        expect(f.header).toMatchObject({ linktype, byteOrder, tsResolution });
        expect(f.records).toEqual(records.map((r) => ({ ...r, origLen: r.data.length })));
      }),
    );
  });
});
