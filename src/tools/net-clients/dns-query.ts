// Layer tools (net-clients): the queries the BIND 9.20 tools build (bin/dig/dighost.c): a random id, RD,
// dig's AD flag, and EDNS0 with a 1232-byte UDP size and an 8-byte client COOKIE; and the local wall
// clock text of ";; WHEN:" (strftime "%a %b %d %H:%M:%S %Z %Y" in the host's zone).

import { DNS_CLASS, DNS_TYPE, emitDns, type DnsMessage } from '../../wire/index.js';
import type { Rng } from '../../sim/index.js';

export const BIND_VERSION = '9.20.15';
const EDNS_UDP_SIZE = 1232;
const OPT_COOKIE = 10;

export interface BuiltQuery {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly cookie: Uint8Array | undefined;
}

export function buildQuery(rng: Rng, name: string, type: number, o: { readonly isEdns: boolean; readonly isAd: boolean; readonly isRd: boolean }): BuiltQuery {
  const id = rng.int(0, 65535);
  const cookie = o.isEdns ? Uint8Array.from({ length: 8 }, () => rng.int(0, 255)) : undefined;
  const opt = cookie ? [{ name: '.', type: DNS_TYPE.OPT, class: EDNS_UDP_SIZE, ttl: 0, data: { kind: 'raw' as const, data: Uint8Array.from([0, OPT_COOKIE, 0, 8, ...cookie]) } }] : [];
  const m: DnsMessage = { id, qr: false, opcode: 0, aa: false, tc: false, rd: o.isRd, ra: false, ad: o.isAd, cd: false, rcode: 0, questions: [{ name, type, class: DNS_CLASS.IN }], answers: [], authorities: [], additionals: opt };
  return { id, bytes: emitDns(m), cookie };
}

/** strftime("%a %b %d %H:%M:%S %Z %Y") of `ms` in `timeZone` (a pod's is UTC). */
export function whenText(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', weekday: 'short', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', year: 'numeric', timeZoneName: 'short' }).formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const zone = get('timeZoneName').replace(/^GMT\+9$/, 'KST');
  return `${get('weekday')} ${get('month')} ${get('day')} ${get('hour')}:${get('minute')}:${get('second')} ${zone} ${get('year')}`;
}

/** An in-addr.arpa name for dig -x / nslookup of an address. */
export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;
}

/** A name as BIND prints and queries it: absolute, with the trailing dot. */
export function absolute(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}
