// Layer addr: a 48-bit Ethernet MAC address as a branded number (exact in a double).
// Formatting is lowercase colon-separated, as iproute2 and tcpdump -e print it.

export type MacAddr = number & { readonly __brand: 'MacAddr' };

export const MAC_BROADCAST = 0xffffffffffff as MacAddr;
export const MAC_ZERO = 0 as MacAddr;

export function macFromBytes(b: Uint8Array, offset: number): MacAddr {
  // A read past the end is undefined, which the bitwise operators take as 0.
  const hi = ((b[offset] as number) << 8) | (b[offset + 1] as number);
  const lo = (((b[offset + 2] as number) << 24) | ((b[offset + 3] as number) << 16) | ((b[offset + 4] as number) << 8) | (b[offset + 5] as number)) >>> 0;
  return (hi * 4294967296 + lo) as MacAddr;
}

export function writeMac(b: Uint8Array, offset: number, mac: MacAddr): void {
  const hi = Math.floor((mac as number) / 4294967296);
  const lo = (mac as number) - hi * 4294967296;
  b[offset] = hi >>> 8;
  b[offset + 1] = hi & 255;
  b[offset + 2] = lo >>> 24;
  b[offset + 3] = (lo >>> 16) & 255;
  b[offset + 4] = (lo >>> 8) & 255;
  b[offset + 5] = lo & 255;
}

export function parseMac(text: string): MacAddr | undefined {
  const parts = text.split(':');
  if (parts.length !== 6 || !parts.every((p) => /^[0-9a-fA-F]{1,2}$/.test(p))) return undefined;
  return parts.reduce((v, p) => v * 256 + parseInt(p, 16), 0) as MacAddr;
}

export function formatMac(mac: MacAddr): string {
  const out: string[] = [];
  let v = mac as number;
  for (let i = 0; i < 6; i++) {
    out.unshift((v % 256).toString(16).padStart(2, '0'));
    v = Math.floor(v / 256);
  }
  return out.join(':');
}

/** Builds a MAC from six octets. */
export function mac(octets: readonly number[]): MacAddr {
  return octets.reduce((v, o) => v * 256 + (o & 255), 0) as MacAddr;
}

export function isMulticastMac(m: MacAddr): boolean {
  return (Math.floor((m as number) / 2 ** 40) & 1) === 1;
}

/** The modified EUI-64 interface id (RFC 4291 App. A) as "xxxx:xxff:fexx:xxxx", for fe80:: link-local addresses. */
export function eui64(m: MacAddr): string {
  const b = new Uint8Array(6);
  writeMac(b, 0, m);
  const h = (x: number, y: number) => ((x << 8) | y).toString(16);
  return `${h((b[0] ?? 0) ^ 2, b[1] ?? 0)}:${h(b[2] ?? 0, 0xff)}:${h(0xfe, b[3] ?? 0)}:${h(b[4] ?? 0, b[5] ?? 0)}`;
}
