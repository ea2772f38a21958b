import { describe, expect, it } from 'vitest';
import { TCP_SYN } from '../../wire/index.js';
import type { Errno } from '../netlink-error.js';
import { TcpSocket } from './tcp-socket.js';
import { captureLab, devOf, ip, isTcp, normalizeTcpdump, tcpdumpLines, twoHosts } from './tcp-testbed.js';

const S = 1_000_000;

function connectOrThrow(...args: Parameters<typeof TcpSocket.connect>): TcpSocket {
  const c = TcpSocket.connect(...args);
  if (typeof c === 'string') throw new Error(c);
  return c;
}

describe('connection refused and reset', () => {
  it('answers a SYN to a closed port with RST+ACK (seq 0, ack isn+1, win 0, id 0, DF): ECONNREFUSED', () => {
    const { bed, client } = twoHosts();
    const cap = bed.capture(client, 'eth0');
    const c = connectOrThrow(client, { addr: ip('10.99.1.2'), port: 81 });
    let closed: Errno | undefined;
    let connected = false;
    c.onConnected = () => (connected = true);
    c.onClosed = (e) => (closed = e);
    bed.run(1000);
    expect(connected).toBe(false);
    expect(closed).toBe('ECONNREFUSED');
    expect(c.state).toBe('CLOSED');
    expect(client.sockets.tcpConns.size).toBe(0);
    const raw = tcpdumpLines(cap.filter((x) => isTcp(x.frame)), { withIpId: true });
    const lines = raw.map(normalizeTcpdump);
    const isn = Number(raw[0]?.match(/seq (\d+)/)?.[1]);
    expect(lines[1]).toBe(`id 0 10.99.1.2.81 > 10.99.1.1.<port>: Flags [R.], seq 0, ack ${(isn + 1) >>> 0}, win 0, length 0`);
    const rst = cap.filter((x) => isTcp(x.frame))[1]?.frame;
    expect((rst?.[20] ?? 0) & 0x40).toBe(0x40);
  });

  it('resets with the ACK number (RST, no ACK flag) when an ACK arrives for no connection', () => {
    const { bed, client, server } = twoHosts();
    const l = TcpSocket.listen(server, 0 as never, 80);
    if (typeof l === 'string') throw new Error(l);
    let child: TcpSocket | undefined;
    l.onAccept = (c) => (child = c);
    const c = connectOrThrow(client, { addr: ip('10.99.1.2'), port: 80 });
    bed.run(1000);
    // The server forgets the connection without telling the client (a reboot).
    server.sockets.tcpConns.clear();
    const cap = bed.capture(client, 'eth0');
    let closed: Errno | undefined;
    c.onClosed = (e) => (closed = e);
    c.send(new Uint8Array([1, 2, 3]));
    bed.run(1000);
    const lines = tcpdumpLines(cap.filter((x) => isTcp(x.frame)));
    expect(lines[1]).toMatch(/Flags \[R\], seq \d+, win 0, length 0/);
    expect(closed).toBe('ECONNRESET');
    expect(child).toBeDefined();
  });

  it('gives ECONNRESET to the peer when a connection is aborted', () => {
    const { bed, client, server } = twoHosts();
    const l = TcpSocket.listen(server, 0 as never, 80);
    if (typeof l === 'string') throw new Error(l);
    l.onAccept = (child) => {
      child.onData = () => child.abort();
    };
    const c = connectOrThrow(client, { addr: ip('10.99.1.2'), port: 80 });
    const cap = bed.capture(client, 'eth0');
    let closed: Errno | undefined;
    c.onConnected = () => c.send(new TextEncoder().encode('hello'));
    c.onClosed = (e) => (closed = e);
    bed.run(1000);
    expect(closed).toBe('ECONNRESET');
    const last = tcpdumpLines(cap.filter((x) => isTcp(x.frame))).at(-1) ?? '';
    expect(last).toMatch(/Flags \[R\.\], seq 1, ack 6, win \d+, options \[nop,nop,TS val \d+ ecr \d+\], length 0/);
  });
});

