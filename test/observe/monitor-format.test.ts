// The monitor's and Hubble's text pieces against their sources: gopacket's ICMPv4TypeCode.String()
// (layers/icmp4.go: "EchoRequest", "TimeExceeded(TTLExceeded)", "DestinationUnreachable(Port)", "3(77)"
// style fallbacks), pkg/monitor/dissect.go GetConnectionSummary ("a:p -> b:p tcp SYN, ACK", the inner packet
// then " [tunnel ... vxlan]"), drop.go's codes, and the DumpInfo lines of datapath_trace.go / datapath_drop.go.

import { describe, expect, test } from 'vitest';
import { ipv4, mac } from '../../src/addr/index.js';
import { connectionSummary } from '../../src/observe/monitor/connection-summary.js';
import { dropCode, dropEnumName, dropText } from '../../src/observe/monitor/drop-reasons.js';
import { icmpTypeCodeString } from '../../src/observe/monitor/icmp-type-code.js';
import { formatMonitorEvent, type MonitorFormatOptions } from '../../src/observe/index.js';
import { emitIcmp, emitIpv4, emitTcp, emitUdp, emitVxlan, icmpEcho, ETH_P_IP, TCP_ACK, TCP_SYN } from '../../src/wire/index.js';
import { frameWith, setMacs } from '../../src/net/frame.js';

const A = ipv4(0xac1400d9); // 172.20.0.217
const B = ipv4(0xac1401e0); // 172.20.1.224

function frame(ipPacket: Uint8Array): Uint8Array {
  const f = frameWith(ipPacket, ETH_P_IP);
  setMacs(f, mac([2, 0, 0, 0, 0, 2]), mac([2, 0, 0, 0, 0, 1]));
  return f;
}

const ip = (src: number, dst: number, protocol: number, payload: Uint8Array) => emitIpv4({ tos: 0, id: 1, df: true, mf: false, fragOffset: 0, ttl: 64, protocol, src: src as never, dst: dst as never }, payload);
const ph = (src: number, dst: number, protocol: number) => ({ src: src as never, dst: dst as never, protocol });

describe('gopacket ICMPv4TypeCode.String()', () => {
  test.each([
    [8, 0, 'EchoRequest'],
    [0, 0, 'EchoReply'],
    [11, 0, 'TimeExceeded(TTLExceeded)'],
    [3, 3, 'DestinationUnreachable(Port)'],
    [3, 4, 'DestinationUnreachable(FragmentationNeeded)'],
    [8, 5, 'EchoRequest(Code: 5)'],
    [11, 9, 'TimeExceeded(Code: 9)'],
    [42, 1, '42(1)'],
  ])('type %i code %i -> %s', (type, code, text) => expect(icmpTypeCodeString(type, code)).toBe(text));
});

describe('GetConnectionSummary', () => {
  test('ICMP, TCP with flags, UDP', () => {
    expect(connectionSummary(frame(ip(A, B, 1, emitIcmp(icmpEcho('request', 7, 1), new Uint8Array(56)))))).toBe('172.20.0.217 -> 172.20.1.224 icmp EchoRequest');
    const syn = emitTcp({ srcPort: 40332, dstPort: 80, seq: 1, ack: 0, flags: TCP_SYN | TCP_ACK, window: 64240, urgentPointer: 0, options: [] }, new Uint8Array(0), ph(A, B, 6));
    expect(connectionSummary(frame(ip(A, B, 6, syn)))).toBe('172.20.0.217:40332 -> 172.20.1.224:80 tcp SYN, ACK');
    expect(connectionSummary(frame(ip(A, B, 17, emitUdp({ srcPort: 5353, dstPort: 53 }, new Uint8Array(4), ph(A, B, 17)))))).toBe('172.20.0.217:5353 -> 172.20.1.224:53 udp');
  });

  test('VXLAN: the inner packet, then the tunnel', () => {
    const inner = frame(ip(A, B, 1, emitIcmp(icmpEcho('request', 7, 1), new Uint8Array(56))));
    const outerSrc = ipv4(0xc0a80a64);
    const outerDst = ipv4(0xc0a81464);
    const udp = emitUdp({ srcPort: 41429, dstPort: 8472, checksum: 0 }, emitVxlan({ vni: 58696 }, inner), ph(outerSrc, outerDst, 17));
    expect(connectionSummary(frame(ip(outerSrc, outerDst, 17, udp)))).toBe('172.20.0.217 -> 172.20.1.224 icmp EchoRequest [tunnel 192.168.10.100:41429 -> 192.168.20.100:8472 vxlan]');
  });
});

describe('drop reasons (pkg/monitor/api/drop.go v1.18.0, flow.proto DropReason)', () => {
  test('codes, texts and enum names', () => {
    expect(dropCode('Policy denied')).toBe(133);
    expect(dropCode('TTL exceeded')).toBe(196);
    expect(dropCode('Stale or unroutable IP')).toBe(151);
    expect(dropCode('FIB lookup failed')).toBe(169);
    expect(dropText(169)).toBe('FIB lookup failed');
    expect(dropEnumName(196)).toBe('TTL_EXCEEDED');
    expect(dropCode('NAT_UPLINK_NO_INTERNET')).toBeUndefined();
  });
});

describe('DumpInfo lines', () => {
  const o: MonitorFormatOptions = { verbosity: 'info', isNumeric: false, types: [], from: [], to: [], related: [], cpus: 2 };
  const data = frame(ip(A, B, 1, emitIcmp(icmpEcho('request', 7, 1), new Uint8Array(56))));
  const trace = { kind: 'trace' as const, node: 'k8s-ctr', timeUs: 0, traceId: 1, source: 0, hash: 0x8a1c2d3e, origLen: 98, data, srcLabel: 58696, dstLabel: 2, dstId: 0, ifindex: 3, ifname: 'eth1', program: 'cil_from_container', point: 'to-network' as const, reason: 'new' as const };

  test('a trace: identities by name unless -n, "flow 0x... , identity"', () => {
    expect(formatMonitorEvent(trace, o)).toBe('-> network flow 0x8a1c2d3e , identity 58696->world state new ifindex eth1 orig-ip 0.0.0.0: 172.20.0.217 -> 172.20.1.224 icmp EchoRequest\n');
    expect(formatMonitorEvent(trace, { ...o, isNumeric: true })).toBe('-> network flow 0x8a1c2d3e , identity 58696->2 state new ifindex eth1 orig-ip 0.0.0.0: 172.20.0.217 -> 172.20.1.224 icmp EchoRequest\n');
  });

  test('a drop: "to endpoint", ifindex as a number, the BPF file, ", , identity"', () => {
    const drop = { kind: 'drop' as const, node: 'k8s-ctr', timeUs: 0, traceId: 1, source: 1234, hash: 0, origLen: 98, data, srcLabel: 58696, dstLabel: 0, dstId: 0, ifindex: 13, ifname: 'lxc1', program: 'cil_from_container', code: 133, file: 'bpf_lxc.c' };
    expect(formatMonitorEvent(drop, o)).toBe('xx drop (Policy denied) flow 0x0 to endpoint 0, ifindex 13, file bpf_lxc.c:0, , identity 58696->unknown: 172.20.0.217 -> 172.20.1.224 icmp EchoRequest\n');
    expect(formatMonitorEvent(drop, { ...o, related: [1234] })).not.toBe('');
    expect(formatMonitorEvent(drop, { ...o, related: [99] })).toBe('');
    expect(formatMonitorEvent(drop, { ...o, types: [4] })).toBe('');
  });
});
