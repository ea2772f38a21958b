// Layer tools (ip): walking an argv the way iproute2's NEXT_ARG()/matches() do, and the address arguments
// of lib/utils.c: get_prefix ("10.1/16", "default", "all"), get_addr, get_unsigned, and the names of
// /etc/iproute2 tables, protocols and scopes (rtnl_rttable_a2n, rtnl_rtprot_a2n, rtnl_rtscope_a2n).

import { parseIpv4, type Ipv4Addr, type Ipv4Cidr } from '../../addr/index.js';
import { ROUTE_PROTOCOLS, ROUTE_SCOPES, RT_TABLE_DEFAULT, RT_TABLE_LOCAL, RT_TABLE_MAIN, type RouteProtocol, type RouteScope } from '../../net/route.js';
import { matches } from './color.js';
import { incompleteCommand, IpExit } from './ip-errors.js';

export { matches };

export class Args {
  private i = 0;

  constructor(private readonly argv: readonly string[]) {}

  get done(): boolean {
    return this.i >= this.argv.length;
  }

  peek(): string | undefined {
    return this.argv[this.i];
  }

  /** The current word, moving past it. */
  take(): string {
    const w = this.argv[this.i++];
    if (w === undefined) incompleteCommand();
    return w;
  }

  /** NEXT_ARG(): the value after a keyword, or "Command line is not complete". */
  next(): string {
    return this.take();
  }

  rest(): string[] {
    const r = this.argv.slice(this.i);
    this.i = this.argv.length;
    return r;
  }
}

export type Family = 'unspec' | 'inet' | 'inet6' | 'link';

const VERBOSE_FAMILY: Readonly<Record<Family, string>> = { unspec: 'any valid', inet: 'inet', inet6: 'inet6', link: 'link' };

/** get_addr_ipv4: one to four dotted numbers ("10", "10.1" = 10.0.0.0 / 10.1.0.0). */
export function parseInetShort(text: string): Ipv4Addr | undefined {
  const parts = text.split('.');
  if (parts.length < 1 || parts.length > 4 || parts.some((p) => !/^[0-9]{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  const full = [...parts, '0', '0', '0'].slice(0, 4).join('.');
  return parseIpv4(full);
}

export interface Prefix {
  readonly cidr: Ipv4Cidr;
  /** "default", "all" or "any" (a /0 that matches everything in a filter). */
  readonly isDefault: boolean;
  /** Whether the text gave a length ("/n"), as filters treat a bare address differently. */
  readonly hasLen: boolean;
}

/** get_prefix_1; undefined when iproute2 would reject the text. */
export function parsePrefix(text: string): Prefix | undefined {
  if (text === 'default' || text === 'all' || text === 'any') return { cidr: { addr: 0 as Ipv4Addr, prefixLen: 0 }, isDefault: true, hasLen: true };
  const slash = text.indexOf('/');
  const addr = parseInetShort(slash < 0 ? text : text.slice(0, slash));
  if (addr === undefined) return undefined;
  if (slash < 0) return { cidr: { addr, prefixLen: 32 }, isDefault: false, hasLen: false };
  const lenText = text.slice(slash + 1);
  if (!/^[0-9]+$/.test(lenText) || Number(lenText) > 32) return undefined;
  return { cidr: { addr, prefixLen: Number(lenText) }, isDefault: false, hasLen: true };
}

/** get_prefix: the prefix, or exit(1) with iproute2's message. */
export function getPrefix(text: string, family: Family): Prefix {
  const p = family === 'inet6' ? undefined : parsePrefix(text);
  if (!p) throw new IpExit(1, `Error: ${VERBOSE_FAMILY[family]} prefix is expected rather than "${text}".\n`);
  return p;
}

/** get_addr: a single address, or exit(1). */
export function getAddr(text: string, family: Family): Ipv4Addr {
  const a = family === 'inet6' ? undefined : parseInetShort(text);
  if (a === undefined) throw new IpExit(1, `Error: ${VERBOSE_FAMILY[family]} address is expected rather than "${text}".\n`);
  return a;
}

/** get_unsigned / get_u32 (decimal, 0x hex, 0 octal). */
export function parseUnsigned(text: string, max = 0xffffffff): number | undefined {
  let v: number;
  if (/^0x[0-9a-fA-F]+$/.test(text)) v = parseInt(text.slice(2), 16);
  else if (/^0[0-7]*$/.test(text)) v = parseInt(text, 8);
  else if (/^[1-9][0-9]*$/.test(text)) v = Number(text);
  else return undefined;
  return v <= max ? v : undefined;
}

const TABLE_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['default', RT_TABLE_DEFAULT],
  ['main', RT_TABLE_MAIN],
  ['local', RT_TABLE_LOCAL],
];

/** rtnl_rttable_a2n: a name from rt_tables, or a number. */
export function tableId(text: string): number | undefined {
  const named = TABLE_NAMES.find(([n]) => n === text);
  return named ? named[1] : parseUnsigned(text);
}

/** rtnl_rttable_n2a. */
export function tableName(id: number): string {
  return TABLE_NAMES.find(([, v]) => v === id)?.[0] ?? String(id);
}

/** rtnl_rtprot_a2n, limited to the protocols the core's Route can hold (a bare number must name one). */
export function protocolId(text: string): RouteProtocol | undefined {
  if (text in ROUTE_PROTOCOLS) return text as RouteProtocol;
  const n = parseUnsigned(text, 255);
  return Object.entries(ROUTE_PROTOCOLS).find(([, v]) => v === n)?.[0] as RouteProtocol | undefined;
}

export function scopeId(text: string): RouteScope | undefined {
  if (text in ROUTE_SCOPES) return text as RouteScope;
  const n = parseUnsigned(text, 255);
  return Object.entries(ROUTE_SCOPES).find(([, v]) => v === n)?.[0] as RouteScope | undefined;
}
