// Layer apps: how CoreDNS shapes a reply before it leaves: miekg/dns SetReply/SetRcode (id, opcode, RD and
// CD copied, the first question echoed, no RA), the loadbalance plugin's shuffle of address records,
// request.SizeAndDo (the client's OPT echoed back with only the options CoreDNS supports) and
// request.Scrub/Msg.Truncate (uncompressed when it fits the client's buffer, else compressed, else TC).

import type { Rng } from '../../sim/index.js';
import { DNS_RCODE, DNS_TYPE, emitDns, type DnsMessage, type DnsRecord, type ParsedDnsMessage } from '../../wire/index.js';

/** EDNS0 option codes request.supportedOptions keeps: NSID, EXPIRE, COOKIE, TCP-KEEPALIVE, PADDING. */
const SUPPORTED_EDNS_OPTIONS = new Set([3, 9, 10, 11, 12]);
const MIN_MSG_SIZE = 512;
const MAX_MSG_SIZE = 65535;

export interface ReplyParts {
  readonly rcode: number;
  readonly aa: boolean;
  readonly answers: readonly DnsRecord[];
  readonly authorities: readonly DnsRecord[];
  readonly additionals: readonly DnsRecord[];
}

/** SetReply + the plugin's sections. */
export function replyTo(req: ParsedDnsMessage, p: ReplyParts): DnsMessage {
  return {
    id: req.id,
    qr: true,
    opcode: req.opcode,
    aa: p.aa,
    tc: false,
    rd: req.rd,
    ra: false,
    ad: false,
    cd: req.cd,
    rcode: p.rcode,
    questions: req.questions.slice(0, 1),
    answers: p.answers,
    authorities: p.authorities,
    additionals: p.additionals,
  };
}

/** The loadbalance plugin (round_robin): successful replies get their address and MX records shuffled. */
export function loadbalance(m: DnsMessage, rng: Rng): DnsMessage {
  if (m.rcode !== DNS_RCODE.NOERROR) return m;
  return { ...m, answers: roundRobin(m.answers, rng), authorities: roundRobin(m.authorities, rng), additionals: roundRobin(m.additionals, rng) };
}

function roundRobin(in_: readonly DnsRecord[], rng: Rng): DnsRecord[] {
  if (in_.length <= 1) return [...in_];
  const first = in_[0]?.type;
  if ((first === DNS_TYPE.A || first === DNS_TYPE.AAAA) && in_.every((r) => r.type === first)) return shuffle([...in_], rng);
  const cname = in_.filter((r) => r.type === DNS_TYPE.CNAME);
  const address = in_.filter((r) => r.type === DNS_TYPE.A || r.type === DNS_TYPE.AAAA);
  const mx = in_.filter((r) => r.type === DNS_TYPE.MX);
  const rest = in_.filter((r) => r.type !== DNS_TYPE.CNAME && r.type !== DNS_TYPE.A && r.type !== DNS_TYPE.AAAA && r.type !== DNS_TYPE.MX);
  return [...cname, ...rest, ...shuffle(address, rng), ...shuffle(mx, rng)];
}

/** roundRobinShuffle, with dns.Id() drawn from the lab's RNG. */
function shuffle(rs: DnsRecord[], rng: Rng): DnsRecord[] {
  const l = rs.length;
  if (l === 2) {
    if (rng.int(0, 65535) % 2 === 0) rs.reverse();
    return rs;
  }
  for (let j = 0; j < l && l > 2; j++) {
    const p = j + (rng.int(0, 65535) % (l - j));
    if (p === j) continue;
    const t = rs[j] as DnsRecord;
    rs[j] = rs[p] as DnsRecord;
    rs[p] = t;
  }
  return rs;
}

/** request.SizeAndDo: a request with OPT gets an OPT back (version 0, flags cleared but DO kept). */
export function sizeAndDo(req: ParsedDnsMessage, m: DnsMessage): DnsMessage {
  const opt = req.additionals.find((r) => r.type === DNS_TYPE.OPT);
  if (!opt) return m;
  const ttl = opt.ttl & 0xff00;
  const data = opt.data.kind === 'raw' ? filterOptions(opt.data.data) : opt.data;
  const echoed: DnsRecord = { name: '.', type: DNS_TYPE.OPT, class: opt.class, ttl, data };
  return { ...m, additionals: [...m.additionals.filter((r) => r.type !== DNS_TYPE.OPT), echoed] };
}

function filterOptions(b: Uint8Array): DnsRecord['data'] {
  const keep: number[] = [];
  for (let off = 0; off + 4 <= b.length; ) {
    const code = ((b[off] ?? 0) << 8) | (b[off + 1] ?? 0);
    const len = ((b[off + 2] ?? 0) << 8) | (b[off + 3] ?? 0);
    const end = Math.min(b.length, off + 4 + len);
    if (SUPPORTED_EDNS_OPTIONS.has(code)) for (let i = off; i < end; i++) keep.push(b[i] ?? 0);
    off = end;
  }
  return { kind: 'raw', data: Uint8Array.from(keep) };
}

/** request.Size(): the client's buffer (EDNS, at least 512) over UDP, 64 KiB over TCP. */
export function clientBufferSize(req: ParsedDnsMessage, proto: 'udp' | 'tcp'): number {
  if (proto === 'tcp') return MAX_MSG_SIZE;
  const opt = req.additionals.find((r) => r.type === DNS_TYPE.OPT);
  return Math.max(MIN_MSG_SIZE, opt ? opt.class : MIN_MSG_SIZE);
}

/** Msg.Truncate + pack: uncompressed if it fits, else compressed, else records dropped and TC set. */
export function packReply(m: DnsMessage, size: number): Uint8Array {
  const plain = emitDns(m, { compress: false });
  if (plain.length <= size) return plain;
  let msg = m;
  let packed = emitDns(msg, { compress: true });
  if (packed.length <= size) return packed;
  const opt = m.additionals.filter((r) => r.type === DNS_TYPE.OPT);
  const answers = [...m.answers];
  while (answers.length > 0 && packed.length > size) {
    answers.pop();
    msg = { ...m, tc: true, answers, authorities: [], additionals: opt };
    packed = emitDns(msg, { compress: true });
  }
  return packed;
}
