// The filter compiler on its own (no binary needed): libpcap 1.10's messages for the expressions people
// get wrong, checked once against real tcpdump -d / -r output, and the selections that matter in the lab:
// filters look at the outer headers, so "icmp" does not match VXLAN-encapsulated ICMP; "udp port 8472"
// does; values inherit qualifiers ("host A or B"); "port http" is TCP only (netbase says so).

import { describe, expect, it } from 'vitest';
import { FilterError, compileFilter, filterNames } from '../../../src/capture/index.js';
import { parseIpv4, parseMac, type Ipv4Addr, type MacAddr } from '../../../src/addr/index.js';
import { emitEthernet, emitIcmp, emitIpv4, emitSll2, emitUdp, emitVxlan, icmpEcho, ETH_P_IP, PACKET_OUTGOING, VXLAN_PORT_LINUX } from '../../../src/wire/index.js';

const names = filterNames({ hosts: '127.0.0.1 localhost\n192.168.10.100 k8s-ctr\n192.168.20.100 k8s-w0\n' });

function error(expr: string, dlt: 'en10mb' | 'linux-sll2' = 'en10mb', isSavefile = true): string | undefined {
  try {
    compileFilter(expr, { dlt, names, isSavefile });
    return undefined;
  } catch (e) {
    if (e instanceof FilterError) return e.message;
    throw e;
  }
}

describe("libpcap's messages", () => {
  const cases: ReadonlyArray<readonly [string, string | undefined]> = [
    ['icmp', undefined],
    ['udp port 8472', undefined],
    ['', undefined],
    ['vxlan', "can't parse filter expression: syntax error"],
    ['udp port 8472 and', "can't parse filter expression: syntax error"],
    ['(', "can't parse filter expression: syntax error"],
    ['foo bar', "can't parse filter expression: syntax error"],
    ['host 1.1.1.1 bar', "can't parse filter expression: syntax error"],
    ['ip proto icmp', "can't parse filter expression: syntax error"],
    ['host foo', "unknown host 'foo'"],
    ['host foo bar', "unknown host 'foo'"],
    ['port foo', "unknown port 'foo'"],
    ['port 70000', 'illegal port number 70000 > 65535'],
    ['port 09', 'number 09 contains non-octal digit'],
    ['port 99999999999', 'number 99999999999 overflows 32 bits'],
    ['udp port http', "port 'http' is tcp"],
    ['tcp host 1.2.3.4', "'tcp' modifier applied to host"],
    ['net 10.0.0.1/8', 'non-network bits set in "10.0.0.1/8"'],
    ['net 1.2.3.4/33', 'mask length must be <= 32'],
    ['host 300.1.1.1', "invalid IPv4 address '300.1.1.1'"],
    ['tcp or 443', 'syntax error in filter expression'],
    ['(host 1.1.1.1) and 2.2.2.2', 'syntax error in filter expression'],
    ['ip[0:3] = 1', 'data size must be 1, 2, or 4'],
    ['len / ip[0] > 1', 'division by zero'],
    ['1 << 40 = 2', 'shift by more than 31 bits'],
    ['tcp and udp', 'expression rejects all packets'],
    ['icmp and arp', 'expression rejects all packets'],
    ['src port 80 and src port 81', 'expression rejects all packets'],
    ['1 = 2', 'expression rejects all packets'],
    ['gateway foo', "'gateway' not supported in this configuration"],
    ['host 1:2:3:4:5:6', 'ethernet address used in non-ether expression'],
  ];
  for (const [expr, message] of cases) {
    it(`${JSON.stringify(expr)} -> ${message ?? 'compiles'}`, () => expect(error(expr)).toBe(message));
  }

  it('depend on the link type and on reading a file', () => {
    expect(error('ether host 1:2:3:4:5:6', 'linux-sll2')).toBe('ethernet addresses supported only on ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel');
    expect(error('inbound', 'en10mb', true)).toBe('inbound/outbound not supported on Ethernet when reading savefiles');
    expect(error('inbound', 'en10mb', false)).toBeUndefined();
    expect(error('inbound', 'linux-sll2', true)).toBeUndefined();
    expect(error('ifindex 3', 'en10mb', true)).toBe('ifindex not supported on Ethernet when reading savefiles');
    expect(error('vlan', 'linux-sll2')).toBe('no VLAN support for Linux cooked v2');
  });
});

