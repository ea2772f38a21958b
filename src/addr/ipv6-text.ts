// Layer addr: IPv6 addresses as text for the few places the IPv4-only model shows one: AAAA answers and
// the link-local fe80:: address Linux gives every up device with a MAC (modified EUI-64, RFC 4291 App. A).
// Formatting is RFC 5952, as Go's netip, glibc's inet_ntop and iproute2 write it.

import { writeMac, type MacAddr } from './mac-addr.js';

/** RFC 5952 text of 16 bytes: lowercase, no leading zeros, the longest run of 2+ zero groups as "::". */
export function formatIpv6(b: Uint8Array): string {
  const g: number[] = [];
  for (let i = 0; i < 16; i += 2) g.push(((b[i] ?? 0) << 8) | (b[i + 1] ?? 0));
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestAt = i;
      bestLen = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  const hex = g.map((x) => x.toString(16));
  if (bestAt < 0) return hex.join(':');
  return `${hex.slice(0, bestAt).join(':')}::${hex.slice(bestAt + bestLen).join(':')}`;
}

/** fe80::/64 with the interface id from `mac`: 02:00:0a:63:00:03 -> "fe80::aff:fe63:3". */
export function linkLocalFromMac(mac: MacAddr): string {
  const m = new Uint8Array(6);
  writeMac(m, 0, mac);
  const b = new Uint8Array(16);
  b[0] = 0xfe;
  b[1] = 0x80;
  b.set([(m[0] ?? 0) ^ 2, m[1] ?? 0, m[2] ?? 0, 0xff, 0xfe, m[3] ?? 0, m[4] ?? 0, m[5] ?? 0], 8);
  return formatIpv6(b);
}
