// Layer apps: what iputils ping says about an ICMP error aimed at one of its probes (ping/ping.c pr_icmph),
// the words after "From <addr> icmp_seq=<n> ": "Time to live exceeded", "Destination Host Unreachable",
// "Frag needed and DF set (mtu = 1450)". They are ping's own message table, kept beside the engine.

const UNREACH: Readonly<Record<number, string>> = {
  0: 'Destination Net Unreachable',
  1: 'Destination Host Unreachable',
  2: 'Destination Protocol Unreachable',
  3: 'Destination Port Unreachable',
  5: 'Source Route Failed',
  6: 'Destination Net Unknown',
  7: 'Destination Host Unknown',
  8: 'Source Host Isolated',
  9: 'Destination Net Prohibited',
  10: 'Destination Host Prohibited',
  11: 'Destination Net Unreachable for Type of Service',
  12: 'Destination Host Unreachable for Type of Service',
  13: 'Packet filtered',
  14: 'Precedence Violation',
  15: 'Precedence Cutoff',
};

/** pr_icmph for the error-queue path (no verbose IP header dump). */
export function icmpErrorText(type: number, code: number, info: number): string {
  switch (type) {
    case 3:
      if (code === 4) return `Frag needed and DF set (mtu = ${info})`;
      return UNREACH[code] ?? `Dest Unreachable, Bad Code: ${code}`;
    case 4:
      return 'Source Quench';
    case 11:
      return code === 0 ? 'Time to live exceeded' : code === 1 ? 'Frag reassembly time exceeded' : `Time exceeded, Bad Code: ${code}`;
    case 12:
      return `Parameter problem: pointer = ${info}`;
    default:
      return `Bad ICMP type: ${type}`;
  }
}
