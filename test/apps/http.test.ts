// whoami (traefik/whoami app.go on Go net/http) and the curl engine over the emulated kernel's TCP, checked
// against the seed's whoami lines and the real curl 8.5.0 / 8.14.1 transcripts in test/fixtures/curl/.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Netns } from '../../src/net/netns.js';
import { ApacheServer } from '../../src/apps/apache-server.js';
import { linkLocalFromMac } from '../../src/addr/index.js';
import { HttpClient, type CurlEvent, type HttpClientOptions } from '../../src/apps/http-client.js';
import { CoreDnsServer } from '../../src/apps/dns/coredns-server.js';
import { StaticServiceDirectory } from '../../src/apps/dns/service-directory.js';
import { MuslResolver } from '../../src/apps/resolver/musl-resolver.js';
import { kernelTcp, type TcpSocket } from '../../src/apps/tcp-transport.js';
import { ip, threeHop } from '../../src/apps/test-topology.js';
import { WhoamiServer } from '../../src/apps/whoami-server.js';

const EPOCH = Date.UTC(2025, 7, 16, 10, 0, 0);
const HOSTS = '127.0.0.1 localhost\n10.0.2.1 webpod\n';

function fixture(release: string): string {
  return readFileSync(new URL(`../fixtures/curl/curl-${release}.txt`, import.meta.url), 'utf8');
}

function curl(opts: Omit<HttpClientOptions, 'resolver'>, setup?: (t: ReturnType<typeof threeHop>) => void, runUs = 10_000_000) {
  const t = threeHop();
  t.router.routeAdd({ dst: { addr: ip('10.0.9.0'), prefixLen: 24 }, gateway: ip('10.0.2.1') });
  new WhoamiServer(t.server, { hostname: 'webpod-697b545f57-5dd9p', epochMs: EPOCH }).start();
  setup?.(t);
  const events: CurlEvent[] = [];
  const resolver = new MuslResolver(t.client, { resolvConf: 'nameserver 10.0.9.53\n', hosts: HOSTS });
  new HttpClient(t.client, { ...opts, resolver }, (e) => events.push(e)).start();
  t.lab.run(runUs);
  const body = new TextDecoder().decode(Uint8Array.from(events.flatMap((e) => (e.kind === 'data' ? [...e.body] : []))));
  const err = events.find((e) => e.kind === 'error');
  const done = events.find((e) => e.kind === 'done');
  return { t, events, body, err, done };
}

describe('whoami via the curl engine', () => {
  it('prints the seed lines: Hostname, IPs in net.Interfaces order, RemoteAddr, the request as Request.Write', () => {
    const { body, done, events, t } = curl({ url: 'webpod' });
    expect(done).toMatchObject({ exitCode: 0, connection: 'left-intact' });
    const eth0 = t.server.dev('eth0') as NonNullable<ReturnType<Netns['dev']>>;
    const local = events.find((e) => e.kind === 'connected');
    const port = local?.kind === 'connected' ? local.local.port : 0;
    expect(body).toBe(
      [
        'Hostname: webpod-697b545f57-5dd9p',
        'IP: 127.0.0.1',
        'IP: ::1',
        'IP: 10.0.2.1',
        `IP: ${linkLocalFromMac(eth0.mac)}`,
        `RemoteAddr: 10.0.1.1:${port}`,
        'GET / HTTP/1.1\r',
        'Host: webpod\r',
        'User-Agent: curl/8.14.1\r',
        'Accept: */*\r',
        '\r',
        '',
      ].join('\n'),
    );
  });

  it('answers with Go framing: Date from the virtual clock, Content-Length, sniffed Content-Type', () => {
    const { events } = curl({ url: 'http://10.0.2.1/' });
    const head = events.find((e) => e.kind === 'response-head');
    expect(head?.kind === 'response-head' && head.statusLine).toBe('HTTP/1.1 200 OK');
    const names = head?.kind === 'response-head' ? head.headers.map(([k]) => k) : [];
    expect(names).toEqual(['Date', 'Content-Length', 'Content-Type']);
    expect(head?.kind === 'response-head' && head.headers[0]?.[1]).toBe('Sat, 16 Aug 2025 10:00:00 GMT');
    expect(head?.kind === 'response-head' && head.headers[2]?.[1]).toBe('text/plain; charset=utf-8');
  });

  it('curl -I: HEAD gets the headers and the length of the body it would have had', () => {
    const { events, done } = curl({ url: 'http://10.0.2.1/', method: 'HEAD' });
    expect(done).toMatchObject({ exitCode: 0 });
    expect(events.some((e) => e.kind === 'data')).toBe(false);
  });

  it('/api answers JSON, /health a bare 200', () => {
    expect(JSON.parse(curl({ url: 'http://10.0.2.1/api' }).body)).toMatchObject({ hostname: 'webpod-697b545f57-5dd9p', url: '/api', host: '10.0.2.1', method: 'GET', headers: { Accept: ['*/*'], 'User-Agent': ['curl/8.14.1'] } });
    const h = curl({ url: 'http://10.0.2.1/health' });
    expect(h.events.find((e) => e.kind === 'response-head')).toMatchObject({ statusLine: 'HTTP/1.1 200 OK', headers: [['Date', 'Sat, 16 Aug 2025 10:00:00 GMT'], ['Content-Length', '0']] });
  });
});

