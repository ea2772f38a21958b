// Benchmark: writing a pcap file of full-size Ethernet frames with PcapWriter (MB/s).

import { LINKTYPE_ETHERNET, PcapWriter } from '../src/wire/index.js';

export function benchPcapWrite(megabytes: number): number {
  const frame = new Uint8Array(1514).fill(0x5a);
  const n = Math.ceil((megabytes * 1024 * 1024) / (frame.length + 16));
  const start = performance.now();
  const w = new PcapWriter({ linktype: LINKTYPE_ETHERNET });
  for (let i = 0; i < n; i++) w.write({ tsSec: i, tsUsec: 0, data: frame });
  const file = w.finish();
  return file.length / 1e6 / ((performance.now() - start) / 1000);
}
