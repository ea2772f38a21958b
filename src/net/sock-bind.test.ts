import { describe, expect, it } from 'vitest';
import type { Ipv4Addr } from '../addr/index.js';
import { jhash1Word } from './jhash.js';
import { lookupBound } from './sock-bind.js';
import { TcpSocket } from './tcp/tcp-socket.js';
import { devOf, ip, twoHosts } from './tcp/tcp-testbed.js';
import { UdpSocket } from './udp-socket.js';

const ANY = 0 as Ipv4Addr;

describe('socket binding (inet_bind_conflict, compute_score)', () => {
  it('an AF_INET6 wildcard takes IPv4 unless IPV6_V6ONLY, and its accepted child stays AF_INET6 (v4-mapped)', () => {
    const { bed, client, server } = twoHosts();
    const v6only = TcpSocket.listen(server, ANY, 22, 4096, { family: 'inet6', isV6Only: true });
    const v4 = TcpSocket.listen(server, ANY, 22);
    const dual = TcpSocket.listen(server, ANY, 6443, 4096, { family: 'inet6' });
    if (typeof v6only === 'string' || typeof v4 === 'string' || typeof dual === 'string') throw new Error('listen');
    expect(TcpSocket.listen(server, ANY, 6443)).toBe('EADDRINUSE');
    expect(TcpSocket.listen(server, ip('10.99.1.2'), 6443)).toBe('EADDRINUSE');
    TcpSocket.connect(client, { addr: ip('10.99.1.2'), port: 22 });
    TcpSocket.connect(client, { addr: ip('10.99.1.2'), port: 6443 });
    bed.run(10_000);
    expect([v6only.acceptQueue.length, v4.acceptQueue.length, dual.acceptQueue.length]).toEqual([0, 1, 1]);
    expect(dual.acceptQueue[0]?.binding.family).toBe('inet6');
  });

  it('compute_score: the bound address before the wildcard, the device-bound and AF_INET sockets first', () => {
    const sock = (addr: string, family: 'inet' | 'inet6', boundIfindex = 0) => ({ localAddr: addr === '*' ? ANY : ip(addr), binding: { family, isV6Only: false, boundIfindex, isReuseport: false } });
    const [dual, v4, exact, onLo] = [sock('*', 'inet6'), sock('*', 'inet'), sock('10.0.0.1', 'inet6'), sock('10.0.0.1', 'inet', 1)];
    expect(lookupBound([dual, v4], ip('10.0.0.1'), 2)).toBe(v4);
    expect(lookupBound([dual, v4, exact], ip('10.0.0.1'), 2)).toBe(exact);
    expect(lookupBound([exact, onLo], ip('10.0.0.1'), 1)).toBe(onLo);
    expect(lookupBound([onLo, dual], ip('10.0.0.1'), 2)).toBe(dual);
  });

  it('a wildcard and an address clash on one port (resolved vs a dnsmasq on 0.0.0.0:53); SO_REUSEPORT shares one; SO_BINDTODEVICE narrows the lookup', () => {
    const { server } = twoHosts();
    const eth0 = devOf(server, 'eth0').ifindex;
    const u = new UdpSocket(server);
    expect(u.bind(ip('127.0.0.53'), 53, { boundIfindex: 1 })).toBeUndefined();
    expect(new UdpSocket(server).bind(ANY, 53)).toBe('EADDRINUSE');
    expect(new UdpSocket(server).bind(ip('127.0.0.54'), 53)).toBeUndefined();
    expect(server.sockets.udpLookup(ip('127.0.0.53'), 53, 1)).toBe(u);
    expect(server.sockets.udpLookup(ip('127.0.0.53'), 53, eth0)).toBeUndefined();
    expect(typeof TcpSocket.listen(server, ip('127.0.0.1'), 9878, 4096, { isReuseport: true })).not.toBe('string');
    expect(typeof TcpSocket.listen(server, ip('127.0.0.1'), 9878, 4096, { isReuseport: true })).not.toBe('string');
    expect(TcpSocket.listen(server, ip('127.0.0.1'), 9878)).toBe('EADDRINUSE');
  });

  it('bind() to port 0 takes an odd port, from the lower half of ip_local_port_range with SO_REUSEADDR', () => {
    const { server } = twoHosts();
    for (let i = 0; i < 50; i++) {
      const l = TcpSocket.listen(server, ip('127.0.0.1'), 0, 4096, { isReuseaddr: true });
      if (typeof l === 'string') throw new Error(l);
      expect(l.localPort % 2).toBe(1);
      expect(l.localPort).toBeGreaterThanOrEqual(32768);
      expect(l.localPort).toBeLessThan(32768 + (((61000 - 32768) >> 2) << 1));
    }
  });

  it('jhash_1word as include/linux/jhash.h computes it (values from the header compiled with gcc)', () => {
    expect(jhash1Word(0, 0)).toBe(76781240);
    expect(jhash1Word(0x0100007f, 12345)).toBe(1007800795);
    expect(jhash1Word(0x6464a8c0, 0xfffffff0)).toBe(611018277);
  });
});
