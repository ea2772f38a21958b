// Layer wire: a pcap file reader (format in pcap-file.ts). Both byte orders, microsecond and nanosecond
// magics. Never throws: a bad magic is 'unsupported', a file cut inside a record is 'truncated' with the
// records read so far in `detail`. Record data are subarrays of the input.

import {
  PCAP_FILE_HEADER_LEN,
  PCAP_MAGIC_NSEC,
  PCAP_MAGIC_USEC,
  PCAP_RECORD_HEADER_LEN,
  type ParsedPcapFileHeader,
  type ParsedPcapRecord,
  type PcapByteOrder,
} from './pcap-file.js';
import { wireErr, wireOk, type WireResult } from './wire-result.js';

export interface PcapFile {
  readonly header: ParsedPcapFileHeader;
  readonly records: readonly ParsedPcapRecord[];
}

/** @example const r = readPcap(bytes); if (r.ok) for (const rec of r.value.records) dissect(rec.data, 'linux-sll2') */
export function readPcap(bytes: Uint8Array): WireResult<PcapFile> {
  const header = readPcapFileHeader(bytes);
  if (!header.ok) return header;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = header.value.byteOrder === 'little';
  const records: ParsedPcapRecord[] = [];
  let off = PCAP_FILE_HEADER_LEN;
  while (off < bytes.length) {
    if (off + PCAP_RECORD_HEADER_LEN > bytes.length) {
      return wireErr('truncated', 'pcap', off, `record header cut after ${records.length} records`);
    }
    const caplen = view.getUint32(off + 8, le);
    const dataOff = off + PCAP_RECORD_HEADER_LEN;
    if (dataOff + caplen > bytes.length) {
      return wireErr('truncated', 'pcap', off, `record data (caplen ${caplen}) cut after ${records.length} records`);
    }
    records.push({
      tsSec: view.getUint32(off, le),
      tsUsec: view.getUint32(off + 4, le),
      origLen: view.getUint32(off + 12, le),
      data: bytes.subarray(dataOff, dataOff + caplen),
    });
    off = dataOff + caplen;
  }
  return wireOk({ header: header.value, records });
}

export function readPcapFileHeader(bytes: Uint8Array): WireResult<ParsedPcapFileHeader> {
  if (bytes.length < PCAP_FILE_HEADER_LEN) return wireErr('truncated', 'pcap', bytes.length, 'file header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = magicFormat(view.getUint32(0, false));
  if (!format) return wireErr('unsupported', 'pcap', 0, `magic 0x${view.getUint32(0, false).toString(16)}`);
  const le = format.byteOrder === 'little';
  return wireOk({
    byteOrder: format.byteOrder,
    tsResolution: format.tsResolution,
    versionMajor: view.getUint16(4, le),
    versionMinor: view.getUint16(6, le),
    thiszone: view.getInt32(8, le),
    sigfigs: view.getUint32(12, le),
    snaplen: view.getUint32(16, le),
    linktype: view.getUint32(20, le),
  });
}

function magicFormat(bigEndianMagic: number): { byteOrder: PcapByteOrder; tsResolution: 'usec' | 'nsec' } | undefined {
  const swapped = swap32(bigEndianMagic);
  if (bigEndianMagic === PCAP_MAGIC_USEC) return { byteOrder: 'big', tsResolution: 'usec' };
  if (bigEndianMagic === PCAP_MAGIC_NSEC) return { byteOrder: 'big', tsResolution: 'nsec' };
  if (swapped === PCAP_MAGIC_USEC) return { byteOrder: 'little', tsResolution: 'usec' };
  if (swapped === PCAP_MAGIC_NSEC) return { byteOrder: 'little', tsResolution: 'nsec' };
  return undefined;
}

function swap32(v: number): number {
  return (((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24)) >>> 0;
}
