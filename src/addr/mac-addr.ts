// Layer addr: a 48-bit Ethernet MAC address as a branded number (exact in a double).
// Formatting is lowercase colon-separated, as iproute2 and tcpdump -e print it.

export type MacAddr = number & { readonly __brand: 'MacAddr' };

export const MAC_BROADCAST = 0xffffffffffff as MacAddr;
export const MAC_ZERO = 0 as MacAddr;

export function macFromBytes(b: Uint8Array, offset: number): MacAddr {
  let v = 0;
  for (let i = 0; i < 6; i++) v = v * 256 + (b[offset + i] ?? 0);
  return v as MacAddr;
}

export function writeMac(b: Uint8Array, offset: number, mac: MacAddr): void {
  let v = mac as number;
  for (let i = 5; i >= 0; i--) {
    b[offset + i] = v % 256;
    v = Math.floor(v / 256);
  }
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
