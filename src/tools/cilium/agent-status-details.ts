// Layer tools (cilium): the --verbose sections of the agent's status (pkg/client/client.go): the
// KubeProxyReplacement details and the BPF map sizes, each through its own tabwriter(0,0,3). Map sizes
// are the option defaults except the CT, NAT, neighbour and sock-rev-NAT maps, which dynamic sizing
// derives from the node's memory (pkg/option/config.go getDynamicSizeCalculator, ratio 0.0025).

import { configBool } from './agent-facts.js';
import { tabwrite } from './tabwriter.js';

type Config = Readonly<Record<string, string>>;
const onOff = (on: boolean) => (on ? 'Enabled' : 'Disabled');

/** 1.18.0's service annotations (pkg/annotation), as its status lists them. */
const SERVICE_ANNOTATIONS = ['service.cilium.io/node', 'service.cilium.io/node-selector', 'service.cilium.io/proxy-delegation', 'service.cilium.io/src-ranges-policy', 'service.cilium.io/type'];

export function kprDetails(c: Config, kprDevices: string): string {
  const kpr = configBool(c, 'kube-proxy-replacement', false);
  const range = (c['node-port-range'] ?? '') || '30000-32767';
  const algorithm = (c['bpf-lb-algorithm'] ?? 'random') === 'maglev' ? `Maglev (Table Size: ${c['bpf-lb-maglev-table-size'] ?? '16381'})` : 'Random';
  const accel = c['bpf-lb-acceleration'] ?? 'disabled';
  let t = `  Status:\t${kpr ? 'True' : 'False'}\n  Socket LB:\t${onOff(kpr || configBool(c, 'bpf-lb-sock', false))}\n`;
  t += `  Socket LB Tracing:\t${onOff(configBool(c, 'trace-sock', true))}\n  Socket LB Coverage:\t${configBool(c, 'bpf-lb-sock-hostns-only', false) ? 'Hostns-only' : 'Full'}\n`;
  if (kprDevices !== '') t += `  Devices:\t${kprDevices}\n`;
  if (kpr) t += `  Mode:\t${(c['bpf-lb-mode'] ?? 'snat').toUpperCase()}\n  Backend Selection:\t${algorithm}\n`;
  t += `  Session Affinity:\t${onOff(configBool(c, 'enable-session-affinity', true))}\n  NAT46/64 Support:\tDisabled\n`;
  if (kpr) t += `  XDP Acceleration:\t${accel.charAt(0).toUpperCase()}${accel.slice(1)}\n`;
  t += `  Services:\n  - ClusterIP:\tEnabled\n  - NodePort:\t${kpr ? `Enabled (Range: ${range})` : 'Disabled'} \n  - LoadBalancer:\t${onOff(kpr)} \n`;
  t += `  - externalIPs:\t${onOff(kpr)} \n  - HostPort:\t${onOff(kpr)}\n  Annotations:\n${SERVICE_ANNOTATIONS.map((a) => `  - ${a}\n`).join('')}`;
  return `KubeProxyReplacement Details:\n${tabwrite(t, 0, 3)}`;
}

const CT_TCP_DEFAULT = 2 << 18;
const CT_ANY_DEFAULT = 2 << 17;
const NAT_DEFAULT = Math.floor(((CT_TCP_DEFAULT + CT_ANY_DEFAULT) * 2) / 3);
/** SizeofCTElement, SizeofNATElement, SizeofNeighElement, SizeofSockRevElement on amd64. */
const SIZEOF = { ct: 94, nat: 94, neigh: 24, sockRev: 52 } as const;
const TABLE_MAX = 1 << 24;

/** getDynamicSizeCalculator: default entries scaled by the memory left for maps, clamped. */
function dynamicSizes(memoryBytes: number, ratio: number): { ctTcp: number; ctAny: number; nat: number; sockRev: number } {
  const available = Math.floor(memoryBytes * ratio);
  const totalDefault = CT_TCP_DEFAULT * SIZEOF.ct + CT_ANY_DEFAULT * SIZEOF.ct + NAT_DEFAULT * SIZEOF.nat + NAT_DEFAULT * SIZEOF.neigh + CT_ANY_DEFAULT * SIZEOF.sockRev;
  const entries = (def: number, min: number) => Math.min(TABLE_MAX, Math.max(min, Math.floor((def * available) / totalDefault)));
  return { ctTcp: entries(CT_TCP_DEFAULT, 1 << 17), ctAny: entries(CT_ANY_DEFAULT, 1 << 16), nat: entries(NAT_DEFAULT, 1 << 17), sockRev: entries(CT_ANY_DEFAULT, 1 << 16) };
}

export function bpfMapsSection(c: Config, memoryMiB: number): string {
  const ratio = Number(c['bpf-map-dynamic-size-ratio'] ?? '0.0025') || 0;
  const d = dynamicSizes(memoryMiB * 1024 * 1024, ratio);
  const rows: Array<[string, number]> = [
    ['Auth', 524288],
    ['Non-TCP connection tracking', d.ctAny],
    ['TCP connection tracking', d.ctTcp],
    ['Endpoints', 65535],
    ['IP cache', 512000],
    ['IPv4 masquerading agent', 16384],
    ['IPv6 masquerading agent', 16384],
    ['IPv4 fragmentation', 8192],
    ['IPv4 service', 65536],
    ['IPv6 service', 65536],
    ['IPv4 service backend', 65536],
    ['IPv6 service backend', 65536],
    ['IPv4 service reverse NAT', 65536],
    ['IPv6 service reverse NAT', 65536],
    ['Metrics', 1024],
    ['Ratelimit metrics', 64],
    ['NAT', d.nat],
    ['Neighbor table', d.nat],
    ['Endpoint policy', 16384],
    ['Policy stats', 65536],
    ['Session affinity', 65536],
    ['Sock reverse NAT', d.sockRev],
  ];
  const sizing = ratio > 0 && ratio <= 1 ? `on (ratio: ${ratio.toFixed(6)})` : 'off';
  return `BPF Maps:\tdynamic sizing: ${sizing}\n${tabwrite(`  Name\tSize\n${rows.map(([n, s]) => `  ${n}\t${s}\n`).join('')}`, 0, 3)}`;
}
