import { describe, expect, it } from 'vitest';
import { TCP_FIN, TCP_PSH, bytesEqual } from '../../wire/index.js';
import { TcpSocket } from './tcp-socket.js';
import { devOf, ip, isTcp, tcpdumpLines, twoHosts, type Captured } from './tcp-testbed.js';

const enc = (s: string) => new TextEncoder().encode(s);
const MS = 1000;

function pattern(n: number): Uint8Array {
  return new Uint8Array(n).map((_, i) => (i * 7) & 255);
}

/** A server on 10.99.1.2:80 that answers each request with `reply(request)`, and a connected client. */
function serve(reply: (req: string) => Uint8Array | undefined, o: { delayUs?: (n: number) => number; closeAfter?: boolean } = {}) {
  const env = twoHosts();
  const { bed, client, server } = env;
  const l = TcpSocket.listen(server, 0 as never, 80);
  if (typeof l === 'string') throw new Error(l);
  let requests = 0;
  l.onAccept = (conn) => {
    conn.noDelay = true;
    conn.onData = (d) => {
      const delayUs = o.delayUs?.(requests++) ?? 0;
      const answer = reply(new TextDecoder().decode(d));
      const go = () => {
        if (answer) conn.send(answer);
        if (o.closeAfter) conn.close();
      };
      if (delayUs) bed.ctx.scheduler.after(delayUs, go);
      else go();
    };
    conn.onPeerClosed = () => conn.close();
  };
  const c = TcpSocket.connect(client, { addr: ip('10.99.1.2'), port: 80 });
  if (typeof c === 'string') throw new Error(c);
  c.noDelay = true;
  const received: Uint8Array[] = [];
  c.onData = (d) => received.push(d);
  const total = () => received.reduce((n, d) => n + d.length, 0);
  const bytes = () => {
    const out = new Uint8Array(total());
    let off = 0;
    for (const d of received) {
      out.set(d, off);
      off += d.length;
    }
    return out;
  };
  return { ...env, c, bytes, total };
}

function dataSegments(cap: readonly Captured[], from: string): string[] {
  return tcpdumpLines(cap.filter((x) => isTcp(x.frame))).filter((l) => l.startsWith(from) && !l.endsWith('length 0'));
}

