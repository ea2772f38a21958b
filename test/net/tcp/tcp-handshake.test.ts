import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ipv4HeaderLen, parseTcp, TCP_SYN, type TcpOption } from '../../../src/wire/index.js';
import { L3_OFF } from '../../../src/net/frame.js';
import { TcpSocket } from '../../../src/net/tcp/tcp-socket.js';
import { captureLab, ip, normalizeTcpdump, tcpdumpLines, twoHosts, type Captured } from '../../../src/net/tcp/tcp-testbed.js';

const enc = (s: string) => new TextEncoder().encode(s);

/** The TCP frames of a capture (ARP and others left out). */
function tcpOnly(cap: readonly Captured[]): Captured[] {
  return cap.filter((c) => c.frame[12] === 0x08 && c.frame[13] === 0 && c.frame[L3_OFF + 9] === 6);
}

function tcpBytes(c: Captured): Uint8Array {
  return c.frame.subarray(L3_OFF + ipv4HeaderLen(c.frame, L3_OFF));
}

/** The real capture's first TCP connection (python client and server, test/fixtures/wire/capture.sh). */
function fixtureLines(port: number): string[] {
  const text = readFileSync(new URL('../../fixtures/wire/wire-lab-tcpdump.txt', import.meta.url), 'utf8');
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.includes('Flags [') && (l.includes(`.${port} >`) || l.includes(`.${port}:`)))
    .map((l) => l.replace(/, cksum 0x[0-9a-f]+ \(correct\)/, '').replace(/: HTTP.*$/, '').replace(/(length \d+) .*$/, '$1'));
}

describe('tcp handshake', () => {
  it('sends a SYN with Linux option bytes, window 64240 and wscale 7, and answers 65160', () => {
    const { bed, client, server } = twoHosts();
    const cap = bed.capture(client, 'eth0');
    const l = TcpSocket.listen(server, ip('10.99.1.2'), 80);
    expect(typeof l).not.toBe('string');
    const c = TcpSocket.connect(client, { addr: ip('10.99.1.2'), port: 80 });
    if (typeof c === 'string') throw new Error(c);
    bed.run(1000);
    expect(c.state).toBe('ESTABLISHED');
    const syn = tcpBytes(tcpOnly(cap)[0] as Captured);
    // mss 1460, sackOK, TS val X ecr 0, nop, wscale 7 (tcp_options_write order).
    expect([...syn.subarray(20, 28)]).toEqual([0x02, 0x04, 0x05, 0xb4, 0x04, 0x02, 0x08, 0x0a]);
    expect([...syn.subarray(32, 40)]).toEqual([0, 0, 0, 0, 0x01, 0x03, 0x03, 0x07]);
    const lines = tcpdumpLines(cap).map(normalizeTcpdump);
    expect(lines).toEqual([
      '10.99.1.1.<port> > 10.99.1.2.80: Flags [S], seq <isn>, win 64240, options [mss 1460,sackOK,TS val <ts> ecr 0,nop,wscale 7], length 0',
      '10.99.1.2.80 > 10.99.1.1.<port>: Flags [S.], seq <isn>, ack <isn+1>, win 65160, options [mss 1460,sackOK,TS val <ts> ecr <ts>,nop,wscale 7], length 0',
      '10.99.1.1.<port> > 10.99.1.2.80: Flags [.], seq 1, ack 1, win 502, options [nop,nop,TS val <ts> ecr <ts>], length 0',
    ]);
  });

  it('echoes the SYN timestamp and uses IP id 0 with DF on the SYN-ACK', () => {
    const { bed, client, server } = twoHosts();
    const cap = bed.capture(client, 'eth0');
    TcpSocket.listen(server, 0 as never, 80);
    TcpSocket.connect(client, { addr: ip('10.99.1.2'), port: 80 });
    bed.run(1000);
    const [syn, synack] = tcpOnly(cap).map((c) => parseTcp(tcpBytes(c)));
    if (!syn?.ok || !synack?.ok) throw new Error('parse');
    const ts = (o: readonly TcpOption[]) => {
      const t = o.find((x) => x.kind === 'timestamps');
      if (t?.kind !== 'timestamps') throw new Error('no timestamps');
      return t;
    };
    expect(ts(synack.value.header.options).tsecr).toBe(ts(syn.value.header.options).tsval);
    expect(synack.value.header.flags & TCP_SYN).toBeTruthy();
    const f = (tcpOnly(cap)[1] as Captured).frame;
    expect(f[L3_OFF + 4]).toBe(0);
    expect(f[L3_OFF + 5]).toBe(0);
    expect((f[L3_OFF + 6] ?? 0) & 0x40).toBe(0x40);
  });

  it('uses the loopback MTU for a connection to itself (mss 65495, win 65495/65483, then 512)', () => {
    const { bed, client } = twoHosts();
    const cap = bed.capture(client, 'lo');
    TcpSocket.listen(client, 0 as never, 8080);
    TcpSocket.connect(client, { addr: ip('127.0.0.1'), port: 8080 });
    bed.run(1000);
    const lines = tcpdumpLines(cap.filter((c) => c.dir === 'out')).map(normalizeTcpdump);
    expect(lines[0]).toContain('win 65495, options [mss 65495,');
    expect(lines[1]).toContain('win 65483, options [mss 65495,');
    expect(lines[2]).toContain('win 512,');
  });
});

describe('tcp exchange compared with the real kernel capture', () => {
  it('reproduces the python HTTP/1.0 exchange of wire-lab.pcap segment for segment', () => {
    const { bed, client, server } = captureLab();
    // The capture host: tcp_rmem[2] large enough for wscale 10; the client had learned PMTU 1280.
    for (const n of [client, server]) n.sysctl.set('net.ipv4.tcp_rmem', '4096 131072 33554432');
    client.routeAdd({ dst: { addr: ip('10.99.2.0'), prefixLen: 24 }, gateway: ip('10.99.1.254'), mtu: 1280 });
    const cap = bed.capture(client, 'eth0');
    const l = TcpSocket.listen(server, ip('10.99.2.1'), 8080, 1);
    if (typeof l === 'string') throw new Error(l);
    l.onAccept = (conn) => {
      conn.onData = () => {
        conn.send(enc('HTTP/1.0 200 OK\r\n\r\nhello\n'));
        bed.ctx.scheduler.after(40, () => conn.close());
      };
    };
    const c = TcpSocket.connect(client, { addr: ip('10.99.2.1'), port: 8080 });
    if (typeof c === 'string') throw new Error(c);
    const got: string[] = [];
    c.onConnected = () => c.send(enc('GET / HTTP/1.0\r\n\r\n'));
    c.onData = (d) => got.push(new TextDecoder().decode(d));
    c.onPeerClosed = () => c.close();
    bed.run(1_000_000);
    expect(got.join('')).toBe('HTTP/1.0 200 OK\r\n\r\nhello\n');
    const want = fixtureLines(8080).map(normalizeTcpdump);
    const have = tcpdumpLines(cap).map(normalizeTcpdump);
    expect(have).toEqual(want);
  });
});
