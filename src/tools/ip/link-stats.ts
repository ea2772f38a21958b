// Layer tools (ip): `ip -s link` counters, print_stats64 of ip/ipaddress.c: columns sized to the widest
// number (size_columns), the RX and TX header lines, and with -s -s the error breakdown lines. The core
// counts no missed/carrier/collision/error-detail events nor carrier changes, so those print as 0.

import type { DeviceStats } from '../../net/net-device.js';
import type { IpPrinter } from './ip-printer.js';

const pad = (w: number, s: string | number) => String(s).padStart(w);
const num = (w: number, n: number) => pad(w, n) + ' ';

export function printStats64(pr: IpPrinter, s: DeviceStats, level: number): void {
  if (pr.isJson) return printJson(pr, s, level);
  const cols = ['*X errors:', 'packets', 'errors', 'dropped', 'heartbt', 'overrun', 'compressed', 'otherhost'].map((x) => x.length);
  for (const vals of [[s.rxBytes, s.rxPackets, s.rxErrors, s.rxDropped, 0, s.rxMulticast], [s.txBytes, s.txPackets, s.txErrors, s.txDropped, 0, 0]]) {
    vals.forEach((v, i) => (cols[i] = Math.max(cols[i] ?? 0, String(v).length)));
  }
  const [c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0, c6 = 0] = cols;
  const sl = pr.sl;
  pr.fp(`    RX: ${pad(c0 - 4, 'bytes')} ${pad(c1, 'packets')} ${pad(c2, 'errors')} ${pad(c3, 'dropped')} ${pad(c4, 'missed')} ${pad(c5, 'mcast')} ${pad(c6, '')}${sl}`);
  pr.fp(`    ${num(c0, s.rxBytes)}${num(c1, s.rxPackets)}${num(c2, s.rxErrors)}${num(c3, s.rxDropped)}${num(c4, 0)}${num(c5, s.rxMulticast)}`);
  if (level > 1) {
    pr.fp(`${sl}    RX errors:${pad(c0 - 10, '')} ${pad(c1, 'length')} ${pad(c2, 'crc')} ${pad(c3, 'frame')} ${pad(c4, 'fifo')} ${pad(c5, 'overrun')}${sl}`);
    pr.fp(`${pad(c0 + 5, '')}${num(c1, 0)}${num(c2, 0)}${num(c3, 0)}${num(c4, 0)}${num(c5, 0)}`);
  }
  pr.fp(sl);
  pr.fp(`    TX: ${pad(c0 - 4, 'bytes')} ${pad(c1, 'packets')} ${pad(c2, 'errors')} ${pad(c3, 'dropped')} ${pad(c4, 'carrier')} ${pad(c5, 'collsns')} ${pad(c6, '')}${sl}`);
  pr.fp(`    ${num(c0, s.txBytes)}${num(c1, s.txPackets)}${num(c2, s.txErrors)}${num(c3, s.txDropped)}${num(c4, 0)}${num(c5, 0)}`);
  if (level > 1) {
    pr.fp(`${sl}    TX errors:${pad(c0 - 10, '')} ${pad(c1, 'aborted')} ${pad(c2, 'fifo')} ${pad(c3, 'window')} ${pad(c4, 'heartbt')} ${pad(c5, 'transns')}${sl}`);
    pr.fp(`${pad(c0 + 5, '')}${num(c1, 0)}${num(c2, 0)}${num(c3, 0)}${num(c4, 0)}${num(c5, 0)}`);
  }
}

function printJson(pr: IpPrinter, s: DeviceStats, level: number): void {
  pr.openObject('stats64');
  pr.openObject('rx');
  const rx: Array<[string, number]> = [['bytes', s.rxBytes], ['packets', s.rxPackets], ['errors', s.rxErrors], ['dropped', s.rxDropped], ['over_errors', 0], ['multicast', s.rxMulticast]];
  if (level > 1) rx.push(['length_errors', 0], ['crc_errors', 0], ['frame_errors', 0], ['fifo_errors', 0], ['missed_errors', 0]);
  for (const [k, v] of rx) pr.uint('json', k, '', v);
  pr.closeObject();
  pr.openObject('tx');
  const tx: Array<[string, number]> = [['bytes', s.txBytes], ['packets', s.txPackets], ['errors', s.txErrors], ['dropped', s.txDropped], ['carrier_errors', 0], ['collisions', 0]];
  if (level > 1) tx.push(['aborted_errors', 0], ['fifo_errors', 0], ['window_errors', 0], ['heartbeat_errors', 0], ['carrier_changes', 0]);
  for (const [k, v] of tx) pr.uint('json', k, '', v);
  pr.closeObject();
  pr.closeObject();
}
