// Layer apps: systemd-resolved's stub listener (127.0.0.53, resolved-dns-stub.c) on a lab VM, whose upstream
// (the NAT's 10.0.2.3) leads to no Internet: a query gets what dns_stub_send_failure sends when no server
// answers — SERVFAIL, the question echoed, RD and CD copied, RA set, and an OPT advertising 65494 bytes
// (ADVERTISE_DATAGRAM_SIZE_MAX, DO kept) when the query had one. It answers at once: resolved's
// retransmissions to the upstream, /etc/hosts, the cache and Extended DNS Errors are not modelled.

import { DNS_RCODE, DNS_TYPE, emitDns, parseDns } from '../../wire/index.js';

/** EDNS0's DO bit in an OPT record's TTL. */
const EDNS_DO = 0x8000;
const ADVERTISE_DATAGRAM_SIZE_MAX = 65494;

/** The stub's reply to one query, or undefined for bytes it drops (not a query). */
export function resolvedStubReply(query: Uint8Array): Uint8Array | undefined {
  const parsed = parseDns(query);
  if (!parsed.ok || parsed.value.qr) return undefined;
  const q = parsed.value;
  const opt = q.additionals.find((r) => r.type === DNS_TYPE.OPT);
  return emitDns({
    id: q.id,
    qr: true,
    opcode: q.opcode,
    aa: false,
    tc: false,
    rd: q.rd,
    ra: true,
    ad: false,
    cd: q.cd,
    rcode: DNS_RCODE.SERVFAIL,
    questions: q.questions.slice(0, 1),
    answers: [],
    authorities: [],
    additionals: opt ? [{ name: '.', type: DNS_TYPE.OPT, class: ADVERTISE_DATAGRAM_SIZE_MAX, ttl: opt.ttl & EDNS_DO, data: { kind: 'raw', data: new Uint8Array(0) } }] : [],
  });
}
