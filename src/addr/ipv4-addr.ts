// Layer addr: an IPv4 address as a branded unsigned 32-bit number.
// Parsing follows inet_pton(AF_INET): exactly four decimal octets, no leading "+" or spaces.
// Numbers make FIB lookups and header writes cheap; formatting is dotted quad as every tool prints it.

export type Ipv4Addr = number & { readonly __brand: 'Ipv4Addr' };

export function ipv4(value: number): Ipv4Addr {
  return (value >>> 0) as Ipv4Addr;
}

/** Parses a dotted quad; returns undefined for anything inet_pton would reject. @example parseIpv4('10.0.2.15') */
export function parseIpv4(text: string): Ipv4Addr | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^[0-9]{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value as Ipv4Addr;
}

export function formatIpv4(addr: Ipv4Addr): string {
  return `${addr >>> 24}.${(addr >>> 16) & 255}.${(addr >>> 8) & 255}.${addr & 255}`;
}

export function ipv4FromBytes(b: Uint8Array, offset: number): Ipv4Addr {
  // A read past the end is undefined, which the bitwise operators take as 0.
  return ((((b[offset] as number) << 24) | ((b[offset + 1] as number) << 16) | ((b[offset + 2] as number) << 8) | (b[offset + 3] as number)) >>> 0) as Ipv4Addr;
}

export function writeIpv4(b: Uint8Array, offset: number, addr: Ipv4Addr): void {
  b[offset] = addr >>> 24;
  b[offset + 1] = (addr >>> 16) & 255;
  b[offset + 2] = (addr >>> 8) & 255;
  b[offset + 3] = addr & 255;
}

export const IPV4_ANY = 0 as Ipv4Addr;
export const IPV4_BROADCAST = 0xffffffff as Ipv4Addr;

export function isMulticast(addr: Ipv4Addr): boolean {
  return addr >>> 28 === 0xe;
}

export function isLoopback(addr: Ipv4Addr): boolean {
  return addr >>> 24 === 127;
}
