import { describe, expect, it } from 'vitest';
import { bytesEqual } from '../../wire/index.js';
import type { Errno } from '../netlink-error.js';
import { TcpSocket } from './tcp-socket.js';
import { devOf, ip, isTcp, tcpdumpLines, twoHosts } from './tcp-testbed.js';

const S = 1_000_000;

function connected() {
  const env = twoHosts();
  const { bed, client, server } = env;
  const l = TcpSocket.listen(server, 0 as never, 80) as TcpSocket;
  let srv: TcpSocket | undefined;
  l.onAccept = (conn) => (srv = conn);
  const cap = bed.capture(client, 'eth0');
  const c = TcpSocket.connect(client, { addr: ip('10.99.1.2'), port: 80 }) as TcpSocket;
  bed.run(1000);
  if (!srv) throw new Error('not accepted');
  return { ...env, c, srv, cap };
}

describe('keepalive', () => {
  it('probes an idle connection at snd_una-1 and the peer answers each probe', () => {
    const { bed, c, cap } = connected();
    c.setKeepalive({ idleS: 60, intervalS: 10, probes: 3 });
    bed.run(200 * S);
    const lines = tcpdumpLines(cap.filter((x) => isTcp(x.frame))).slice(3);
    // Every 60 s of silence: our probe (seq 0 = snd_una - 1) and the peer's duplicate ACK.
    expect(lines.length).toBe(6);
    expect(lines[0]).toMatch(/^10\.99\.1\.1\.\d+ > 10\.99\.1\.2\.80: Flags \[\.\], seq 0, ack 1, win 502/);
    expect(lines[1]).toMatch(/^10\.99\.1\.2\.80 > 10\.99\.1\.1\.\d+: Flags \[\.\], seq 1, ack 1, win 510/);
    expect(cap.filter((x) => isTcp(x.frame) && x.dir === 'out').slice(2).map((x) => Math.round(x.timeUs / S))).toEqual([60, 120, 180]);
    expect(c.state).toBe('ESTABLISHED');
  });

  it('gives up with ETIMEDOUT (and a RST) after the probes go unanswered', () => {
    const { bed, server, c } = connected();
    bed.dropWhen(devOf(server, 'eth0'), 'ingress', (f) => isTcp(f));
    let closed: { errno: Errno | undefined; atS: number } | undefined;
    c.onClosed = (errno) => (closed = { errno, atS: Math.round(bed.nowUs / S) });
    c.setKeepalive({ idleS: 60, intervalS: 60, probes: 3 });
    bed.run(400 * S);
    expect(closed).toEqual({ errno: 'ETIMEDOUT', atS: 240 });
  });
});

describe('zero window', () => {
  it('stops at a closed window, probes it, and resumes when the application reads', () => {
    const { bed, c, srv, cap } = connected();
    const body = new Uint8Array(300_000).map((_, i) => i & 255);
    srv.send(body);
    bed.run(5 * S);
    // Nobody reads: the receive buffer fills and the window closes.
    expect(c.recvQ).toBeGreaterThan(60_000);
    expect(srv.sendQ).toBeGreaterThan(0);
    const probes = tcpdumpLines(cap.filter((x) => isTcp(x.frame) && x.dir === 'in')).filter((l) => / length 0$/.test(l));
    expect(probes.length).toBeGreaterThan(3);
    const got: Uint8Array[] = [];
    c.onData = (d) => got.push(d);
    bed.run(60 * S);
    const all = new Uint8Array(got.reduce((n, d) => n + d.length, 0));
    let off = 0;
    for (const d of got) {
      all.set(d, off);
      off += d.length;
    }
    expect(bytesEqual(all, body)).toBe(true);
  });
});
