// Layer tools (host): `ss -s` (misc/ss.c print_summary) from /proc/net/sockstat{,6} and snmp's CurrEstab:
// Total, the TCP line (its "closed" is allocated minus hashed plus TIME_WAIT, where allocated counts every
// namespace of the kernel), and the per-transport table with its tab and %-9d columns.

import type { SockStat } from '../../net/sockstat.js';

export function summaryText(s: SockStat): string {
  const row = (name: string, v4: number, v6: number) => `${name}\t  ${String(v4 + v6).padEnd(9)} ${String(v4).padEnd(9)} ${String(v6).padEnd(9)}\n`;
  const closed = s.tcpAlloc - (s.tcp4Inuse + s.tcp6Inuse - s.tcpTw);
  return (
    `Total: ${s.sockets}\n` +
    `TCP:   ${s.tcpAlloc + s.tcpTw} (estab ${s.currEstab}, closed ${closed}, orphaned ${s.tcpOrphans}, timewait ${s.tcpTw})\n\n` +
    'Transport Total     IP        IPv6\n' +
    row('RAW', s.raw4, s.raw6) +
    row('UDP', s.udp4, s.udp6) +
    row('TCP', s.tcp4Inuse, s.tcp6Inuse) +
    row('INET', s.raw4 + s.udp4 + s.tcp4Inuse, s.raw6 + s.udp6 + s.tcp6Inuse) +
    row('FRAG', s.frag4, s.frag6) +
    '\n'
  );
}
