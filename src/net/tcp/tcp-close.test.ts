import { describe, expect, it } from 'vitest';
import { TCP_FIN, TCP_RST, TCP_SYN } from '../../wire/index.js';
import { connKey } from '../socket-table.js';
import { TcpSocket } from './tcp-socket.js';
import { devOf, ip, isTcp, tcpdumpLines, twoHosts } from './tcp-testbed.js';

const enc = (s: string) => new TextEncoder().encode(s);
const S = 1_000_000;

/** A connected pair on 10.99.1.1 -> 10.99.1.2:80 (server child accepted), after the handshake. */
function connected() {
  const env = twoHosts();
  const { bed, client, server } = env;
  const l = TcpSocket.listen(server, 0 as never, 80);
  if (typeof l === 'string') throw new Error(l);
  let srv: TcpSocket | undefined;
  l.onAccept = (conn) => (srv = conn);
  // The capture includes the handshake so that tcpdump's relative numbers start at the SYNs.
  const cap = bed.capture(client, 'eth0');
  const c = TcpSocket.connect(client, { addr: ip('10.99.1.2'), port: 80 });
  if (typeof c === 'string') throw new Error(c);
  bed.run(1000);
  if (!srv) throw new Error('not accepted');
  return { ...env, l, c, srv, cap };
}

const flagsSeqAck = (l: string) => l.match(/(\d+\.\d+\.\d+\.\d+)\.\d+ > .*Flags \[([^\]]*)\], seq ([\d:]+)(?:, ack (\d+))?/)?.slice(1).join(' ');