describe('curl errors, as the real curl transcripts print them', () => {
  it('(7) refused: 8.14.1 "Could not connect to server", 8.5.0 "Couldn\'t connect to server"', () => {
    const a = curl({ url: 'http://10.0.2.1:9/' });
    expect(a.err).toEqual({ kind: 'error', code: 7, message: 'Failed to connect to 10.0.2.1 port 9 after 0 ms: Could not connect to server' });
    expect(fixture('8.14.1')).toContain('Failed to connect to 10.77.0.2 port 9 after 0 ms: Could not connect to server');
    const b = curl({ url: 'http://10.0.2.1:9/', release: '8.5.0' });
    expect(b.err?.kind === 'error' && b.err.message).toBe("Failed to connect to 10.0.2.1 port 9 after 0 ms: Couldn't connect to server");
    expect(fixture('8.5.0')).toContain("after 0 ms: Couldn't connect to server");
    expect(a.events.find((e) => e.kind === 'connect-failed')).toMatchObject({ errno: 'ECONNREFUSED' });
  });

  it('(28) --connect-timeout 1 into a black hole, per release', () => {
    const a = curl({ url: 'http://10.0.9.9/', connectTimeoutMs: 1000 });
    expect(a.err).toEqual({ kind: 'error', code: 28, message: 'Connection timed out after 1001 milliseconds' });
    expect(fixture('8.14.1')).toContain('* Connection timed out after 1001 milliseconds');
    const b = curl({ url: 'http://10.0.9.9/', connectTimeoutMs: 1000, release: '8.5.0' });
    expect(b.err).toEqual({ kind: 'error', code: 28, message: 'Failed to connect to 10.0.9.9 port 80 after 1000 ms: Timeout was reached' });
    expect(fixture('8.5.0')).toContain('curl: (28) Failed to connect to 10.88.0.9 port 80 after 1000 ms: Timeout was reached');
  });

  it('(28) -m while connecting says "Connection timed out" in both releases', () => {
    expect(curl({ url: 'http://10.0.9.9/', maxTimeMs: 2000, release: '8.5.0' }).err).toMatchObject({ code: 28, message: 'Connection timed out after 2001 milliseconds' });
  });

  it('(6) an unresolvable name', () => {
    expect(curl({ url: 'http://nosuch/' }).err).toEqual({ kind: 'error', code: 6, message: 'Could not resolve host: nosuch' });
  });

  it('(28) -m 1 against a server that never answers: "with 0 bytes received"', () => {
    const { err } = curl({ url: 'http://10.0.2.1:81/', maxTimeMs: 1000 }, ({ server }) => {
      const l = kernelTcp.listen(server, ip('0.0.0.0'), 81);
      if (typeof l !== 'string') l.onAccept = () => undefined;
    });
    expect(err).toEqual({ kind: 'error', code: 28, message: 'Operation timed out after 1001 milliseconds with 0 bytes received' });
  });
});

describe('Apache on the router', () => {
  it('serves <h1>Web Server : router</h1> with Apache 2.4.58 (Ubuntu) headers', () => {
    const { body, events } = curl({ url: 'http://10.0.2.1:8080/', release: '8.5.0' }, ({ server }) => {
      new ApacheServer(server, { hostname: 'router', epochMs: EPOCH, port: 8080, mtimeMs: EPOCH - 3_600_000 }).start();
    });
    expect(body).toBe('<h1>Web Server : router</h1>\n');
    const head = events.find((e) => e.kind === 'response-head');
    expect(head?.kind === 'response-head' && head.headers.map(([k]) => k)).toEqual(['Date', 'Server', 'Last-Modified', 'ETag', 'Accept-Ranges', 'Content-Length', 'Vary', 'Content-Type']);
    expect(head?.kind === 'response-head' && Object.fromEntries(head.headers)).toMatchObject({ Server: 'Apache/2.4.58 (Ubuntu)', 'Last-Modified': 'Sat, 16 Aug 2025 09:00:00 GMT', 'Content-Length': '29', 'Content-Type': 'text/html' });
  });
});


