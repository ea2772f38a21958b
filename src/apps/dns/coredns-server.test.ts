// CoreDNS's kubernetes plugin answers, checked against CoreDNS's source (handler.go, backend_lookup.go,
// SetReply/SizeAndDo/Truncate) over real UDP through the emulated kernel.
import { describe, expect, it } from 'vitest';
import { formatIpv4 } from '../../addr/index.js';
import { UdpSocket } from '../../net/udp-socket.js';
import { DNS_CLASS, DNS_RCODE, DNS_TYPE, emitDns, emitDnsTcp, parseDns, parseDnsTcp, type DnsRecord, type ParsedDnsMessage } from '../../wire/index.js';
import { kernelTcp } from '../tcp-transport.js';
import { CoreDnsServer } from './coredns-server.js';
import { ip } from '../test-topology.js';
import { dnsLab, seedDirectory, SERIAL } from './dns-fixture.test-helper.js';

const COOKIE_OPT: DnsRecord = { name: '.', type: DNS_TYPE.OPT, class: 1232, ttl: 0, data: { kind: 'raw', data: Uint8Array.from([0, 10, 0, 8, 0xf8, 0, 0x0c, 0xcd, 0x2a, 0xf6, 0, 0x83]) } };

function ask(name: string, type: number, opts: { edns?: DnsRecord; waitUs?: number } = {}): { reply: ParsedDnsMessage | undefined; raw: Uint8Array | undefined; atUs: number } {
  const { lab, client } = dnsLab();
  const sock = new UdpSocket(client);
  let raw: Uint8Array | undefined;
  let atUs = 0;
  sock.onMessage = (p) => {
    raw = p;
    atUs = lab.nowUs;
  };
  const q = emitDns({ id: 0x1234, qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, ad: false, cd: false, rcode: 0, questions: [{ name, type, class: DNS_CLASS.IN }], answers: [], authorities: [], additionals: opts.edns ? [opts.edns] : [] });
  sock.sendto(q, { addr: ip('10.0.2.1'), port: 53 });
  lab.run(opts.waitUs ?? 1_000_000);
  const m = raw ? parseDns(raw) : undefined;
  return { reply: m?.ok ? m.value : undefined, raw, atUs };
}

const aAddrs = (m: ParsedDnsMessage | undefined): string[] => (m?.answers ?? []).flatMap((r) => (r.data.kind === 'a' ? [formatIpv4(r.data.address)] : []));

