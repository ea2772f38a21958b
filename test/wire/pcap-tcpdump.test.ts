// Interop: frames built only with src/wire's emitters, written with PcapWriter, read back by the real
// tcpdump (4.99 as in test/golden/kernel). Skipped, with the reason in its name, where tcpdump is absent.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAC_ZERO, parseIpv4, parseMac, type Ipv4Addr, type MacAddr } from '../../src/addr/index.js';
import { ARPHRD_ETHER, ARPOP_REQUEST, arp, emitArp } from '../../src/wire/arp.js';
import { emitDns } from '../../src/wire/dns.js';
import { ETH_P_ARP, ETH_P_IP, emitEthernet } from '../../src/wire/ethernet.js';
import { GENEVE_PORT, emitGeneve, geneveEthernet } from '../../src/wire/geneve.js';
import { ICMP_EXC_TTL, ICMP_TIME_EXCEEDED, emitIcmp, emitIcmpError, icmpEcho } from '../../src/wire/icmp.js';
import { IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP, emitIpv4 } from '../../src/wire/ipv4.js';
import { LINKTYPE_ETHERNET, LINKTYPE_LINUX_SLL2 } from '../../src/wire/pcap-file.js';
import { writePcap } from '../../src/wire/pcap-writer.js';
import { PACKET_HOST, PACKET_OUTGOING, emitSll2 } from '../../src/wire/sll2.js';
import { TCP_SYN, emitTcp } from '../../src/wire/tcp.js';
import { linuxSynOptions } from '../../src/wire/tcp-options.js';
import { emitUdp } from '../../src/wire/udp.js';
import { VXLAN_PORT_LINUX, emitVxlan } from '../../src/wire/vxlan.js';

function findTcpdump(): string | undefined {
  for (const p of ['/usr/bin/tcpdump', '/usr/sbin/tcpdump', '/usr/local/bin/tcpdump', '/usr/local/sbin/tcpdump']) {
    try {
      execFileSync(p, ['--version'], { stdio: 'pipe' });
      return p;
    } catch {
      // not there; try the next
    }
  }
  return undefined;
}

const TCPDUMP = findTcpdump();

function a(s: string): Ipv4Addr {
  return parseIpv4(s) ?? (0 as Ipv4Addr);
}

function m(s: string): MacAddr {
  return parseMac(s) ?? MAC_ZERO;
}

function ip(src: string, dst: string, protocol: number, payload: Uint8Array): Uint8Array {
  return emitIpv4({ tos: 0, id: 1, df: true, mf: false, fragOffset: 0, ttl: 64, protocol, src: a(src), dst: a(dst) }, payload);
}

function eth(ethertype: number, payload: Uint8Array): Uint8Array {
  return emitEthernet({ dst: m('02:6f:ef:da:8b:3f'), src: m('06:0a:3d:56:ac:5d'), ethertype }, payload);
}

function labFrames(): { echo: Uint8Array; vxlan: Uint8Array; en10mb: Uint8Array[] } {
  const echo = ip('172.20.0.217', '172.20.1.224', IPPROTO_ICMP, emitIcmp(icmpEcho('request', 6976, 1), new Uint8Array(56).map((_, i) => i)));
  const inner = emitEthernet({ dst: m('16:9c:cc:23:b7:fb'), src: m('06:0a:3d:56:ac:5d'), ethertype: ETH_P_IP }, echo);
  const outer = { src: a('192.168.10.100'), dst: a('192.168.20.100') };
  const vxlan = ip('192.168.10.100', '192.168.20.100', IPPROTO_UDP, emitUdp({ srcPort: 41109, dstPort: VXLAN_PORT_LINUX, checksum: 0 }, emitVxlan({ vni: 58696 }, inner), outer));
  const geneve = ip('192.168.10.100', '192.168.20.100', IPPROTO_UDP, emitUdp({ srcPort: 41109, dstPort: GENEVE_PORT }, emitGeneve(geneveEthernet(12564), inner), outer));
  const name = 'kube-dns.kube-system.svc.cluster.local.';
  const base = { id: 4660, opcode: 0, tc: false, rd: true, ad: false, cd: false, rcode: 0, questions: [{ name, type: 1, class: 1 }], authorities: [], additionals: [] };
  const query = emitDns({ ...base, qr: false, aa: false, ra: false, answers: [] });
  const reply = emitDns({ ...base, qr: true, aa: true, ra: true, answers: [{ name, type: 1, class: 1, ttl: 30, data: { kind: 'a', address: a('10.96.0.10') } }] });
  const pod = a('172.20.0.217');
  const dns = a('10.96.0.10');
  const q = ip('172.20.0.217', '10.96.0.10', IPPROTO_UDP, emitUdp({ srcPort: 40000, dstPort: 53 }, query, { src: pod, dst: dns }));
  const r = ip('10.96.0.10', '172.20.0.217', IPPROTO_UDP, emitUdp({ srcPort: 53, dstPort: 40000 }, reply, { src: dns, dst: pod }));
  const synHeader = { srcPort: 48266, dstPort: 80, seq: 1835329234, ack: 0, flags: TCP_SYN, window: 64240, urgentPointer: 0, options: linuxSynOptions(1460, 2662020805, 0, 7) };
  const syn = ip('172.20.0.217', '172.20.1.224', IPPROTO_TCP, emitTcp(synHeader, new Uint8Array(0), { src: pod, dst: a('172.20.1.224') }));
  const who = emitArp(arp({ op: ARPOP_REQUEST, sha: m('06:0a:3d:56:ac:5d'), spa: a('192.168.10.100'), tha: MAC_ZERO, tpa: a('192.168.10.200') }));
  const expired = ip('192.168.10.200', '172.20.0.217', IPPROTO_ICMP, emitIcmpError(ICMP_TIME_EXCEEDED, ICMP_EXC_TTL, echo));
  return { echo, vxlan, en10mb: [eth(ETH_P_ARP, who), eth(ETH_P_IP, echo), eth(ETH_P_IP, vxlan), eth(ETH_P_IP, geneve), eth(ETH_P_IP, q), eth(ETH_P_IP, r), eth(ETH_P_IP, syn), eth(ETH_P_IP, expired)] };
}