function lines(cap: readonly Captured[]): string[] {
  return tcpdumpLines(cap.filter((x) => isTcp(x.frame))).map((l) => l.replace(/, options \[nop,nop,TS val \d+ ecr \d+(,?)/, (_m, more: string) => (more ? ', options [' : '')).replace(/ > /, '>'));
}

describe('data transfer', () => {
  it('cuts data larger than the MSS into 1448-byte segments, 10 in the first flight, PSH on the last', () => {
    const body = pattern(40_000);
    const { bed, client, c, bytes } = serve(() => body, { closeAfter: true });
    const cap = bed.capture(client, 'eth0');
    c.onConnected = () => c.send(enc('GET /big HTTP/1.1\r\n\r\n'));
    bed.run(100 * MS);
    expect(bytesEqual(bytes(), body)).toBe(true);
    const segs = dataSegments(cap, '10.99.1.2.80');
    const lens = segs.map((l) => Number(l.match(/length (\d+)/)?.[1]));
    expect(lens.slice(0, -1).every((n) => n === 1448)).toBe(true);
    expect(lens.reduce((a, b) => a + b, 0)).toBe(40_000);
    expect(segs.at(-1)).toMatch(/Flags \[FP\.\]/);
    expect(segs.slice(0, -1).every((l) => l.includes('Flags [.]'))).toBe(true);
    // The initial window: ten segments leave before the first ACK of data comes back.
    const all = lines(cap);
    const firstAck = all.findIndex((l) => l.startsWith('10.99.1.1') && /ack 1449/.test(l));
    expect(all.slice(0, firstAck).filter((l) => l.startsWith('10.99.1.2.80') && !l.endsWith('length 0')).length).toBe(10);
  });

  it('delivers in order across a lost segment, with SACK blocks and a fast retransmit', () => {
    const body = pattern(20_000);
    const { bed, client, c, bytes } = serve(() => body);
    let n = 0;
    bed.dropWhen(devOf(client, 'eth0'), 'ingress', (f) => isTcp(f, 0, { withData: true }) && ++n === 3);
    const cap = bed.capture(client, 'eth0');
    c.onConnected = () => c.send(enc('GET / HTTP/1.1\r\n\r\n'));
    bed.run(50 * MS);
    expect(bytesEqual(bytes(), body)).toBe(true);
    const l = lines(cap);
    expect(l).toContain('10.99.1.1.' + c.localPort + '>10.99.1.2.80: Flags [.], seq 19, ack 2897, win 496, options [nop,nop,sack 1 {4345:5793}], length 0');
    // The hole is resent at once (fast retransmit), long before any RTO.
    const rexmit = cap.filter((x) => x.dir === 'in' && isTcp(x.frame, 0, { withData: true }));
    const resent = tcpdumpLines(cap.filter((x) => isTcp(x.frame))).filter((x) => x.includes('seq 2897:4345'));
    expect(resent.length).toBe(2);
    expect(rexmit.every((x) => x.timeUs < 1 * MS)).toBe(true);
  });

  it('acknowledges each segment at first (quick ACKs), then only every second full segment', () => {
    const body = pattern(200_000);
    const { bed, client, c, bytes } = serve(() => body);
    const cap = bed.capture(client, 'eth0');
    c.onConnected = () => c.send(enc('GET / HTTP/1.1\r\n\r\n'));
    bed.run(200 * MS);
    expect(bytesEqual(bytes(), body)).toBe(true);
    const acks = tcpdumpLines(cap.filter((x) => isTcp(x.frame)))
      .filter((l) => l.startsWith('10.99.1.1') && l.endsWith('length 0'))
      .map((l) => Number(l.match(/ack (\d+)/)?.[1]));
    // The first sixteen ACKs (TCP_MAX_QUICKACKS) each acknowledge one more segment.
    const firstAck = acks.findIndex((a) => a === 1449);
    expect(acks.slice(firstAck, firstAck + 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => 1 + 1448 * k));
    expect(acks.length).toBeLessThan(200_000 / 1448);
  });

  it('lowers the MSS when "fragmentation needed" arrives and resends in smaller segments', () => {
    const body = pattern(10_000);
    const { bed, client, server, c, bytes } = serve(() => body);
    let conn: TcpSocket | undefined;
    let isBlocking = true;
    const cap = bed.capture(client, 'eth0');
    c.onConnected = () => c.send(enc('GET / HTTP/1.1\r\n\r\n'));
    bed.run(MS);
    conn = [...server.sockets.tcpConns.values()][0];
    // A path that drops anything bigger than 1280 bytes, and says so.
    bed.dropWhen(devOf(client, 'eth0'), 'ingress', (f) => isBlocking && f.length > 14 + 1280);
    c.send(enc('GET /again HTTP/1.1\r\n\r\n'));
    bed.run(MS);
    expect(conn?.tp.rtxQueue.length).toBeGreaterThan(0);
    isBlocking = false;
    conn?.icmpError('EMSGSIZE', 3, 4, 1280);
    bed.run(10 * MS);
    expect(bytes().length).toBe(20_000);
    const resent = dataSegments(cap, '10.99.1.2.80').slice(-9).map((l) => Number(l.match(/length (\d+)/)?.[1]));
    expect(Math.max(...resent)).toBe(1228);
  });

  it('holds back a small segment while another is unacknowledged (Nagle) unless TCP_NODELAY', () => {
    const run = (noDelay: boolean) => {
      const { bed, client, server } = twoHosts();
      const l = TcpSocket.listen(server, 0 as never, 80) as TcpSocket;
      l.onAccept = (conn) => (conn.onData = () => undefined);
      bed.dropWhen(devOf(server, 'eth0'), 'ingress', (f) => isTcp(f, TCP_PSH) && bed.nowUs < 50 * MS);
      const c = TcpSocket.connect(client, { addr: ip('10.99.1.2'), port: 80 }) as TcpSocket;
      c.noDelay = noDelay;
      const cap = bed.capture(client, 'eth0');
      c.onConnected = () => {
        c.send(enc('a'));
        c.send(enc('b'));
      };
      bed.run(10 * MS);
      return dataSegments(cap, '10.99.1.1').length;
    };
    expect(run(false)).toBe(1);
    expect(run(true)).toBe(2);
  });
});

describe('delayed ACKs', () => {
  function twoRequests(secondDelayUs: number) {
    const { bed, client, c } = serve((req) => enc(`reply to ${req.length}`), { delayUs: (n) => (n === 1 ? secondDelayUs : 0) });
    const cap = bed.capture(client, 'eth0');
    c.onConnected = () => c.send(enc('GET /1 HTTP/1.1\r\n\r\n'));
    bed.run(500 * MS);
    c.send(enc('GET /2 HTTP/1.1\r\n\r\n'));
    bed.run(500 * MS);
    return { cap, bed };
  }

  it('piggybacks the ACK of a request on a prompt response once the connection is request/response', () => {
    const { cap } = twoRequests(0);
    const fromServer = tcpdumpLines(cap.filter((x) => isTcp(x.frame))).filter((l) => l.startsWith('10.99.1.2'));
    // First request: a quick ACK then the response; second: the response alone carries the ACK.
    expect(fromServer.slice(1).map((l) => l.match(/Flags \[([^\]]*)\], seq ([\d:]+), ack (\d+)/)?.slice(1).join(' '))).toEqual(['. 1 20', 'P. 1:12 20', 'P. 12:23 39']);
  });

  it('sends the delayed ACK after 40 ms when the response takes longer', () => {
    const { cap } = twoRequests(100 * MS);
    const fromServer = cap.filter((x) => isTcp(x.frame) && x.dir === 'in');
    const t2 = (cap.filter((x) => isTcp(x.frame, TCP_PSH) && x.dir === 'out')[1]?.timeUs ?? 0);
    const pureAck = fromServer.find((x) => x.timeUs > t2 && !isTcp(x.frame, TCP_PSH | TCP_FIN));
    expect((pureAck?.timeUs ?? 0) - t2).toBe(40 * MS);
  });
});
