import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIpv4, parseIpv4, type Ipv4Addr } from '../addr/index.js';
import { hex, labFrame, readText, toHex } from '../../test/fixtures/wire/fixtures.js';
import { dnsNameLabels, readDnsName } from './dns-name.js';
import type { DnsRdata } from './dns-rdata.js';
import { DNS_CLASS, DNS_RCODE, DNS_TYPE, dnsClassName, dnsOpcodeName, dnsRcodeName, dnsTypeFromName, dnsTypeName } from './dns-types.js';
import { emitDns, emitDnsTcp, parseDns, parseDnsTcp, type DnsMessage, type DnsRecord } from './dns.js';
import { ETH_HEADER_LEN } from './ethernet.js';

// DNS messages from wire-lab.pcap: dig 9.18 querying BIND 9.18 (authoritative for cluster.local), over UDP and TCP.
const UDP_DNS = ETH_HEADER_LEN + 20 + 8;
const TCP_DNS = ETH_HEADER_LEN + 20 + 32;
const udpMessage = (name: Parameters<typeof labFrame>[0]): Uint8Array => labFrame(name).subarray(UDP_DNS);

function parsed(b: Uint8Array) {
  const r = parseDns(b);
  if (!r.ok) throw new Error(`${r.error.kind} at ${r.error.offset}: ${r.error.detail ?? ''}`);
  return r.value;
}

function a(text: string): Ipv4Addr {
  const v = parseIpv4(text);
  if (v === undefined) throw new Error(text);
  return v;
}

const WEBPOD = 'webpod.default.svc.cluster.local.';

/** The OPT record BIND returned (UDP size 1232, a DNS COOKIE option: client 8 bytes + server 16 bytes). */
function opt(cookieHex: string): DnsRecord {
  return { name: '.', type: DNS_TYPE.OPT, class: 1232, ttl: 0, data: { kind: 'raw', data: hex(`000a 0018 ${cookieHex}`) } };
}