describe('SYN retransmission and connect timeouts', () => {
  function blackHoled() {
    const env = twoHosts();
    env.bed.dropWhen(devOf(env.server, 'eth0'), 'ingress', (f) => isTcp(f));
    return env;
  }

  it('retransmits the SYN at 1, 3, 7, 15, 31 and 63 s and gives up with ETIMEDOUT at 127 s', () => {
    const { bed, client } = blackHoled();
    const cap = bed.capture(client, 'eth0');
    const c = connectOrThrow(client, { addr: ip('10.99.1.2'), port: 80 });
    let closed: { errno: Errno | undefined; atUs: number } | undefined;
    c.onClosed = (errno) => (closed = { errno, atUs: bed.nowUs });
    bed.run(200 * S);
    const syns = cap.filter((x) => x.dir === 'out' && isTcp(x.frame, TCP_SYN));
    expect(syns.map((x) => x.timeUs / S)).toEqual([0, 1, 3, 7, 15, 31, 63]);
    expect(closed).toEqual({ errno: 'ETIMEDOUT', atUs: 127 * S });
    expect(client.sockets.tcpConns.size).toBe(0);
    // Each SYN is a fresh transmission: same ISN, a newer timestamp, the next IP id.
    const lines = tcpdumpLines(syns, { withIpId: true });
    const isn = lines.map((l) => l.match(/seq (\d+)/)?.[1]);
    expect(new Set(isn).size).toBe(1);
  });

  it('honours net.ipv4.tcp_syn_retries', () => {
    const { bed, client } = blackHoled();
    client.sysctl.set('net.ipv4.tcp_syn_retries', '2');
    const c = connectOrThrow(client, { addr: ip('10.99.1.2'), port: 80 });
    let at = -1;
    c.onClosed = () => (at = bed.nowUs);
    bed.run(20 * S);
    expect(at).toBe(7 * S);
  });

  it('stops retransmitting when the application gives up (curl --connect-timeout 1)', () => {
    const { bed, client } = blackHoled();
    const cap = bed.capture(client, 'eth0');
    const c = connectOrThrow(client, { addr: ip('10.99.1.2'), port: 80 });
    bed.ctx.scheduler.after(999_000, () => c.close());
    bed.run(10 * S);
    expect(cap.filter((x) => isTcp(x.frame)).length).toBe(1);
    expect(c.state).toBe('CLOSED');
    expect(client.sockets.tcpConns.size).toBe(0);
  });

  it('keeps retransmitting a connect that never completes until the application closes', () => {
    const { bed, client } = blackHoled();
    const cap = bed.capture(client, 'eth0');
    const c = connectOrThrow(client, { addr: ip('10.99.1.2'), port: 80 });
    bed.ctx.scheduler.after(5 * S, () => c.close());
    bed.run(20 * S);
    expect(cap.filter((x) => isTcp(x.frame)).map((x) => x.timeUs / S)).toEqual([0, 1, 3]);
  });
});

describe('ICMP errors', () => {
  it('aborts a connect with EHOSTUNREACH when a router answers "host unreachable"', () => {
    const { bed, client, router } = captureLab();
    router.routeAdd({ dst: { addr: ip('10.99.3.0'), prefixLen: 24 }, type: 'unreachable' });
    const c = connectOrThrow(client, { addr: ip('10.99.3.7'), port: 80 });
    let closed: Errno | undefined;
    c.onClosed = (e) => (closed = e);
    bed.run(2 * S);
    expect(closed).toBe('EHOSTUNREACH');
    expect(c.error).toBe('EHOSTUNREACH');
  });

  it('aborts a connect with ENETUNREACH on "net unreachable"', () => {
    const { bed, client } = captureLab();
    const c = connectOrThrow(client, { addr: ip('10.99.4.7'), port: 80 });
    let closed: Errno | undefined;
    c.onClosed = (e) => (closed = e);
    bed.run(2 * S);
    expect(closed).toBe('ENETUNREACH');
  });

  it('fails connect() at once when there is no route (ENETUNREACH)', () => {
    const { client } = twoHosts();
    expect(TcpSocket.connect(client, { addr: ip('192.0.2.1'), port: 80 })).toBe('ENETUNREACH');
  });

  it('treats errors on an established connection as soft, reported only on timeout', () => {
    const { bed, client, server } = twoHosts();
    TcpSocket.listen(server, 0 as never, 80);
    const c = connectOrThrow(client, { addr: ip('10.99.1.2'), port: 80 });
    bed.run(1000);
    let closed: Errno | undefined = 'EPERM';
    c.onClosed = (e) => (closed = e);
    c.icmpError('EHOSTUNREACH', 3, 1);
    bed.run(1000);
    expect(c.state).toBe('ESTABLISHED');
    expect(closed).toBe('EPERM');
    expect(c.softError).toBe('EHOSTUNREACH');
  });
});

