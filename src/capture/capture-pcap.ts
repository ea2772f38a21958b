// Layer capture: captures as pcap files. `capturePcap` writes the records of one capture as libpcap does
// (tcpdump -w: host byte order, microseconds, the capture's snaplen and link type); --pcap DIR names each
// capture of a lab in order. Hosts keep files as text, so a pcap is stored one character per byte (latin1).

import type { NetContext } from '../net/net-context.js';
import { LINKTYPE_ETHERNET, LINKTYPE_LINUX_SLL2, PcapWriter, type PcapRecord } from '../wire/index.js';
import type { PrintLinktype } from './print/packet-printer.js';

export function pcapLinktype(linktype: PrintLinktype): number {
  return linktype === 'linux-sll2' ? LINKTYPE_LINUX_SLL2 : LINKTYPE_ETHERNET;
}

/** @example host.writeFile('/tmp/a.pcap', bytesToLatin1(capturePcap('linux-sll2', 262144, records))) */
export function capturePcap(linktype: PrintLinktype, snaplen: number, records: Iterable<PcapRecord>): Uint8Array {
  const w = new PcapWriter({ linktype: pcapLinktype(linktype), snaplen });
  for (const r of records) w.write(r);
  return w.finish();
}

/** A file's bytes as the text ExecHost stores (one char per byte). */
export function bytesToLatin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

export function latin1ToBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

const captureCounts = new WeakMap<NetContext, number>();

/**
 * The file name --pcap DIR gives the next capture of this lab: "003-router-any.pcap" (sequence number,
 * host, interface, made safe as a file name).
 * @example p.pcapSink?.write(nextCaptureFileName(lab.ctx, 'router', 'any'), capturePcap('linux-sll2', 262144, records))
 */
export function nextCaptureFileName(ctx: NetContext, host: string, device: string): string {
  const seq = (captureCounts.get(ctx) ?? 0) + 1;
  captureCounts.set(ctx, seq);
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');
  return `${String(seq).padStart(3, '0')}-${safe(host)}-${safe(device)}.pcap`;
}