describe('dns: real BIND responses', () => {
  it('parses "51703*- q: A? web.default.svc.cluster.local. 3/0/1 CNAME webpod..., A 172.20.1.10, A 172.20.2.20"', () => {
    const m = parsed(udpMessage('dnsCnameA'));
    expect(m).toMatchObject({ id: 51703, qr: true, opcode: 0, aa: true, tc: false, rd: true, ra: false, z: false, ad: false, cd: false, rcode: 0, qdcount: 1, ancount: 3, nscount: 0, arcount: 1 });
    expect(m.questions).toEqual([{ name: 'web.default.svc.cluster.local.', type: DNS_TYPE.A, class: DNS_CLASS.IN }]);
    expect(m.answers.map((r) => r.data)).toEqual([
      { kind: 'cname', target: WEBPOD },
      { kind: 'a', address: a('172.20.1.10') },
      { kind: 'a', address: a('172.20.2.20') },
    ]);
    expect(m.answers.map((r) => [r.name, r.ttl])).toEqual([['web.default.svc.cluster.local.', 30], [WEBPOD, 30], [WEBPOD, 30]]);
    expect(m.additionals).toEqual([opt('f8000ccd2af60083 010000006b07abdb82ecb5ea82647f78')]);
  });

  it('builds that response from scratch, compressing names to the same bytes BIND sent', () => {
    const answer = (data: DnsRdata, name: string, type: number): DnsRecord => ({ name, type, class: DNS_CLASS.IN, ttl: 30, data });
    const m: DnsMessage = {
      id: 51703,
      qr: true,
      opcode: 0,
      aa: true,
      tc: false,
      rd: true,
      ra: false,
      ad: false,
      cd: false,
      rcode: DNS_RCODE.NOERROR,
      questions: [{ name: 'web.default.svc.cluster.local.', type: DNS_TYPE.A, class: DNS_CLASS.IN }],
      answers: [
        answer({ kind: 'cname', target: WEBPOD }, 'web.default.svc.cluster.local.', DNS_TYPE.CNAME),
        answer({ kind: 'a', address: a('172.20.1.10') }, WEBPOD, DNS_TYPE.A),
        answer({ kind: 'a', address: a('172.20.2.20') }, WEBPOD, DNS_TYPE.A),
      ],
      authorities: [],
      additionals: [opt('f8000ccd2af60083 010000006b07abdb82ecb5ea82647f78')],
    };
    const bytes = emitDns(m);
    expect(toHex(bytes)).toBe(toHex(udpMessage('dnsCnameA')));
    // The CNAME target is "webpod" + a pointer to "default.svc.cluster.local." inside the question (offset 0x10);
    // the A records' owner is a pointer to the CNAME target (offset 0x3b).
    expect(toHex(bytes.subarray(0x2f, 0x3b))).toBe('c00c000500010000001e0009');
    expect(toHex(bytes.subarray(0x3b, 0x44))).toBe('06776562706f64c010');
    expect(toHex(bytes.subarray(0x44, 0x46))).toBe('c03b');
  });

  it('re-emits every query and the responses whose compression BIND and miekg agree on, byte for byte', () => {
    const names = ['dnsQueryA', 'dnsQuerySrv', 'dnsQuerySoaNoEdns', 'dnsCnameA', 'dnsTxt', 'dnsAaaa', 'dnsMx', 'dnsPtr'] as const;
    for (const name of names) {
      const b = udpMessage(name);
      expect(toHex(emitDns(parsed(b))), name).toBe(toHex(b));
    }
  });

  it('reads typed RDATA: TXT, AAAA, MX, PTR, SRV, SOA', () => {
    expect(parsed(udpMessage('dnsTxt')).answers[0]?.data).toEqual({ kind: 'txt', texts: ['v=1', 'hello world'] });
    expect(parsed(udpMessage('dnsAaaa')).answers[0]?.data).toEqual({ kind: 'aaaa', address: hex('fd000000000000000000000000000010') });
    expect(parsed(udpMessage('dnsMx')).answers[0]?.data).toEqual({ kind: 'mx', preference: 10, exchange: 'mail.default.svc.cluster.local.' });
    const ptr = parsed(udpMessage('dnsPtr'));
    expect(ptr.questions[0]).toEqual({ name: '10.0.96.10.in-addr.arpa.', type: DNS_TYPE.PTR, class: DNS_CLASS.IN });
    expect(ptr.answers[0]?.data).toEqual({ kind: 'ptr', target: 'kube-dns.kube-system.svc.cluster.local.' });
    const srv = parsed(udpMessage('dnsSrv'));
    expect(srv.answers[0]?.data).toEqual({ kind: 'srv', priority: 0, weight: 50, port: 80, target: WEBPOD });
    expect(srv.additionals.map((r) => dnsTypeName(r.type))).toEqual(['A', 'A', 'AAAA', 'OPT']);
    const soa = { kind: 'soa', mname: 'ns.dns.cluster.local.', rname: 'hostmaster.cluster.local.', serial: 1700000000, refresh: 7200, retry: 1800, expire: 86400, minimum: 30 };
    expect(parsed(udpMessage('dnsSoa')).answers[0]?.data).toEqual(soa);
    const nx = parsed(udpMessage('dnsNxdomain'));
    expect(nx).toMatchObject({ rcode: DNS_RCODE.NXDOMAIN, ancount: 0, nscount: 1 });
    expect(nx.authorities[0]).toMatchObject({ name: 'cluster.local.', type: DNS_TYPE.SOA, data: soa });
  });

  it('compresses harder than BIND where BIND stops (SRV additionals, SOA names): same content, fewer bytes', () => {
    // BIND 9.18 only remembers the first two labels of each name; miekg/dns remembers every suffix.
    for (const name of ['dnsNxdomain', 'dnsSoa'] as const) {
      const b = udpMessage(name);
      const again = emitDns(parsed(b));
      expect(again.length, name).toBeLessThan(b.length);
      expect(parsed(again)).toEqual(parsed(b));
    }
    // SRV: the target itself is never compressed (RFC 2782). BIND points the additionals' owner at that
    // target (0x4f); miekg already knows the name from the question (0x17): same length, other pointer.
    const srv = udpMessage('dnsSrv');
    expect(toHex(emitDns(parsed(srv)))).toBe(toHex(srv).replaceAll('c04f', 'c017'));
  });

  it('writes every name in full with compress: false', () => {
    const b = emitDns(parsed(udpMessage('dnsCnameA')), { compress: false });
    expect(parsed(b)).toEqual(parsed(udpMessage('dnsCnameA')));
    // Owner c00c -> 31 bytes, CNAME target "webpod"+c010 -> 34, two A owners c03b -> 34 each.
    expect(b.length).toBe(udpMessage('dnsCnameA').length + (31 - 2) + (34 - 9) + 2 * (34 - 2));
  });

  it('parses and re-emits DNS over TCP (2-byte length prefix)', () => {
    for (const name of ['dnsTcpQuery', 'dnsTcpResponse'] as const) {
      const seg = labFrame(name).subarray(TCP_DNS);
      const r = parseDnsTcp(seg);
      if (!r.ok) throw new Error(r.error.kind);
      expect(r.value.next).toBe(seg.length);
      expect(emitDnsTcp(r.value.message)).toEqual(seg);
    }
    const resp = parseDnsTcp(labFrame('dnsTcpResponse').subarray(TCP_DNS));
    expect(resp.ok && resp.value.message.answers[0]?.data).toEqual({ kind: 'a', address: a('10.96.0.10') });
    expect(parseDnsTcp(labFrame('dnsTcpResponse').subarray(TCP_DNS, TCP_DNS + 50))).toMatchObject({ ok: false, error: { kind: 'truncated' } });
  });
});

