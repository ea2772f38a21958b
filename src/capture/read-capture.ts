// Layer capture: reading a savefile as libpcap's sf-pcap.c does for tcpdump -r: the file header (or the
// error pcap_open_offline() gives), then the records up to the first bad one, with pcap_loop()'s message
// for it ("truncated dump file; tried to read 16 header bytes, only got 6"). Both byte orders, usec/nsec.

import { PCAP_FILE_HEADER_LEN, PCAP_RECORD_HEADER_LEN, readPcapFileHeader, type ParsedPcapFileHeader, type ParsedPcapRecord } from '../wire/index.js';

export type OpenResult = { readonly ok: true; readonly header: ParsedPcapFileHeader } | { readonly ok: false; readonly error: string };

/** pcap_open_offline()'s checks. */
export function openCapture(bytes: Uint8Array): OpenResult {
  if (bytes.length < 4) return { ok: false, error: `truncated dump file; tried to read 4 file header bytes, only got ${bytes.length}` };
  const padded = new Uint8Array(Math.max(bytes.length, PCAP_FILE_HEADER_LEN));
  padded.set(bytes);
  const h = readPcapFileHeader(padded);
  if (!h.ok) return { ok: false, error: 'unknown file format' };
  if (bytes.length < PCAP_FILE_HEADER_LEN) return { ok: false, error: `truncated dump file; tried to read ${PCAP_FILE_HEADER_LEN} file header bytes, only got ${bytes.length - 4}` };
  return { ok: true, header: h.value };
}

export interface CaptureRecords {
  readonly records: ParsedPcapRecord[];
  /** pcap_loop()'s error after the last good record. */
  readonly error?: string;
}

/** The records of an opened savefile; nanosecond files are read at microsecond precision, as tcpdump does by default. */
export function captureRecords(bytes: Uint8Array, header: ParsedPcapFileHeader): CaptureRecords {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = header.byteOrder === 'little';
  const records: ParsedPcapRecord[] = [];
  let off = PCAP_FILE_HEADER_LEN;
  while (off < bytes.length) {
    const left = bytes.length - off;
    if (left < PCAP_RECORD_HEADER_LEN) return { records, error: `truncated dump file; tried to read ${PCAP_RECORD_HEADER_LEN} header bytes, only got ${left}` };
    const caplen = view.getUint32(off + 8, le);
    if (caplen > Math.max(header.snaplen, 262144)) return { records, error: `invalid packet capture length ${caplen}, bigger than snaplen of ${header.snaplen}` };
    const data = off + PCAP_RECORD_HEADER_LEN;
    if (data + caplen > bytes.length) return { records, error: `truncated dump file; tried to read ${caplen} captured bytes, only got ${bytes.length - data}` };
    const frac = view.getUint32(off + 4, le);
    records.push({
      tsSec: view.getUint32(off, le),
      tsUsec: header.tsResolution === 'nsec' ? Math.floor(frac / 1000) : frac,
      origLen: view.getUint32(off + 12, le),
      data: bytes.subarray(data, data + caplen),
    });
    off = data + caplen;
  }
  return { records };
}