describe('connect() through the socket hooks', () => {
  it('connects to the backend the connect4 hook picks and reports the service as the peer', () => {
    const { bed, client, server } = twoHosts();
    TcpSocket.listen(server, 0 as never, 8080);
    const svc = { addr: ip('10.96.0.10'), port: 80 };
    client.sockHooks = {
      connect4: (_p, dst) => (dst.addr === svc.addr ? { kind: 'rewrite', to: { addr: ip('10.99.1.2'), port: 8080 }, note: 'svc' } : { kind: 'keep' }),
      recvmsg4: (_p, peer) => (peer.addr === ip('10.99.1.2') ? svc : peer),
    };
    const c = connectOrThrow(client, svc);
    bed.run(1000);
    expect(c.state).toBe('ESTABLISHED');
    expect(c.remotePort).toBe(8080);
    expect(c.peerName()).toEqual(svc);
  });

  it('fails with the errno the hook returns', () => {
    const { client } = twoHosts();
    client.sockHooks = { connect4: () => ({ kind: 'error', errno: 'ECONNREFUSED', note: 'no backend' }) };
    expect(TcpSocket.connect(client, { addr: ip('10.96.0.11'), port: 80 })).toBe('ECONNREFUSED');
  });
});

describe('data retransmission', () => {
  it('starts at rto 204 ms on a LAN, probes the tail once, backs off to 120 s and gives up after tcp_retries2', () => {
    const { bed, client, server } = twoHosts();
    TcpSocket.listen(server, 0 as never, 80);
    const cap = bed.capture(client, 'eth0');
    const c = connectOrThrow(client, { addr: ip('10.99.1.2'), port: 80 });
    bed.run(1000);
    // srtt ~0 and rttvar at its 200 ms floor: RTO = 200 ms rounded up to whole jiffies (ss -i: "rto:204").
    expect(c.tp.rtoUs).toBe(204_000);
    bed.dropWhen(devOf(server, 'eth0'), 'ingress', (f) => isTcp(f));
    let closed: { errno: Errno | undefined; atUs: number } | undefined;
    c.onClosed = (errno) => (closed = { errno, atUs: bed.nowUs });
    const t0 = bed.nowUs;
    c.send(new TextEncoder().encode('GET / HTTP/1.1\r\n\r\n'));
    bed.run(1000 * S);
    const sends = cap.filter((x) => x.dir === 'out' && isTcp(x.frame, 0, { withData: true })).map((x) => (x.timeUs - t0) / 1000);
    // The tail loss probe at one RTO, then the RTO itself, doubling up to TCP_RTO_MAX.
    expect(sends.slice(0, 8)).toEqual([0, 204, 408, 816, 1632, 3264, 6528, 13056]);
    expect(sends.slice(-2).map((ms) => ms - (sends.at(-3) ?? 0))).toEqual([120_000, 240_000]);
    expect(sends.length).toBe(17);
    // tcp_model_timeout(15, 200 ms) = 924.6 s after the first transmission, checked at the next RTO.
    expect(closed?.errno).toBe('ETIMEDOUT');
    expect(((closed?.atUs ?? 0) - t0) / S).toBeGreaterThanOrEqual(924.6);
    expect(((closed?.atUs ?? 0) - t0) / S).toBeLessThan(924.6 + 120);
  });
});