describe('dns: real-world replies (miekg/dns test vectors)', () => {
  const replies = readText('test/fixtures/wire/dns-replies.hex')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => hex(l));

  it('parses all six and re-emits each byte for byte (the same suffix compression)', () => {
    expect(replies.map((b) => parsed(b).questions[0]?.name)).toEqual(['google.com.', 'amazon.com.', 'yahoo.com.', 'microsoft.com.', 'google.com.', 'reddit.com.']);
    for (const b of replies) expect(toHex(emitDns(parsed(b)))).toBe(toHex(b));
  });

  it('reads the google.com MX reply', () => {
    const mx = parsed(replies[4] ?? new Uint8Array(0));
    expect(mx).toMatchObject({ id: 0x724b, rcode: 0, ancount: 5, nscount: 4, arcount: 11 });
    expect(mx.answers[0]?.data).toEqual({ kind: 'mx', preference: 10, exchange: 'aspmx.l.google.com.' });
    expect(mx.additionals.at(-1)).toMatchObject({ name: '.', type: DNS_TYPE.OPT, class: 1280 });
  });
});

describe('dns: malformed input', () => {
  const query = udpMessage('dnsQueryA');

  it('reports truncation everywhere', () => {
    expect(parseDns(query.subarray(0, 11))).toMatchObject({ ok: false, error: { kind: 'truncated', offset: 11 } });
    for (let n = 12; n < query.length; n++) expect(parseDns(query.subarray(0, n)).ok).toBe(false);
  });

  it('stops compression loops and pointers past the end', () => {
    const self = hex('0001 0100 0001 0000 0000 0000 c00c 0001 0001');
    expect(parseDns(self)).toMatchObject({ ok: false, error: { kind: 'bad-length', detail: 'compression pointer loop' } });
    const pingPong = hex('0001 0100 0001 0000 0000 0000 c00e c00c 0001 0001');
    expect(parseDns(pingPong)).toMatchObject({ ok: false, error: { kind: 'bad-length' } });
    const labelLoop = hex('0001 0100 0001 0000 0000 0000 0161 c00c 0001 0001');
    expect(parseDns(labelLoop)).toMatchObject({ ok: false, error: { kind: 'bad-length', detail: 'name longer than 255 bytes' } });
    const past = hex('0001 0100 0001 0000 0000 0000 c0ff 0001 0001');
    expect(parseDns(past)).toMatchObject({ ok: false, error: { kind: 'truncated' } });
    const ext = hex('0001 0100 0001 0000 0000 0000 4000 0001 0001');
    expect(parseDns(ext)).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
  });

  it('follows forward pointers and keeps oddly sized typed RDATA raw', () => {
    // Question name is a pointer to a name stored after it (legal, if unusual).
    const fwd = hex('0001 0100 0001 0000 0000 0000 c012 0001 0001 0161 00');
    expect(parsed(fwd).questions[0]?.name).toBe('a.');
    const oddA = hex('0001 8100 0000 0001 0000 0000 00 0001 0001 0000003c 0003 010203');
    expect(parsed(oddA).answers[0]?.data).toEqual({ kind: 'raw', data: hex('010203') });
  });

  it('never throws on random bytes, random pointers, or garbage after a valid header', () => {
    const pointerish = fc.array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0xc0, max: 0xff }), fc.constant(0), fc.integer({ min: 1, max: 63 })), { maxLength: 120 });
    fc.assert(
      fc.property(pointerish, fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), (body, qd, an) => {
        const b = Uint8Array.from([0, 1, 0x81, 0, 0, qd, 0, an, 0, 1, 0, 1, ...body]);
        const r = parseDns(b);
        if (r.ok) expect(r.value.qdcount).toBe(qd);
      }),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (b) => void parseDns(b)));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), fc.nat(100), (b, off) => void readDnsName(b, off)));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), (b) => void parseDnsTcp(b)));
  });
});

