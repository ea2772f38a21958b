// Layer wire: DNS numbers and their mnemonics (RFC 1035 §3.2.2-3.2.4 and §4.1.1, RFC 3596 AAAA, RFC 2782 SRV,
// RFC 6891 OPT, IANA "Domain Name System (DNS) Parameters"). Unknown numbers print as RFC 3597's TYPEn/CLASSn,
// as dig and tcpdump do.

export const DNS_TYPE = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  PTR: 12,
  HINFO: 13,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  SRV: 33,
  NAPTR: 35,
  OPT: 41,
  DS: 43,
  RRSIG: 46,
  NSEC: 47,
  DNSKEY: 48,
  SVCB: 64,
  HTTPS: 65,
  IXFR: 251,
  AXFR: 252,
  ANY: 255,
  CAA: 257,
} as const satisfies Record<string, number>;

export type DnsTypeName = keyof typeof DNS_TYPE;

export const DNS_CLASS = { IN: 1, CH: 3, HS: 4, NONE: 254, ANY: 255 } as const satisfies Record<string, number>;

export const DNS_RCODE = {
  NOERROR: 0,
  FORMERR: 1,
  SERVFAIL: 2,
  NXDOMAIN: 3,
  NOTIMP: 4,
  REFUSED: 5,
  YXDOMAIN: 6,
  YXRRSET: 7,
  NXRRSET: 8,
  NOTAUTH: 9,
  NOTZONE: 10,
} as const satisfies Record<string, number>;

export const DNS_OPCODE = { QUERY: 0, IQUERY: 1, STATUS: 2, NOTIFY: 4, UPDATE: 5 } as const satisfies Record<string, number>;

export const DNS_PORT = 53;

function reverse(table: Readonly<Record<string, number>>): ReadonlyMap<number, string> {
  return new Map(Object.entries(table).map(([name, value]) => [value, name]));
}

const TYPE_NAMES = reverse(DNS_TYPE);
const CLASS_NAMES = reverse(DNS_CLASS);
const RCODE_NAMES = reverse(DNS_RCODE);
const OPCODE_NAMES = reverse(DNS_OPCODE);

/** @example dnsTypeName(28) === 'AAAA'; dnsTypeName(99) === 'TYPE99' */
export function dnsTypeName(type: number): string {
  return TYPE_NAMES.get(type) ?? `TYPE${type}`;
}

export function dnsClassName(cls: number): string {
  return CLASS_NAMES.get(cls) ?? `CLASS${cls}`;
}

export function dnsRcodeName(rcode: number): string {
  return RCODE_NAMES.get(rcode) ?? `RCODE${rcode}`;
}

export function dnsOpcodeName(opcode: number): string {
  return OPCODE_NAMES.get(opcode) ?? `OPCODE${opcode}`;
}

/** The number for a mnemonic or RFC 3597 TYPEn; undefined if unknown. */
export function dnsTypeFromName(name: string): number | undefined {
  const upper = name.toUpperCase();
  if (Object.hasOwn(DNS_TYPE, upper)) return DNS_TYPE[upper as DnsTypeName];
  const m = /^TYPE([0-9]{1,5})$/.exec(upper);
  return m?.[1] !== undefined && Number(m[1]) <= 0xffff ? Number(m[1]) : undefined;
}
