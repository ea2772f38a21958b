// Layer wire: typed RDATA for the record types a cluster DNS serves (RFC 1035 §3.3-3.4: A, NS, CNAME, SOA,
// PTR, MX, TXT; RFC 3596 AAAA; RFC 2782 SRV); any other type, or a typed one whose RDATA does not fit its
// shape (lengths that do not add up), stays raw bytes. Names in NS, CNAME, PTR, MX and SOA are compressed (RFC 3597 §4), SRV's are not.

import { ipv4FromBytes, type Ipv4Addr } from '../addr/index.js';
import { readU16, readU32 } from './bytes.js';
import { readDnsName } from './dns-name.js';
import { DNS_TYPE } from './dns-types.js';
import type { DnsWriter } from './dns-writer.js';
import { wireErr, wireOk, type WireResult } from './wire-result.js';

export type DnsRdata =
  | { readonly kind: 'a'; readonly address: Ipv4Addr }
  | { readonly kind: 'aaaa'; readonly address: Uint8Array }
  | { readonly kind: 'cname'; readonly target: string }
  | { readonly kind: 'ns'; readonly target: string }
  | { readonly kind: 'ptr'; readonly target: string }
  | { readonly kind: 'mx'; readonly preference: number; readonly exchange: string }
  | {
      readonly kind: 'soa';
      readonly mname: string;
      readonly rname: string;
      readonly serial: number;
      readonly refresh: number;
      readonly retry: number;
      readonly expire: number;
      readonly minimum: number;
    }
  | { readonly kind: 'srv'; readonly priority: number; readonly weight: number; readonly port: number; readonly target: string }
  /** Character-strings as latin1 text (one char per byte), so any bytes round-trip. */
  | { readonly kind: 'txt'; readonly texts: readonly string[] }
  | { readonly kind: 'raw'; readonly data: Uint8Array };

/** Reads the RDATA of `type` at msg[start, end); names may point anywhere earlier in `msg`. */
export function readRdata(msg: Uint8Array, type: number, start: number, end: number): WireResult<DnsRdata> {
  const raw: DnsRdata = { kind: 'raw', data: msg.subarray(start, end) };
  const len = end - start;
  switch (type) {
    case DNS_TYPE.A:
      return wireOk(len === 4 ? { kind: 'a', address: ipv4FromBytes(msg, start) } : raw);
    case DNS_TYPE.AAAA:
      return wireOk(len === 16 ? { kind: 'aaaa', address: msg.subarray(start, end) } : raw);
    case DNS_TYPE.CNAME:
    case DNS_TYPE.NS:
    case DNS_TYPE.PTR:
      return readTargetRdata(msg, type, start, end);
    case DNS_TYPE.MX:
      return readMx(msg, start, end);
    case DNS_TYPE.SOA:
      return readSoa(msg, start, end);
    case DNS_TYPE.SRV:
      return readSrv(msg, start, end);
    case DNS_TYPE.TXT:
      return wireOk(readTxt(msg, start, end) ?? raw);
    default:
      return wireOk(raw);
  }
}

function nameWithin(msg: Uint8Array, off: number, end: number): WireResult<{ name: string; next: number }> {
  const r = readDnsName(msg, off);
  if (r.ok && r.value.next > end) return wireErr('bad-length', 'dns', off, 'name runs past RDLENGTH');
  return r;
}

function readTargetRdata(msg: Uint8Array, type: number, start: number, end: number): WireResult<DnsRdata> {
  const n = nameWithin(msg, start, end);
  if (!n.ok) return n;
  const kind = type === DNS_TYPE.CNAME ? 'cname' : type === DNS_TYPE.NS ? 'ns' : 'ptr';
  return wireOk(n.value.next === end ? { kind, target: n.value.name } : { kind: 'raw', data: msg.subarray(start, end) });
}

function readMx(msg: Uint8Array, start: number, end: number): WireResult<DnsRdata> {
  if (end - start < 3) return wireErr('bad-length', 'dns', start, 'MX RDATA too short');
  const n = nameWithin(msg, start + 2, end);
  if (!n.ok) return n;
  if (n.value.next !== end) return wireOk({ kind: 'raw', data: msg.subarray(start, end) });
  return wireOk({ kind: 'mx', preference: readU16(msg, start), exchange: n.value.name });
}

function readSoa(msg: Uint8Array, start: number, end: number): WireResult<DnsRdata> {
  const mname = nameWithin(msg, start, end);
  if (!mname.ok) return mname;
  const rname = nameWithin(msg, mname.value.next, end);
  if (!rname.ok) return rname;
  const at = rname.value.next;
  if (at + 20 !== end) return wireOk({ kind: 'raw', data: msg.subarray(start, end) });
  return wireOk({
    kind: 'soa',
    mname: mname.value.name,
    rname: rname.value.name,
    serial: readU32(msg, at),
    refresh: readU32(msg, at + 4),
    retry: readU32(msg, at + 8),
    expire: readU32(msg, at + 12),
    minimum: readU32(msg, at + 16),
  });
}

function readSrv(msg: Uint8Array, start: number, end: number): WireResult<DnsRdata> {
  if (end - start < 7) return wireErr('bad-length', 'dns', start, 'SRV RDATA too short');
  const n = nameWithin(msg, start + 6, end);
  if (!n.ok) return n;
  if (n.value.next !== end) return wireOk({ kind: 'raw', data: msg.subarray(start, end) });
  return wireOk({ kind: 'srv', priority: readU16(msg, start), weight: readU16(msg, start + 2), port: readU16(msg, start + 4), target: n.value.name });
}

function readTxt(msg: Uint8Array, start: number, end: number): DnsRdata | undefined {
  const texts: string[] = [];
  let i = start;
  while (i < end) {
    const len = msg[i] ?? 0;
    if (i + 1 + len > end) return undefined;
    texts.push(String.fromCharCode(...msg.subarray(i + 1, i + 1 + len)));
    i += 1 + len;
  }
  return { kind: 'txt', texts };
}

/** Writes RDATA (without RDLENGTH). Throws RangeError on an invalid name or a TXT string over 255 bytes. */
export function writeRdata(w: DnsWriter, d: DnsRdata): void {
  switch (d.kind) {
    case 'a':
      w.u32(d.address);
      return;
    case 'aaaa':
    case 'raw':
      w.bytes(d.kind === 'aaaa' ? d.address : d.data);
      return;
    case 'cname':
    case 'ns':
    case 'ptr':
      w.name(d.target, { compress: true });
      return;
    case 'mx':
      w.u16(d.preference);
      w.name(d.exchange, { compress: true });
      return;
    case 'soa':
      writeSoa(w, d);
      return;
    case 'srv':
      w.u16(d.priority);
      w.u16(d.weight);
      w.u16(d.port);
      w.name(d.target, { compress: false });
      return;
    case 'txt':
      writeTxt(w, d.texts);
      return;
  }
}

function writeSoa(w: DnsWriter, d: Extract<DnsRdata, { kind: 'soa' }>): void {
  w.name(d.mname, { compress: true });
  w.name(d.rname, { compress: true });
  for (const v of [d.serial, d.refresh, d.retry, d.expire, d.minimum]) w.u32(v);
}

function writeTxt(w: DnsWriter, texts: readonly string[]): void {
  for (const t of texts) {
    if (t.length > 255) throw new RangeError('TXT character-string longer than 255 bytes');
    w.u8(t.length);
    for (let i = 0; i < t.length; i++) w.u8(t.charCodeAt(i));
  }
}