describe('dns: names and tables', () => {
  it('escapes dots, backslashes and non-printable bytes in labels, and reads them back', () => {
    const labels = dnsNameLabels('a\\.b\\032c.\\\\.');
    expect(labels.ok && labels.value).toEqual([hex('612e6220 63'), hex('5c')]);
    const msg = emitDns({ id: 1, qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, ad: false, cd: false, rcode: 0, questions: [{ name: 'a\\.b\\032c.\\\\', type: 1, class: 1 }], answers: [], authorities: [], additionals: [] });
    expect(parsed(msg).questions[0]?.name).toBe('a\\.b\\032c.\\\\.');
  });

  it('rejects empty labels, labels over 63 bytes and names over 255 bytes', () => {
    expect(dnsNameLabels('a..b').ok).toBe(false);
    expect(dnsNameLabels('.a').ok).toBe(false);
    expect(dnsNameLabels(`${'x'.repeat(64)}.com`).ok).toBe(false);
    expect(dnsNameLabels(`${'x'.repeat(63)}.com`).ok).toBe(true);
    expect(dnsNameLabels(Array(64).fill('abc').join('.')).ok).toBe(false);
    expect(dnsNameLabels('.').ok && dnsNameLabels('').ok).toBe(true);
    const bad = { id: 1, qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, ad: false, cd: false, rcode: 0, questions: [{ name: 'a..b', type: 1, class: 1 }], answers: [], authorities: [], additionals: [] };
    expect(() => emitDns(bad)).toThrow(RangeError);
  });

  it('names types, classes, rcodes and opcodes like dig', () => {
    expect([dnsTypeName(1), dnsTypeName(28), dnsTypeName(33), dnsTypeName(41), dnsTypeName(99)]).toEqual(['A', 'AAAA', 'SRV', 'OPT', 'TYPE99']);
    expect([dnsClassName(1), dnsClassName(7)]).toEqual(['IN', 'CLASS7']);
    expect([dnsRcodeName(3), dnsOpcodeName(0)]).toEqual(['NXDOMAIN', 'QUERY']);
    expect([dnsTypeFromName('aaaa'), dnsTypeFromName('TYPE65'), dnsTypeFromName('nope')]).toEqual([28, 65, undefined]);
    expect(formatIpv4(a('10.96.0.10'))).toBe('10.96.0.10');
  });
});

