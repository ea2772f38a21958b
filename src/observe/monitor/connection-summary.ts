// Layer observe: GetConnectionSummary (pkg/monitor/dissect.go), the tail of every `cilium-dbg monitor` line:
// "10.0.0.1:40332 -> 10.0.0.2:80 tcp SYN", "10.0.0.1 -> 10.0.0.2 icmp EchoRequest", the inner packet first and
// " [tunnel a:p -> b:p vxlan]" after it for an overlay packet, MACs and ethertype for a non-IP frame.

import { decodeCaptured, type CapturedPacket } from './captured-packet.js';
import { icmpTypeCodeString } from './icmp-type-code.js';

/** getTCPInfo: only SYN, ACK, RST and FIN, in that order. */
function tcpInfo(flags: number): string {
  const names: string[] = [];
  if (flags & 0x02) names.push('SYN');
  if (flags & 0x10) names.push('ACK');
  if (flags & 0x04) names.push('RST');
  if (flags & 0x01) names.push('FIN');
  return names.join(', ');
}

const ETHERTYPES: Readonly<Record<number, string>> = { 0x0800: 'IPv4', 0x0806: 'ARP', 0x86dd: 'IPv6' };

function ethertypeName(t: number): string {
  return ETHERTYPES[t] ?? `UnknownEthernetType`;
}

function l4Summary(p: CapturedPacket, tunnel: boolean): string | undefined {
  const l4 = p.l4;
  if (!l4) return undefined;
  if (l4.proto === 'icmp') return `${p.ipSrc} -> ${p.ipDst} icmp ${icmpTypeCodeString(l4.icmpType, l4.icmpCode)}`;
  const proto = tunnel && p.tunnel ? p.tunnel : l4.proto;
  const s = `${p.ipSrc}:${l4.srcPort} -> ${p.ipDst}:${l4.dstPort} ${proto}`;
  return l4.proto === 'tcp' ? `${s} ${tcpInfo(l4.tcpFlags)}` : s;
}

function plain(p: CapturedPacket): string {
  const l4 = l4Summary(p, false);
  if (l4 !== undefined) return l4;
  if (p.ipSrc !== undefined) return `${p.ipSrc} -> ${p.ipDst}`;
  if (p.ethSrc !== undefined) return `${p.ethSrc} -> ${p.ethDst} ${ethertypeName(p.ethertype)}`;
  return '[unknown]';
}

/** @example connectionSummary(frame) // '172.20.0.217 -> 172.20.1.224 icmp EchoRequest' */
export function connectionSummary(data: Uint8Array): string {
  if (data.length === 0) return '[unknown]';
  const p = decodeCaptured(data);
  if (!p.tunnel || !p.inner) return plain(p);
  return `${plain(p.inner)} [tunnel ${l4Summary(p, true) ?? ''}]`;
}
