// Layer tools (net-clients): DNS records as BIND's tools print them (lib/dns/masterdump.c with dig's
// style: the name, then TTL, class, type and RDATA at tab stops 24/32/40/48, one space when a column is
// already passed), and the RDATA presentation formats (RFC 1035 §5.1) for the types a cluster serves.

import { formatIpv4, formatIpv6 } from '../../addr/index.js';
import { dnsClassName, dnsTypeName, type DnsQuestion, type DnsRdata, type DnsRecord } from '../../wire/index.js';

const TAB_STOPS = [24, 32, 40, 48] as const;

/** Column-aware width: tabs advance to the next multiple of 8. */
function width(s: string): number {
  let col = 0;
  for (const c of s) col = c === '\t' ? (Math.floor(col / 8) + 1) * 8 : col + 1;
  return col;
}

function pad(line: string, column: number, text: string): string {
  let s = line;
  if (width(s) >= column) return `${s} ${text}`;
  while (width(s) < column) s += '\t';
  return s + text;
}

export function rdataText(d: DnsRdata): string {
  switch (d.kind) {
    case 'a':
      return formatIpv4(d.address);
    case 'aaaa':
      return formatIpv6(d.address);
    case 'cname':
    case 'ns':
    case 'ptr':
      return d.target;
    case 'mx':
      return `${d.preference} ${d.exchange}`;
    case 'soa':
      return `${d.mname} ${d.rname} ${d.serial} ${d.refresh} ${d.retry} ${d.expire} ${d.minimum}`;
    case 'srv':
      return `${d.priority} ${d.weight} ${d.port} ${d.target}`;
    case 'txt':
      return d.texts.map((t) => `"${t.replace(/["\\]/g, '\\$&')}"`).join(' ');
    case 'raw':
      return `\\# ${d.data.length}${d.data.length ? ` ${[...d.data].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase()}` : ''}`;
  }
}

export function recordLine(r: DnsRecord): string {
  let s = pad(r.name, TAB_STOPS[0], String(r.ttl));
  s = pad(s, TAB_STOPS[1], dnsClassName(r.class));
  s = pad(s, TAB_STOPS[2], dnsTypeName(r.type));
  return pad(s, TAB_STOPS[3], rdataText(r.data));
}

export function questionLine(q: DnsQuestion): string {
  const s = pad(`;${q.name}`, TAB_STOPS[1], dnsClassName(q.class));
  return pad(s, TAB_STOPS[2], dnsTypeName(q.type));
}