describe('dns: parse(emit(m)) == m', () => {
  const label = fc.oneof(fc.constantFrom('svc', 'cluster', 'local', 'default', 'kube-system', 'webpod', 'kube-dns', '_tcp', '_http'), fc.string({ minLength: 1, maxLength: 8, unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)) }));
  const name = fc.array(label, { maxLength: 5 }).map((ls) => {
    const parts = ls.map((l) => Array.from(l, (ch) => (ch === '.' || ch === '\\' ? `\\${ch}` : ch.charCodeAt(0) > 0x20 && ch.charCodeAt(0) < 0x7f ? ch : `\\${ch.charCodeAt(0).toString().padStart(3, '0')}`)).join(''));
    return parts.length === 0 ? '.' : `${parts.join('.')}.`;
  });
  const u16 = fc.integer({ min: 0, max: 0xffff });
  const u32 = fc.integer({ min: 0, max: 0xffffffff });
  const rdata: fc.Arbitrary<{ type: number; data: DnsRdata }> = fc.oneof(
    u32.map((v) => ({ type: DNS_TYPE.A, data: { kind: 'a' as const, address: v as Ipv4Addr } })),
    fc.uint8Array({ minLength: 16, maxLength: 16 }).map((address) => ({ type: DNS_TYPE.AAAA, data: { kind: 'aaaa' as const, address } })),
    name.map((target) => ({ type: DNS_TYPE.CNAME, data: { kind: 'cname' as const, target } })),
    name.map((target) => ({ type: DNS_TYPE.NS, data: { kind: 'ns' as const, target } })),
    name.map((target) => ({ type: DNS_TYPE.PTR, data: { kind: 'ptr' as const, target } })),
    fc.tuple(u16, name).map(([preference, exchange]) => ({ type: DNS_TYPE.MX, data: { kind: 'mx' as const, preference, exchange } })),
    fc.tuple(u16, u16, u16, name).map(([priority, weight, port, target]) => ({ type: DNS_TYPE.SRV, data: { kind: 'srv' as const, priority, weight, port, target } })),
    fc.tuple(name, name, u32, u32, u32, u32, u32).map(([mname, rname, serial, refresh, retry, expire, minimum]) => ({ type: DNS_TYPE.SOA, data: { kind: 'soa' as const, mname, rname, serial, refresh, retry, expire, minimum } })),
    fc.array(fc.string({ maxLength: 20, unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)) }), { minLength: 1, maxLength: 3 }).map((texts) => ({ type: DNS_TYPE.TXT, data: { kind: 'txt' as const, texts } })),
    fc.uint8Array({ maxLength: 12 }).map((data) => ({ type: 99, data: { kind: 'raw' as const, data } })),
  );
  const record = fc.tuple(name, rdata, u16, u32).map(([n, r, cls, ttl]): DnsRecord => ({ name: n, type: r.type, class: cls, ttl, data: r.data }));
  const message = fc.record({
    id: u16,
    qr: fc.boolean(),
    opcode: fc.integer({ min: 0, max: 15 }),
    aa: fc.boolean(),
    tc: fc.boolean(),
    rd: fc.boolean(),
    ra: fc.boolean(),
    z: fc.boolean(),
    ad: fc.boolean(),
    cd: fc.boolean(),
    rcode: fc.integer({ min: 0, max: 15 }),
    questions: fc.array(fc.record({ name, type: u16, class: u16 }), { maxLength: 2 }),
    answers: fc.array(record, { maxLength: 4 }),
    authorities: fc.array(record, { maxLength: 2 }),
    additionals: fc.array(record, { maxLength: 2 }),
  });

  it('holds with and without compression', () => {
    fc.assert(
      fc.property(message, fc.boolean(), (m, compress) => {
        const r = parsed(emitDns(m, { compress }));
        expect(r).toEqual({ ...m, qdcount: m.questions.length, ancount: m.answers.length, nscount: m.authorities.length, arcount: m.additionals.length });
      }),
      { numRuns: 300 },
    );
  });
});
