// Layer wire: DNS messages (RFC 1035 §4.1): the 12-byte header (id, QR, opcode, AA, TC, RD, RA, Z, AD, CD
// (RFC 4035), rcode, four counts), questions and resource records with typed RDATA (dns-rdata.ts).
// Emit compresses names as miekg/dns, the library CoreDNS answers with; parse follows any pointers and
// never throws. Over TCP a message is prefixed with its 2-byte length (RFC 1035 §4.2.2).

import { readU16, readU32 } from './bytes.js';
import { readDnsName } from './dns-name.js';
import { readRdata, writeRdata, type DnsRdata } from './dns-rdata.js';
import { DnsWriter } from './dns-writer.js';
import { wireErr, wireOk, type WireResult } from './wire-result.js';

export const DNS_HEADER_LEN = 12;

export interface DnsQuestion {
  readonly name: string;
  readonly type: number;
  readonly class: number;
}

export interface DnsRecord {
  readonly name: string;
  readonly type: number;
  /** For OPT (RFC 6891) this is the requester's UDP payload size. */
  readonly class: number;
  /** For OPT this holds the extended RCODE, version and DO flag. */
  readonly ttl: number;
  readonly data: DnsRdata;
}

export interface DnsMessage {
  readonly id: number;
  readonly qr: boolean;
  readonly opcode: number;
  readonly aa: boolean;
  readonly tc: boolean;
  readonly rd: boolean;
  readonly ra: boolean;
  /** The reserved Z bit (0x40 of the flags); default false. */
  readonly z?: boolean;
  readonly ad: boolean;
  readonly cd: boolean;
  readonly rcode: number;
  readonly questions: readonly DnsQuestion[];
  readonly answers: readonly DnsRecord[];
  readonly authorities: readonly DnsRecord[];
  readonly additionals: readonly DnsRecord[];
}

export type ParsedDnsMessage = DnsMessage & {
  readonly z: boolean;
  readonly qdcount: number;
  readonly ancount: number;
  readonly nscount: number;
  readonly arcount: number;
};

/** @example parseDns(udp.payload).value.answers[0]?.data // { kind: 'a', address } */
export function parseDns(b: Uint8Array): WireResult<ParsedDnsMessage> {
  if (b.length < DNS_HEADER_LEN) return wireErr('truncated', 'dns', b.length, `${b.length} < ${DNS_HEADER_LEN} bytes`);
  const flags = readU16(b, 2);
  const counts = [readU16(b, 4), readU16(b, 6), readU16(b, 8), readU16(b, 10)] as const;
  const questions: DnsQuestion[] = [];
  let off = DNS_HEADER_LEN;
  for (let i = 0; i < counts[0]; i++) {
    const q = readQuestion(b, off);
    if (!q.ok) return q;
    questions.push(q.value.question);
    off = q.value.next;
  }
  const sections: DnsRecord[][] = [[], [], []];
  for (let s = 0; s < 3; s++) {
    for (let i = 0; i < (counts[s + 1] ?? 0); i++) {
      const r = readRecord(b, off);
      if (!r.ok) return r;
      sections[s]?.push(r.value.record);
      off = r.value.next;
    }
  }
  return wireOk({
    id: readU16(b, 0),
    ...decodeFlags(flags),
    questions,
    answers: sections[0] ?? [],
    authorities: sections[1] ?? [],
    additionals: sections[2] ?? [],
    qdcount: counts[0],
    ancount: counts[1],
    nscount: counts[2],
    arcount: counts[3],
  });
}

function decodeFlags(f: number): Omit<ParsedDnsMessage, 'id' | 'questions' | 'answers' | 'authorities' | 'additionals' | 'qdcount' | 'ancount' | 'nscount' | 'arcount'> {
  return {
    qr: (f & 0x8000) !== 0,
    opcode: (f >>> 11) & 0x0f,
    aa: (f & 0x0400) !== 0,
    tc: (f & 0x0200) !== 0,
    rd: (f & 0x0100) !== 0,
    ra: (f & 0x0080) !== 0,
    z: (f & 0x0040) !== 0,
    ad: (f & 0x0020) !== 0,
    cd: (f & 0x0010) !== 0,
    rcode: f & 0x0f,
  };
}