function tcpdump(file: string, ...flags: string[]): string[] {
  const out = execFileSync(TCPDUMP ?? 'tcpdump', ['-nn', ...flags, '-r', file], { env: { ...process.env, TZ: 'UTC' }, stdio: ['ignore', 'pipe', 'pipe'] });
  return out.toString().trimEnd().split('\n');
}

describe.skipIf(TCPDUMP === undefined)(`tcpdump reads PcapWriter output${TCPDUMP ? '' : ' (skipped: no tcpdump binary on this machine)'}`, () => {
  it('decodes EN10MB frames built by emit* exactly as it decodes the kernel\'s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ciliumlab-wire-'));
    try {
      const file = join(dir, 'en10mb.pcap');
      writeFileSync(file, writePcap({ linktype: LINKTYPE_ETHERNET }, labFrames().en10mb.map((data, i) => ({ tsSec: 1795663000 + i, tsUsec: 123456, data }))));
      expect(tcpdump(file)).toEqual([
        '03:16:40.123456 ARP, Request who-has 192.168.10.200 tell 192.168.10.100, length 28',
        '03:16:41.123456 IP 172.20.0.217 > 172.20.1.224: ICMP echo request, id 6976, seq 1, length 64',
        '03:16:42.123456 IP 192.168.10.100.41109 > 192.168.20.100.8472: OTV, flags [I] (0x08), overlay 0, instance 58696',
        'IP 172.20.0.217 > 172.20.1.224: ICMP echo request, id 6976, seq 1, length 64',
        '03:16:43.123456 IP 192.168.10.100.41109 > 192.168.20.100.6081: Geneve, Flags [none], vni 0x3114: IP 172.20.0.217 > 172.20.1.224: ICMP echo request, id 6976, seq 1, length 64',
        '03:16:44.123456 IP 172.20.0.217.40000 > 10.96.0.10.53: 4660+ A? kube-dns.kube-system.svc.cluster.local. (56)',
        '03:16:45.123456 IP 10.96.0.10.53 > 172.20.0.217.40000: 4660* 1/0/0 A 10.96.0.10 (72)',
        '03:16:46.123456 IP 172.20.0.217.48266 > 172.20.1.224.80: Flags [S], seq 1835329234, win 64240, options [mss 1460,sackOK,TS val 2662020805 ecr 0,nop,wscale 7], length 0',
        '03:16:47.123456 IP 192.168.10.200 > 172.20.0.217: ICMP time exceeded in-transit, length 92',
      ]);
      const verbose = tcpdump(file, '-vv').join('\n');
      expect(verbose.match(/\[udp sum ok\]/g)?.length).toBe(3);
      expect(verbose).toContain('[no cksum]');
      expect(verbose).toContain('cksum 0x');
      expect(verbose).not.toMatch(/incorrect|bad cksum|wrong/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('decodes LINUX_SLL2 records (direction from the packet type; an unknown ifindex prints as "?")', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ciliumlab-wire-'));
    try {
      const { echo, vxlan } = labFrames();
      const records = [
        emitSll2({ protocol: ETH_P_IP, ifindex: 4000, hatype: ARPHRD_ETHER, pkttype: PACKET_HOST, addr: Uint8Array.of(2, 0x6f, 0xef, 0xda, 0x8b, 0x3f) }, echo),
        emitSll2({ protocol: ETH_P_IP, ifindex: 4001, hatype: ARPHRD_ETHER, pkttype: PACKET_OUTGOING, addr: Uint8Array.of(6, 10, 0x3d, 0x56, 0xac, 0x5d) }, vxlan),
      ];
      const file = join(dir, 'sll2.pcap');
      writeFileSync(file, writePcap({ linktype: LINKTYPE_LINUX_SLL2 }, records.map((data, i) => ({ tsSec: 1795663000 + i, tsUsec: 5, data }))));
      expect(tcpdump(file)).toEqual([
        '03:16:40.000005 ?     In  IP 172.20.0.217 > 172.20.1.224: ICMP echo request, id 6976, seq 1, length 64',
        '03:16:41.000005 ?     Out IP 192.168.10.100.41109 > 192.168.20.100.8472: OTV, flags [I] (0x08), overlay 0, instance 58696',
        'IP 172.20.0.217 > 172.20.1.224: ICMP echo request, id 6976, seq 1, length 64',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
