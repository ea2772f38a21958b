// Layer observe: the header stack of a captured frame for an explanation step, outermost first, each header
// in one line (Ethernet, IP with TTL, id and DF, ICMP, UDP, TCP flags, VXLAN/Geneve VNI, then the inner
// frame), from src/wire's dissect.

import { formatIpv4, formatMac } from '../../addr/index.js';
import { dissect, type Layer } from '../../wire/index.js';
import type { HeaderLayer } from './explanation.js';
import { tcpFlagNames } from '../monitor/captured-packet.js';

function icmpText(l: Extract<Layer, { proto: 'icmp' }>): string {
  const h = l.header;
  switch (h.kind) {
    case 'echo':
      return `ICMP echo ${h.type === 8 ? 'request' : 'reply'} id ${h.id} seq ${h.seq}`;
    case 'time-exceeded':
      return `ICMP time exceeded ${h.code === 0 ? 'in-transit' : 'fragment reassembly'}`;
    case 'dest-unreach':
      return `ICMP destination unreachable code ${h.code}${h.code === 4 ? ` (fragmentation needed, mtu ${h.nextHopMtu})` : ''}`;
    default:
      return `ICMP type ${h.type} code ${h.code}`;
  }
}

function layerText(l: Layer): string | undefined {
  switch (l.proto) {
    case 'ethernet':
      return `Ethernet ${formatMac(l.header.src)} > ${formatMac(l.header.dst)}`;
    case 'arp':
      return `ARP ${l.header.op === 1 ? 'request' : 'reply'} ${formatIpv4(l.header.spa)} > ${formatIpv4(l.header.tpa)}`;
    case 'ipv4': {
      const h = l.header;
      return `IP ${formatIpv4(h.src)} > ${formatIpv4(h.dst)} ttl ${h.ttl} id ${h.id}${h.df ? ' DF' : ''} len ${h.totalLength}`;
    }
    case 'icmp':
      return icmpText(l);
    case 'udp':
      return `UDP ${l.header.srcPort} > ${l.header.dstPort} len ${l.header.length}`;
    case 'tcp':
      return `TCP ${l.header.srcPort} > ${l.header.dstPort} [${tcpFlagNames(l.header.flags).join(', ')}] seq ${l.header.seq}`;
    case 'vxlan':
      return `VXLAN vni ${l.header.vni}`;
    case 'geneve':
      return `Geneve vni ${l.header.vni}`;
    case 'dns':
      return 'DNS';
    default:
      return undefined;
  }
}

/** @example headerStack(frame).map((h) => h.text) // ['Ethernet ...', 'IP ...', 'UDP 41429 > 8472 ...', 'VXLAN vni 58696', ...] */
export function headerStack(frame: Uint8Array): HeaderLayer[] {
  const out: HeaderLayer[] = [];
  for (const l of dissect(frame)) {
    const text = layerText(l);
    if (text !== undefined) out.push({ proto: l.proto, text });
  }
  return out;
}