function encodeFlags(m: DnsMessage): number {
  const bit = (v: boolean | undefined, mask: number): number => (v ? mask : 0);
  return (
    bit(m.qr, 0x8000) | ((m.opcode & 0x0f) << 11) | bit(m.aa, 0x0400) | bit(m.tc, 0x0200) | bit(m.rd, 0x0100) |
    bit(m.ra, 0x0080) | bit(m.z, 0x0040) | bit(m.ad, 0x0020) | bit(m.cd, 0x0010) | (m.rcode & 0x0f)
  );
}

function readQuestion(b: Uint8Array, off: number): WireResult<{ question: DnsQuestion; next: number }> {
  const n = readDnsName(b, off);
  if (!n.ok) return n;
  const at = n.value.next;
  if (at + 4 > b.length) return wireErr('truncated', 'dns', at, 'question type/class cut');
  return wireOk({ question: { name: n.value.name, type: readU16(b, at), class: readU16(b, at + 2) }, next: at + 4 });
}

function readRecord(b: Uint8Array, off: number): WireResult<{ record: DnsRecord; next: number }> {
  const n = readDnsName(b, off);
  if (!n.ok) return n;
  const at = n.value.next;
  if (at + 10 > b.length) return wireErr('truncated', 'dns', at, 'record header cut');
  const type = readU16(b, at);
  const rdlength = readU16(b, at + 8);
  const start = at + 10;
  if (start + rdlength > b.length) return wireErr('truncated', 'dns', start, `RDATA (${rdlength} bytes) cut`);
  const data = readRdata(b, type, start, start + rdlength);
  if (!data.ok) return data;
  const record: DnsRecord = { name: n.value.name, type, class: readU16(b, at + 2), ttl: readU32(b, at + 4), data: data.value };
  return wireOk({ record, next: start + rdlength });
}

export interface DnsEmitOptions {
  /** Default true: compress names like miekg/dns with Compress = true. */
  readonly compress?: boolean;
}

/**
 * Emits a message; counts come from the sections. Throws RangeError on an invalid name (check user
 * input with dnsNameLabels first).
 * @example emitDns({ id, qr: true, opcode: 0, aa: true, tc: false, rd: true, ra: true, ad: false, cd: false, rcode: 0, questions, answers, authorities: [], additionals: [] })
 */
export function emitDns(m: DnsMessage, opts: DnsEmitOptions = {}): Uint8Array {
  const w = new DnsWriter({ compress: opts.compress !== false });
  w.u16(m.id);
  w.u16(encodeFlags(m));
  for (const n of [m.questions.length, m.answers.length, m.authorities.length, m.additionals.length]) w.u16(n);
  for (const q of m.questions) {
    w.name(q.name, { compress: true });
    w.u16(q.type);
    w.u16(q.class);
  }
  for (const r of [...m.answers, ...m.authorities, ...m.additionals]) writeRecord(w, r);
  return w.finish();
}

function writeRecord(w: DnsWriter, r: DnsRecord): void {
  w.name(r.name, { compress: true });
  w.u16(r.type);
  w.u16(r.class);
  w.u32(r.ttl);
  const lenAt = w.offset;
  w.u16(0);
  writeRdata(w, r.data);
  w.patchU16(lenAt, w.offset - lenAt - 2);
}

/** DNS over TCP: parses one length-prefixed message at the start of `b` (RFC 1035 §4.2.2). */
export function parseDnsTcp(b: Uint8Array): WireResult<{ message: ParsedDnsMessage; next: number }> {
  if (b.length < 2) return wireErr('truncated', 'dns', b.length, 'TCP length prefix cut');
  const len = readU16(b, 0);
  if (2 + len > b.length) return wireErr('truncated', 'dns', b.length, `${b.length - 2} < TCP length ${len}`);
  const m = parseDns(b.subarray(2, 2 + len));
  if (!m.ok) return wireErr(m.error.kind, 'dns', m.error.offset + 2, m.error.detail);
  return wireOk({ message: m.value, next: 2 + len });
}

export function emitDnsTcp(m: DnsMessage, opts: DnsEmitOptions = {}): Uint8Array {
  const msg = emitDns(m, opts);
  const out = new Uint8Array(2 + msg.length);
  out[0] = msg.length >>> 8;
  out[1] = msg.length & 0xff;
  out.set(msg, 2);
  return out;
}