const a = (s: string) => parseIpv4(s) as Ipv4Addr;
const m = (s: string) => parseMac(s) as MacAddr;

function echoFrame(src: string, dst: string): Uint8Array {
  const ip = emitIpv4({ tos: 0, id: 1, df: true, mf: false, fragOffset: 0, ttl: 64, protocol: 1, src: a(src), dst: a(dst) }, emitIcmp(icmpEcho('request', 99, 1), new Uint8Array(56)));
  return emitEthernet({ dst: m('02:00:00:00:00:02'), src: m('02:00:00:00:00:01'), ethertype: ETH_P_IP }, ip);
}

function vxlanFrame(): Uint8Array {
  const outer = { src: a('192.168.10.100'), dst: a('192.168.20.100') };
  const udp = emitUdp({ srcPort: 41429, dstPort: VXLAN_PORT_LINUX, checksum: 0 }, emitVxlan({ vni: 58696 }, echoFrame('172.20.0.217', '172.20.1.224')), outer);
  const ip = emitIpv4({ tos: 0, id: 7, df: false, mf: false, fragOffset: 0, ttl: 63, protocol: 17, ...outer }, udp);
  return emitEthernet({ dst: m('08:00:27:00:00:02'), src: m('08:00:27:00:00:01'), ethertype: ETH_P_IP }, ip);
}

function matches(expr: string, frame: Uint8Array): boolean {
  return compileFilter(expr, { dlt: 'en10mb', names, isSavefile: true }).match({ data: frame, wirelen: frame.length });
}

describe('what filters select in the lab', () => {
  const vxlan = vxlanFrame();
  const echo = echoFrame('172.20.0.217', '172.20.1.224');

  it('look at the outer headers: icmp misses VXLAN-encapsulated ICMP, udp port 8472 takes it', () => {
    expect(matches('icmp', echo)).toBe(true);
    expect(matches('icmp', vxlan)).toBe(false);
    expect(matches('udp port 8472', vxlan)).toBe(true);
    expect(matches('host 172.20.0.217', vxlan)).toBe(false);
    expect(matches('host 192.168.10.100 and dst port 8472', vxlan)).toBe(true);
  });

  it('let a bare value inherit the qualifiers before it, and look names up in /etc/hosts', () => {
    expect(matches('host 10.0.0.1 or 172.20.1.224', echo)).toBe(true);
    expect(matches('src host 10.0.0.1 or 172.20.1.224', echo)).toBe(false);
    expect(matches('host k8s-ctr', vxlan)).toBe(true);
    expect(matches('src net 172.20.0.0/24 and dst net 172.20.1.0/24', echo)).toBe(true);
    expect(matches('net 172.20.0.0/16 and not net 172.20.1.0/24', echo)).toBe(false);
    expect(matches('udp[8] & 0x08 != 0 and udp[12:4] >> 8 = 58696', vxlan)).toBe(true);
  });

  it('read direction and interface from the SLL2 header on -i any', () => {
    const rec = emitSll2({ protocol: ETH_P_IP, ifindex: 3, hatype: 1, pkttype: PACKET_OUTGOING, addr: echo.subarray(6, 12) }, echo.subarray(14));
    const sel = (e: string) => compileFilter(e, { dlt: 'linux-sll2', names, isSavefile: false }).match({ data: rec, wirelen: rec.length });
    expect([sel('outbound'), sel('inbound'), sel('ifindex 3'), sel('ifindex 2 or icmp')]).toEqual([true, false, true, true]);
  });
});
