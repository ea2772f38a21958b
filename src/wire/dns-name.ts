// Layer wire: DNS domain names (RFC 1035 §3.1, §4.1.4). Names are presented as miekg/dns and dig do:
// absolute with a trailing dot ("kube-dns.kube-system.svc.cluster.local."), the root as ".", a '.' or '\'
// inside a label escaped with '\', other bytes outside '!'..'~' as \DDD. Reading follows compression
// pointers with loop protection (at most 127 jumps, 255 bytes of name) and never throws.

import { wireErr, wireOk, type WireResult } from './wire-result.js';

export const DNS_MAX_NAME_LEN = 255;
export const DNS_MAX_LABEL_LEN = 63;
const MAX_POINTERS = 127;

export interface ReadName {
  readonly name: string;
  /** Offset just after the name as it sits at `off` (after the first pointer, if any). */
  readonly next: number;
}

/** Reads the (possibly compressed) name at `off` of the whole message `msg`. */
export function readDnsName(msg: Uint8Array, off: number): WireResult<ReadName> {
  const labels: string[] = [];
  let pos = off;
  let next = -1;
  let jumps = 0;
  let wireLen = 1;
  for (;;) {
    const len = msg[pos];
    if (len === undefined) return wireErr('truncated', 'dns', pos, 'name runs past the end');
    if (len === 0) break;
    const type = len & 0xc0;
    if (type === 0xc0) {
      const low = msg[pos + 1];
      if (low === undefined) return wireErr('truncated', 'dns', pos, 'compression pointer cut');
      if (next < 0) next = pos + 2;
      if (++jumps > MAX_POINTERS) return wireErr('bad-length', 'dns', pos, 'compression pointer loop');
      pos = ((len & 0x3f) << 8) | low;
      continue;
    }
    if (type !== 0) return wireErr('unsupported', 'dns', pos, `label type 0x${type.toString(16)}`);
    if (pos + 1 + len > msg.length) return wireErr('truncated', 'dns', pos, 'label runs past the end');
    wireLen += 1 + len;
    if (wireLen > DNS_MAX_NAME_LEN) return wireErr('bad-length', 'dns', pos, 'name longer than 255 bytes');
    labels.push(formatLabel(msg.subarray(pos + 1, pos + 1 + len)));
    pos += 1 + len;
  }
  return wireOk({ name: labels.length === 0 ? '.' : `${labels.join('.')}.`, next: next < 0 ? pos + 1 : next });
}

/** Presentation form of one label's bytes. */
export function formatLabel(bytes: Uint8Array): string {
  let out = '';
  for (const c of bytes) {
    if (c === 0x2e || c === 0x5c) out += `\\${String.fromCharCode(c)}`;
    else if (c > 0x20 && c < 0x7f) out += String.fromCharCode(c);
    else out += `\\${c.toString().padStart(3, '0')}`;
  }
  return out;
}

/**
 * Splits a presentation-form name into label bytes (the trailing dot is optional; "" and "." are the root).
 * @example dnsNameLabels('a.b.') // ok: [Uint8Array [0x61], Uint8Array [0x62]]
 */
export function dnsNameLabels(name: string): WireResult<Uint8Array[]> {
  if (name === '' || name === '.') return wireOk([]);
  const labels: Uint8Array[] = [];
  let cur: number[] = [];
  let wireLen = 1;
  for (let i = 0; i < name.length; i++) {
    const ch = name.charCodeAt(i);
    if (ch === 0x2e) {
      if (cur.length === 0) return wireErr('bad-length', 'dns', i, `empty label in "${name}"`);
      labels.push(Uint8Array.from(cur));
      wireLen += 1 + cur.length;
      cur = [];
      continue;
    }
    if (ch === 0x5c) {
      const esc = readEscape(name, i);
      if (esc === undefined) return wireErr('unsupported', 'dns', i, `bad escape in "${name}"`);
      cur.push(esc.byte);
      i = esc.last;
    } else if (ch > 0xff) {
      return wireErr('unsupported', 'dns', i, `non-latin1 character in "${name}"`);
    } else {
      cur.push(ch);
    }
    if (cur.length > DNS_MAX_LABEL_LEN) return wireErr('bad-length', 'dns', i, `label longer than 63 bytes in "${name}"`);
  }
  if (cur.length > 0) {
    labels.push(Uint8Array.from(cur));
    wireLen += 1 + cur.length;
  }
  if (wireLen > DNS_MAX_NAME_LEN) return wireErr('bad-length', 'dns', 0, `name longer than 255 bytes`);
  return wireOk(labels);
}

function readEscape(name: string, i: number): { byte: number; last: number } | undefined {
  const ddd = /^[0-9]{3}/.exec(name.slice(i + 1, i + 4));
  if (ddd) {
    const v = Number(ddd[0]);
    return v <= 255 ? { byte: v, last: i + 3 } : undefined;
  }
  const c = name.charCodeAt(i + 1);
  return Number.isNaN(c) || c > 0xff ? undefined : { byte: c, last: i + 1 };
}

/** Canonical presentation form (escapes normalised, trailing dot). */
export function canonicalDnsName(labels: readonly Uint8Array[]): string {
  return labels.length === 0 ? '.' : `${labels.map(formatLabel).join('.')}.`;
}