/** A listener on the server that does `onRequest` once it has read a request head. */
function rawServer(server: Netns, port: number, onRequest: (c: TcpSocket) => void): void {
  const l = kernelTcp.listen(server, ip('0.0.0.0'), port);
  if (typeof l === 'string') throw new Error(l);
  l.onAccept = (c) => {
    let seen = '';
    c.onData = (d) => {
      seen += new TextDecoder().decode(d);
      if (seen.includes('\r\n\r\n')) onRequest(c);
    };
  };
}

const enc = new TextEncoder();

describe('curl against misbehaving servers (python servers of the fixture capture)', () => {
  it('(56) a reset after the request: "Recv failure: Connection reset by peer"', () => {
    const { err } = curl({ url: 'http://10.0.2.1:83/' }, ({ server }) => rawServer(server, 83, (c) => c.abort()));
    expect(err).toEqual({ kind: 'error', code: 56, message: 'Recv failure: Connection reset by peer' });
    expect(fixture('8.14.1')).toContain('curl: (56) Recv failure: Connection reset by peer');
  });

  it('(52) a close without a response: "Empty reply from server"', () => {
    const { err } = curl({ url: 'http://10.0.2.1:84/' }, ({ server }) => rawServer(server, 84, (c) => c.close()));
    expect(err).toEqual({ kind: 'error', code: 52, message: 'Empty reply from server' });
    expect(fixture('8.5.0')).toContain('curl: (52) Empty reply from server');
  });

  it('(28) -m 1 with 10 of 100 bytes: "with 10 out of 100 bytes received"', () => {
    const { err, body } = curl({ url: 'http://10.0.2.1:82/', maxTimeMs: 1000 }, ({ server }) =>
      rawServer(server, 82, (c) => c.send(enc.encode('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789'))),
    );
    expect(body).toBe('0123456789');
    expect(err).toEqual({ kind: 'error', code: 28, message: 'Operation timed out after 1001 milliseconds with 10 out of 100 bytes received' });
    expect(fixture('8.14.1')).toContain('with 10 out of 100 bytes received');
  });

  it('a chunked body is decoded; the data event counts the framing (8.14.1 prints "[15 bytes data]")', () => {
    const { events, body, done } = curl({ url: 'http://10.0.2.1:85/' }, ({ server }) =>
      rawServer(server, 85, (c) => c.send(enc.encode('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n'))),
    );
    expect(body).toBe('hello');
    expect(events.filter((e) => e.kind === 'data').map((e) => (e.kind === 'data' ? e.wireBytes : 0))).toEqual([15]);
    expect(done).toMatchObject({ exitCode: 0, connection: 'left-intact' });
  });

  it('"Connection: close" from the server ends the transfer as closed by the server', () => {
    const { body, done } = curl({ url: 'http://10.0.2.1:86/' }, ({ server }) =>
      rawServer(server, 86, (c) => {
        c.send(enc.encode('HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nbye\n'));
        c.close();
      }),
    );
    expect(body).toBe('bye\n');
    expect(done).toMatchObject({ exitCode: 0, connection: 'closed-by-server' });
  });

  it('(7) no ARP answer behind the router: connect fails with EHOSTUNREACH after ~3 s', () => {
    const { err, events } = curl({ url: 'http://10.0.2.50/' });
    expect(events.find((e) => e.kind === 'connect-failed')).toMatchObject({ errno: 'EHOSTUNREACH' });
    expect(err?.kind === 'error' && err.code).toBe(7);
    expect(err?.kind === 'error' && err.message).toMatch(/^Failed to connect to 10\.0\.2\.50 port 80 after 3\d{3} ms: Could not connect to server$/);
    expect(fixture('8.14.1')).toMatch(/Failed to connect to 10\.77\.0\.50 port 80 after 3\d{3} ms|connect to 10\.77\.0\.2 port 9 from/);
  });
});

