// Layer wire: a pcap file writer (format in pcap-file.ts). Records are appended into fixed-size chunks and
// the file is joined once at the end, so writing costs O(bytes), not O(records x file size).
// Records longer than the snaplen are cut to it, with orig_len kept, as libpcap does.

import { concatBytes } from './bytes.js';
import {
  PCAP_DEFAULT_SNAPLEN,
  PCAP_FILE_HEADER_LEN,
  PCAP_MAGIC_NSEC,
  PCAP_MAGIC_USEC,
  PCAP_RECORD_HEADER_LEN,
  PCAP_VERSION_MAJOR,
  PCAP_VERSION_MINOR,
  type PcapFileHeader,
  type PcapRecord,
} from './pcap-file.js';

const CHUNK_LEN = 1 << 20;

export class PcapWriter {
  private readonly chunks: Uint8Array[] = [];
  private chunk: Uint8Array;
  private view: DataView;
  private used = 0;
  private readonly isLittle: boolean;
  private readonly snaplen: number;
  private recordCount = 0;

  /** @example const w = new PcapWriter({ linktype: LINKTYPE_LINUX_SLL2 }); w.write({ tsSec, tsUsec, data }); w.finish() */
  constructor(header: PcapFileHeader) {
    this.isLittle = (header.byteOrder ?? 'little') === 'little';
    this.snaplen = header.snaplen ?? PCAP_DEFAULT_SNAPLEN;
    this.chunk = new Uint8Array(CHUNK_LEN);
    this.view = new DataView(this.chunk.buffer);
    this.writeFileHeader(header);
  }

  get count(): number {
    return this.recordCount;
  }

  private writeFileHeader(h: PcapFileHeader): void {
    const v = this.view;
    const le = this.isLittle;
    v.setUint32(0, h.tsResolution === 'nsec' ? PCAP_MAGIC_NSEC : PCAP_MAGIC_USEC, le);
    v.setUint16(4, h.versionMajor ?? PCAP_VERSION_MAJOR, le);
    v.setUint16(6, h.versionMinor ?? PCAP_VERSION_MINOR, le);
    v.setInt32(8, h.thiszone ?? 0, le);
    v.setUint32(12, h.sigfigs ?? 0, le);
    v.setUint32(16, this.snaplen, le);
    v.setUint32(20, h.linktype, le);
    this.used = PCAP_FILE_HEADER_LEN;
  }

  /** Appends one record. */
  write(r: PcapRecord): void {
    const caplen = Math.min(r.data.length, this.snaplen);
    const need = PCAP_RECORD_HEADER_LEN + caplen;
    if (this.used + need > this.chunk.length) this.nextChunk(need);
    const v = this.view;
    const at = this.used;
    const le = this.isLittle;
    v.setUint32(at, r.tsSec >>> 0, le);
    v.setUint32(at + 4, r.tsUsec >>> 0, le);
    v.setUint32(at + 8, caplen, le);
    v.setUint32(at + 12, (r.origLen ?? r.data.length) >>> 0, le);
    this.chunk.set(caplen === r.data.length ? r.data : r.data.subarray(0, caplen), at + PCAP_RECORD_HEADER_LEN);
    this.used = at + need;
    this.recordCount++;
  }

  private nextChunk(need: number): void {
    this.chunks.push(this.chunk.subarray(0, this.used));
    this.chunk = new Uint8Array(Math.max(CHUNK_LEN, need));
    this.view = new DataView(this.chunk.buffer);
    this.used = 0;
  }

  /** The whole file so far, joined once. The writer can keep appending afterwards. */
  finish(): Uint8Array {
    return concatBytes([...this.chunks, this.chunk.subarray(0, this.used)]);
  }
}

/** Writes a whole file at once. @example writePcap({ linktype: LINKTYPE_ETHERNET }, records) */
export function writePcap(header: PcapFileHeader, records: Iterable<PcapRecord>): Uint8Array {
  const w = new PcapWriter(header);
  for (const r of records) w.write(r);
  return w.finish();
}