describe('CoreDNS kubernetes plugin', () => {
  it('answers a Service name with its ClusterIP: aa, rd, no ra, TTL 30, uncompressed', () => {
    const { reply, raw } = ask('webpod.default.svc.cluster.local.', DNS_TYPE.A);
    expect(reply).toMatchObject({ id: 0x1234, qr: true, aa: true, rd: true, ra: false, rcode: DNS_RCODE.NOERROR });
    expect(reply?.answers).toEqual([{ name: 'webpod.default.svc.cluster.local.', type: DNS_TYPE.A, class: 1, ttl: 30, data: { kind: 'a', address: ip('10.96.234.235') } }]);
    // miekg/dns packs without compression when the message fits: 12 + 2 × (34-byte name) + 4 + 10 + 4.
    expect(raw?.length).toBe(12 + 34 + 4 + 34 + 10 + 4);
  });

  it('keeps the case of the question in owner names', () => {
    const { reply } = ask('WebPod.Default.svc.cluster.local.', DNS_TYPE.A);
    expect(reply?.answers[0]?.name).toBe('WebPod.Default.svc.cluster.local.');
  });

  it('NODATA for AAAA of an IPv4 Service, with the SOA CoreDNS makes', () => {
    const { reply } = ask('webpod.default.svc.cluster.local.', DNS_TYPE.AAAA);
    expect(reply).toMatchObject({ rcode: DNS_RCODE.NOERROR, aa: true, answers: [] });
    expect(reply?.authorities).toEqual([
      { name: 'cluster.local.', type: DNS_TYPE.SOA, class: 1, ttl: 30, data: { kind: 'soa', mname: 'ns.dns.cluster.local.', rname: 'hostmaster.cluster.local.', serial: SERIAL, refresh: 7200, retry: 1800, expire: 86400, minimum: 30 } },
    ]);
  });

  it('NXDOMAIN with the SOA for a missing Service, a missing namespace and a bad shape', () => {
    for (const n of ['nosuch.default.svc.cluster.local.', 'webpod.nons.svc.cluster.local.', 'webpod.cluster.local.', 'a.b.c.webpod.default.svc.cluster.local.']) {
      const { reply } = ask(n, DNS_TYPE.A);
      expect(reply, n).toMatchObject({ rcode: DNS_RCODE.NXDOMAIN, aa: true, answers: [] });
      expect(reply?.authorities[0]?.type).toBe(DNS_TYPE.SOA);
    }
  });

  it('NODATA for a namespace name and the zone apex', () => {
    expect(ask('default.svc.cluster.local.', DNS_TYPE.A).reply).toMatchObject({ rcode: 0, answers: [] });
    expect(ask('cluster.local.', DNS_TYPE.A).reply).toMatchObject({ rcode: 0, answers: [] });
  });

  it('a headless Service answers its endpoint addresses (loadbalance shuffles them)', () => {
    expect(aAddrs(ask('web-headless.default.svc.cluster.local.', DNS_TYPE.A).reply).sort()).toEqual(['172.20.1.10', '172.20.2.20']);
    expect(aAddrs(ask('web-0.web-headless.default.svc.cluster.local.', DNS_TYPE.A).reply)).toEqual(['172.20.1.10']);
    expect(aAddrs(ask('172-20-2-20.web-headless.default.svc.cluster.local.', DNS_TYPE.A).reply)).toEqual(['172.20.2.20']);
  });

  it('pods insecure: a-b-c-d.<ns>.pod.cluster.local', () => {
    expect(aAddrs(ask('172-20-0-74.default.pod.cluster.local.', DNS_TYPE.A).reply)).toEqual(['172.20.0.74']);
    expect(ask('172-20-0-74.nons.pod.cluster.local.', DNS_TYPE.A).reply?.rcode).toBe(DNS_RCODE.NXDOMAIN);
  });

  it('PTR for a ClusterIP and for an endpoint', () => {
    expect(ask('235.234.96.10.in-addr.arpa.', DNS_TYPE.PTR).reply?.answers[0]?.data).toEqual({ kind: 'ptr', target: 'webpod.default.svc.cluster.local.' });
    expect(ask('10.1.20.172.in-addr.arpa.', DNS_TYPE.PTR).reply?.answers[0]?.data).toEqual({ kind: 'ptr', target: 'web-0.web-headless.default.svc.cluster.local.' });
  });

  it('SRV for named ports, with the target address in the additional section', () => {
    const { reply } = ask('_dns._udp.kube-dns.kube-system.svc.cluster.local.', DNS_TYPE.SRV);
    expect(reply?.answers.map((r) => r.data)).toEqual([{ kind: 'srv', priority: 0, weight: 100, port: 53, target: 'kube-dns.kube-system.svc.cluster.local.' }]);
    expect(aAddrs({ ...(reply as ParsedDnsMessage), answers: reply?.additionals ?? [] })).toEqual(['10.96.0.10']);
    expect(ask('_http._tcp.webpod.default.svc.cluster.local.', DNS_TYPE.SRV).reply?.rcode).toBe(DNS_RCODE.NXDOMAIN);
  });

  it('NS at the apex names kube-dns, whose endpoint is this pod', () => {
    const { reply } = ask('cluster.local.', DNS_TYPE.NS);
    expect(reply?.answers.map((r) => r.data)).toEqual([{ kind: 'ns', target: 'kube-dns.kube-system.svc.cluster.local.' }]);
    expect(aAddrs({ ...(reply as ParsedDnsMessage), answers: reply?.additionals ?? [] })).toEqual(['10.96.0.10']);
  });

  it('dns-version TXT and refused transfers', () => {
    expect(ask('dns-version.cluster.local.', DNS_TYPE.TXT).reply?.answers[0]).toMatchObject({ ttl: 28800, data: { kind: 'txt', texts: ['1.1.0'] } });
    expect(ask('cluster.local.', DNS_TYPE.AXFR).reply).toMatchObject({ rcode: DNS_RCODE.REFUSED, aa: false });
  });

  it('echoes the client OPT record with its cookie (SizeAndDo); real dig reads it as "COOKIE: ... (echoed)", 121 bytes', () => {
    const { reply, raw } = ask('webpod.default.svc.cluster.local.', DNS_TYPE.A, { edns: COOKIE_OPT });
    expect(raw?.length).toBe(121);
    const opt = reply?.additionals.find((r) => r.type === DNS_TYPE.OPT);
    expect(opt).toMatchObject({ name: '.', class: 1232, ttl: 0 });
    expect(opt?.data.kind === 'raw' && [...opt.data.data]).toEqual([0, 10, 0, 8, 0xf8, 0, 0x0c, 0xcd, 0x2a, 0xf6, 0, 0x83]);
  });

  it('forwards other names upstream; a silent upstream gives SERVFAIL after three 2 s tries', () => {
    const { reply, atUs } = ask('google.com.', DNS_TYPE.A, { waitUs: 10_000_000 });
    expect(reply).toMatchObject({ rcode: DNS_RCODE.SERVFAIL, aa: false, rd: true, answers: [], authorities: [] });
    expect(Math.round(atUs / 1000)).toBe(6000);
    // A PTR the cluster does not know falls through to forward as well.
    expect(ask('9.9.9.9.in-addr.arpa.', DNS_TYPE.PTR, { waitUs: 10_000_000 }).reply?.rcode).toBe(DNS_RCODE.SERVFAIL);
  });
});