describe('orderly close', () => {
  it('client closes first: FIN, FIN+ACK, ACK; the client waits 60 s in TIME_WAIT, then the port is free', () => {
    const { bed, client, c, srv, cap } = connected();
    srv.onPeerClosed = () => srv.close();
    c.close();
    bed.run(1000);
    const t = tcpdumpLines(cap.filter((x) => isTcp(x.frame))).slice(3).map(flagsSeqAck);
    expect(t).toEqual(['10.99.1.1 F. 1 1', '10.99.1.2 F. 1 2', '10.99.1.1 . 2 2']);
    expect(c.state).toBe('TIME_WAIT');
    expect(srv.state).toBe('CLOSED');
    const key = connKey(ip('10.99.1.1'), c.localPort, ip('10.99.1.2'), 80);
    expect(client.sockets.tcpConns.get(key)).toBe(c);
    expect(client.sockets.portInUse('tcp', c.localPort)).toBe(true);
    bed.run(60 * S - 2000);
    expect(client.sockets.tcpConns.has(key)).toBe(true);
    bed.run(2000);
    expect(client.sockets.tcpConns.has(key)).toBe(false);
    expect(client.sockets.portInUse('tcp', c.localPort)).toBe(false);
  });

  it('answers a retransmitted FIN in TIME_WAIT with an ACK from the control socket (IP id 0)', () => {
    const { bed, server, c, srv, cap } = connected();
    srv.onPeerClosed = () => srv.close();
    // The client's last ACK is lost: the server resends its FIN after the RTO.
    let dropped = false;
    bed.dropWhen(devOf(server, 'eth0'), 'ingress', (f) => {
      if (dropped || !isTcp(f) || bed.nowUs < 1000) return false;
      const isPureAck = f.length === 14 + 20 + 32 && !isTcp(f, TCP_FIN | TCP_SYN | TCP_RST);
      if (isPureAck) dropped = true;
      return isPureAck;
    });
    c.close();
    bed.run(2 * S);
    expect(srv.state).toBe('CLOSED');
    const t = tcpdumpLines(cap.filter((x) => isTcp(x.frame)), { withIpId: true });
    expect(t.at(-2)).toMatch(/10\.99\.1\.2\.80 > .* Flags \[F\.\], seq 1, ack 2/);
    expect(t.at(-1)).toMatch(/^id 0 10\.99\.1\.1\.\d+ > .* Flags \[\.\], seq 2, ack 2, win 502, options \[nop,nop,TS/);
  });

  it('server closes first with data: the client sees the data, EOF, and CLOSE_WAIT shows Recv-Q 1 until read', () => {
    const { bed, c, srv } = connected();
    srv.send(enc('bye'));
    srv.close();
    bed.run(1000);
    expect(c.state).toBe('CLOSE_WAIT');
    expect(c.recvQ).toBe(4);
    const got: string[] = [];
    c.onData = (d) => got.push(new TextDecoder().decode(d));
    expect(c.recvQ).toBe(1);
    let eof = false;
    c.onPeerClosed = () => (eof = true);
    expect(eof).toBe(true);
    expect(c.recvQ).toBe(0);
    expect(got).toEqual(['bye']);
    // The client's ACK of data+FIN is delayed (CLOSE_WAIT enters ping-pong mode): 40 ms.
    expect(srv.state).toBe('FIN_WAIT1');
    bed.run(40_000);
    expect(srv.state).toBe('FIN_WAIT2');
    c.close();
    bed.run(1000);
    expect(c.state).toBe('CLOSED');
    expect(srv.state).toBe('TIME_WAIT');
  });

  it('an orphan in FIN_WAIT2 is freed after tcp_fin_timeout when the peer never closes', () => {
    const { bed, server, srv } = connected();
    srv.close();
    bed.run(1000);
    expect(srv.state).toBe('FIN_WAIT2');
    bed.run(59 * S);
    expect(server.sockets.tcpConns.size).toBe(1);
    bed.run(1 * S);
    expect(server.sockets.tcpConns.size).toBe(0);
  });

  it('simultaneous close goes through CLOSING to TIME_WAIT on both sides', () => {
    const { bed, c, srv } = connected();
    const states: string[] = [];
    c.close();
    srv.close();
    states.push(c.state, srv.state);
    bed.run(1000);
    states.push(c.state, srv.state);
    expect(states).toEqual(['FIN_WAIT1', 'FIN_WAIT1', 'TIME_WAIT', 'TIME_WAIT']);
  });

  it('half-close (shutdown) keeps receiving after our FIN', () => {
    const { bed, c, srv } = connected();
    const got: string[] = [];
    c.onData = (d) => got.push(new TextDecoder().decode(d));
    let closedWith: string | undefined = 'never';
    c.onClosed = (e) => (closedWith = e);
    srv.onPeerClosed = () => {
      srv.send(enc('still here'));
      srv.close();
    };
    c.shutdown();
    bed.run(1000);
    expect(got).toEqual(['still here']);
    expect(c.state).toBe('TIME_WAIT');
    expect(closedWith).toBeUndefined();
  });

  it('resets data that arrives after close() (RFC 1122), and the peer gets ECONNRESET', () => {
    const { bed, c, srv } = connected();
    let err: string | undefined;
    srv.onClosed = (e) => (err = e);
    c.close();
    bed.run(1000);
    expect(c.state).toBe('FIN_WAIT2');
    srv.send(enc('late data'));
    bed.run(1000);
    expect(err).toBe('ECONNRESET');
    expect(c.state).toBe('CLOSED');
  });
});

describe('listeners and ss', () => {
  it('reports Recv-Q/Send-Q as ss does for LISTEN, SYN-SENT and ESTAB', () => {
    const { bed, l, c, srv } = connected();
    expect([l.state, l.recvQ, l.sendQ]).toEqual(['LISTEN', 0, 4096]);
    c.send(enc('12345'));
    expect([c.state, c.sendQ]).toEqual(['ESTABLISHED', 5]);
    bed.run(1000);
    expect(c.sendQ).toBe(0);
    expect(srv.recvQ).toBe(5);
  });

  it('queues connections the application has not accepted; on overflow the final ACK is dropped until there is room', () => {
    const { bed, client, server } = twoHosts();
    const l = TcpSocket.listen(server, 0 as never, 80, 1);
    if (typeof l === 'string') throw new Error(l);
    const socks = [0, 1, 2].map(() => TcpSocket.connect(client, { addr: ip('10.99.1.2'), port: 80 }) as TcpSocket);
    bed.run(1000);
    // sk_acceptq_is_full is "more than the backlog": two fit; the third client believes it is connected.
    expect(l.recvQ).toBe(2);
    expect(socks.map((s) => s.state)).toEqual(['ESTABLISHED', 'ESTABLISHED', 'ESTABLISHED']);
    expect([...server.sockets.tcpConns.values()].map((s) => s.state).sort()).toEqual(['ESTABLISHED', 'ESTABLISHED', 'SYN_RECV']);
    const accepted: TcpSocket[] = [];
    l.onAccept = (s) => accepted.push(s);
    expect(accepted.length).toBe(2);
    // The SYN-ACK is resent after 1 s; the client's ACK to it completes the handshake now.
    bed.run(1.5 * 1_000_000);
    expect(accepted.length).toBe(3);
    expect(l.recvQ).toBe(0);
  });

  it('refuses a second listener on the same port and frees it on close', () => {
    const { server } = twoHosts();
    const l = TcpSocket.listen(server, 0 as never, 80) as TcpSocket;
    expect(TcpSocket.listen(server, ip('10.99.1.2'), 80)).toBe('EADDRINUSE');
    expect(TcpSocket.listen(server, ip('10.1.1.1'), 81)).toBe('EADDRNOTAVAIL');
    l.close();
    expect(typeof TcpSocket.listen(server, ip('10.99.1.2'), 80)).toBe('object');
  });

  it('answers SYNs with RST once the listener is closed', () => {
    const { bed, client, server } = twoHosts();
    const l = TcpSocket.listen(server, 0 as never, 80) as TcpSocket;
    l.close();
    const c = TcpSocket.connect(client, { addr: ip('10.99.1.2'), port: 80 }) as TcpSocket;
    let err: string | undefined;
    c.onClosed = (e) => (err = e);
    bed.run(1000);
    expect(err).toBe('ECONNREFUSED');
  });
});

describe('ss -tan', () => {
  it('lists listeners first, then connections with their state, queues and timers', async () => {
    const { tcpDiag } = await import('./tcp-diag.js');
    const { bed, client, server, c, srv } = connected();
    srv.send(enc('x'));
    srv.close();
    bed.run(1000);
    const rows = (ns: typeof server) => tcpDiag(ns).map((d) => [d.state, d.recvQ, d.sendQ, d.localPort === 80 || d.peerPort === 80, d.timer?.kind]);
    expect(rows(server)).toEqual([
      ['LISTEN', 0, 4096, true, undefined],
      // 'x' went out and was quick-ACKed; the FIN followed alone and its ACK is delayed.
      ['FIN-WAIT-1', 0, 1, true, 'on'],
    ]);
    expect(rows(client)).toEqual([['CLOSE-WAIT', 2, 0, true, undefined]]);
    // Read the data first: close() with unread data would send a RST instead of a FIN.
    c.onData = () => undefined;
    c.close();
    bed.run(1000);
    expect(rows(server)).toEqual([
      ['LISTEN', 0, 4096, true, undefined],
      ['TIME-WAIT', 0, 0, true, 'timewait'],
    ]);
  });
});

describe('shutdown then close', () => {
  it('an application that half-closed and then closes leaves an orphan FIN_WAIT2 that times out', () => {
    const { bed, server, srv } = connected();
    srv.shutdown();
    bed.run(1000);
    expect(srv.state).toBe('FIN_WAIT2');
    srv.close();
    bed.run(60 * S + 1000);
    expect(server.sockets.tcpConns.size).toBe(0);
  });
});
