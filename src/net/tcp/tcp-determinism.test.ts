import { describe, expect, it } from 'vitest';
import { bytesEqual } from '../../wire/index.js';
import { TcpSocket } from './tcp-socket.js';
import { ip, twoHosts, type Captured } from './tcp-testbed.js';

const enc = (s: string) => new TextEncoder().encode(s);

/** An HTTP exchange, then another connection after the first one's TIME_WAIT: every frame on the client's eth0. */
function scenario(seed: number): Captured[] {
  const { bed, client, server } = twoHosts(seed);
  const cap = bed.capture(client, 'eth0');
  const l = TcpSocket.listen(server, 0 as never, 80) as TcpSocket;
  l.onAccept = (conn) => {
    conn.onData = () => {
      conn.send(new Uint8Array(30_000).fill(7));
      conn.close();
    };
  };
  const once = () => {
    const c = TcpSocket.connect(client, { addr: ip('10.99.1.2'), port: 80 }) as TcpSocket;
    c.onConnected = () => c.send(enc('GET / HTTP/1.1\r\n\r\n'));
    c.onData = () => undefined;
    c.onPeerClosed = () => c.close();
  };
  once();
  bed.run(1_000_000);
  bed.ctx.scheduler.after(0, once);
  bed.run(70_000_000);
  return cap;
}

describe('determinism', () => {
  it('gives byte-identical frames for the same seed', () => {
    const a = scenario(7);
    const b = scenario(7);
    expect(a.length).toBe(b.length);
    expect(a.length).toBeGreaterThan(40);
    expect(a.every((x, i) => bytesEqual(x.frame, (b[i] as Captured).frame) && x.timeUs === b[i]?.timeUs)).toBe(true);
  });

  it('draws other ISNs, ports and timestamps from another seed', () => {
    const a = scenario(7);
    const b = scenario(8);
    const synA = a.find((x) => x.frame[47] === 0x02);
    const synB = b.find((x) => x.frame[47] === 0x02);
    expect(synA && synB && bytesEqual(synA.frame.subarray(34), synB.frame.subarray(34))).toBe(false);
  });
});