describe('CoreDNS over TCP, its log and its probes', () => {
  it('answers a length-prefixed query on TCP 53 (same message, 2-byte length first)', () => {
    const { lab, client } = dnsLab();
    const c = kernelTcp.connect(client, { addr: ip('10.0.2.1'), port: 53 });
    if (typeof c === 'string') throw new Error(c);
    let got = new Uint8Array(0);
    c.onData = (d) => {
      const j = new Uint8Array(got.length + d.length);
      j.set(got);
      j.set(d, got.length);
      got = j;
    };
    c.onConnected = () => c.send(emitDnsTcp({ id: 7, qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, ad: false, cd: false, rcode: 0, questions: [{ name: 'kube-dns.kube-system.svc.cluster.local.', type: DNS_TYPE.A, class: 1 }], answers: [], authorities: [], additionals: [] }));
    lab.run(1_000_000);
    const m = parseDnsTcp(got);
    expect(m.ok && m.value.message.answers[0]?.data).toEqual({ kind: 'a', address: ip('10.96.0.10') });
  });

  it('logs a failed forward as the errors plugin does', () => {
    const { lab, client, server } = dnsLab();
    const logs: string[] = [];
    server.onLog = (l) => logs.push(l);
    const sock = new UdpSocket(client);
    sock.sendto(emitDns({ id: 1, qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, ad: false, cd: false, rcode: 0, questions: [{ name: 'google.com.', type: DNS_TYPE.A, class: 1 }], answers: [], authorities: [], additionals: [] }), { addr: ip('10.0.2.1'), port: 53 });
    lab.run(10_000_000);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^\[ERROR\] plugin\/errors: 2 google\.com\. A: read udp 10\.0\.2\.1:\d+->10\.0\.9\.3:53: i\/o timeout$/);
  });

  it('serves /health and /ready with "OK" when probes are on', () => {
    const t = dnsLab();
    const srv = new CoreDnsServer(t.coredns, { directory: seedDirectory(), upstreams: [], port: 5353, probes: { epochMs: 0 } });
    expect(srv.start()).toBeUndefined();
    const c = kernelTcp.connect(t.client, { addr: ip('10.0.2.1'), port: 8080 });
    if (typeof c === 'string') throw new Error(c);
    let got = '';
    c.onData = (d) => (got += new TextDecoder().decode(d));
    c.onConnected = () => c.send(new TextEncoder().encode('GET /health HTTP/1.1\r\nHost: x\r\n\r\n'));
    t.lab.run(1_000_000);
    expect(got).toBe('HTTP/1.1 200 OK\r\nDate: Thu, 01 Jan 1970 00:00:00 GMT\r\nContent-Length: 2\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nOK');
  });
});