describe('Go net/http keep-alive', () => {
  it('answers pipelined requests in order on one connection and closes after "Connection: close"', () => {
    const t = threeHop();
    new WhoamiServer(t.server, { hostname: 'w', epochMs: EPOCH }).start();
    const c = kernelTcp.connect(t.client, { addr: ip('10.0.2.1'), port: 80 });
    if (typeof c === 'string') throw new Error(c);
    let got = '';
    let closedByPeer = false;
    c.onData = (d) => (got += new TextDecoder().decode(d));
    c.onPeerClosed = () => (closedByPeer = true);
    c.onConnected = () => c.send(enc.encode('GET /bench HTTP/1.1\r\nHost: w\r\n\r\nGET /bench HTTP/1.1\r\nHost: w\r\nConnection: close\r\n\r\n'));
    t.lab.run(2_000_000);
    expect(got).toBe(
      'HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nContent-Type: text/plain\r\nDate: Sat, 16 Aug 2025 10:00:00 GMT\r\nContent-Length: 1\r\n\r\n1' +
        'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nDate: Sat, 16 Aug 2025 10:00:00 GMT\r\nContent-Length: 1\r\nConnection: close\r\n\r\n1',
    );
    expect(closedByPeer).toBe(true);
  });
});

describe('IPv6 text as Go prints it', () => {
  it('compresses the longest zero run, as in the seed ip a output (fe80::a00:27ff:fe53:6457)', () => {
    expect(linkLocalFromMac(0x080027536457 as Parameters<typeof linkLocalFromMac>[0])).toBe('fe80::a00:27ff:fe53:6457');
    expect(linkLocalFromMac(0x165d7aab583f as Parameters<typeof linkLocalFromMac>[0])).toBe('fe80::145d:7aff:feab:583f');
    expect(linkLocalFromMac(0x02000a630003 as Parameters<typeof linkLocalFromMac>[0])).toBe('fe80::aff:fe63:3');
  });
});

describe('curl by name (fixtures: "curl -sv http://webpod/" with webpod in /etc/hosts)', () => {
  it('reports the resolved addresses and names the host, not the address, in failf', () => {
    const ok = curl({ url: 'http://webpod/' });
    expect(ok.events[0]).toMatchObject({ kind: 'resolved', host: 'webpod', port: 80, v4: [ip('10.0.2.1')], v6: [] });
    expect(ok.events.find((e) => e.kind === 'connected')).toMatchObject({ host: 'webpod', ip: ip('10.0.2.1'), port: 80 });
    expect(fixture('8.14.1')).toContain('* Connected to webpod (10.77.0.2) port 80');
    const refused = curl({ url: 'http://webpod:9/' });
    expect(refused.err).toMatchObject({ code: 7, message: 'Failed to connect to webpod port 9 after 0 ms: Could not connect to server' });
    expect(fixture('8.14.1')).toContain('* Failed to connect to webpod port 9 after 0 ms: Could not connect to server');
  });
});

describe('the seed flow: kubectl exec curl-pod -- curl webpod | grep Hostname', () => {
  it('musl resolves webpod through CoreDNS (search list), curl fetches whoami', () => {
    const t = threeHop();
    const tcp80 = [{ name: '', port: 80, protocol: 'TCP' as const }];
    const directory = new StaticServiceDirectory(['default'], [{ namespace: 'default', name: 'webpod', clusterIps: [ip('10.0.2.1')], ports: tcp80, endpoints: [{ ip: ip('10.0.2.1') }], endpointPorts: tcp80 }]);
    new CoreDnsServer(t.server, { directory, upstreams: [ip('10.0.9.3')] }).start();
    new WhoamiServer(t.server, { hostname: 'webpod-697b545f57-vhn6k', epochMs: EPOCH }).start();
    const resolver = new MuslResolver(t.client, { resolvConf: 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.0.2.1\noptions ndots:5\n' });
    const events: CurlEvent[] = [];
    new HttpClient(t.client, { url: 'webpod', resolver }, (e) => events.push(e)).start();
    t.lab.run(5_000_000);
    const body = new TextDecoder().decode(Uint8Array.from(events.flatMap((e) => (e.kind === 'data' ? [...e.body] : []))));
    expect(body.split('\n').filter((l) => l.includes('Hostname'))).toEqual(['Hostname: webpod-697b545f57-vhn6k']);
    expect(events.at(-1)).toMatchObject({ kind: 'done', exitCode: 0 });
  });
});
