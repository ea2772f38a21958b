// web (packets): how a frame is drawn, from its bytes: the colour of its innermost protocol (ICMP, TCP,
// UDP, ARP) and whether it travels encapsulated (VXLAN or Geneve, drawn with an outer ring), with the
// outer IPv4 addresses that name the tunnel's two ends.

import { dissect, formatIpv4 } from '../../../src/index.browser.js';

export interface FrameStyle {
  readonly color: string;
  readonly isEncapsulated: boolean;
  readonly outerSrc: string | undefined;
  readonly outerDst: string | undefined;
}

const COLORS: Readonly<Record<string, string>> = { icmp: '#0969da', tcp: '#1a7f37', udp: '#8250df', arp: '#57606a' };

export function frameStyle(frame: Uint8Array): FrameStyle {
  const layers = dissect(frame);
  const tunnelAt = layers.findIndex((l) => l.proto === 'vxlan' || l.proto === 'geneve');
  const outer = layers.find((l) => l.proto === 'ipv4');
  const inner = layers.slice(tunnelAt + 1);
  const proto = [...inner].reverse().find((l) => l.proto in COLORS)?.proto ?? 'udp';
  const ip = tunnelAt >= 0 && outer?.proto === 'ipv4' ? outer.header : undefined;
  return { color: COLORS[proto] ?? '#57606a', isEncapsulated: tunnelAt >= 0, outerSrc: ip ? formatIpv4(ip.src) : undefined, outerDst: ip ? formatIpv4(ip.dst) : undefined };
}
