// Layer cilium: the agent's view of its configuration, read from the `cilium-config` ConfigMap data at
// start (pkg/option/config.go). Derived settings follow the agent: BPF host routing falls back to legacy
// when kube-proxy replacement is off or masquerading is done by iptables (daemon/cmd/kube_proxy_replacement.go).
// The conntrack settings are those the agent compiles into the programs (CT_* defines) and its CT GC's.

import type { Ipv4Cidr } from '../addr/index.js';
import { parseCidr } from '../addr/index.js';
import type { ClockSource } from './datapath/conntrack/bpf-mono.js';

export type RoutingMode = 'native' | 'tunnel';
export type TunnelProtocol = 'vxlan' | 'geneve';

export interface AgentConfig {
  readonly routingMode: RoutingMode;
  readonly tunnelProtocol: TunnelProtocol;
  /** UDP port of the tunnel (8472 VXLAN, 6081 Geneve when `tunnel-port` is 0). */
  readonly tunnelPort: number;
  readonly autoDirectNodeRoutes: boolean;
  readonly directRoutingSkipUnreachable: boolean;
  readonly ipv4NativeRoutingCidr: Ipv4Cidr | undefined;
  readonly kubeProxyReplacement: boolean;
  readonly enableIpv4Masquerade: boolean;
  readonly enableBpfMasquerade: boolean;
  readonly enableHostLegacyRouting: boolean;
  readonly enableEndpointRoutes: boolean;
  readonly enableLocalNodeRoute: boolean;
  readonly installNoConntrackIptablesRules: boolean;
  readonly enableSocketLb: boolean;
  /** `mtu` (0 = take it from the native devices). */
  readonly mtu: number;
  readonly ipam: string;
  readonly clusterPoolCidrs: readonly Ipv4Cidr[];
  readonly clusterPoolMaskSize: number;
  readonly enableL2Announcements: boolean;
  readonly enableBgpControlPlane: boolean;
  readonly debug: boolean;
  /** `monitor-aggregation` (none, lowest, low, medium, maximum): which trace notifications the datapath sends. */
  readonly monitorAggregation: string;
  /** `monitor-aggregation-interval`: how often an active connection is reported again. */
  readonly monitorAggregationIntervalUs: number;
  /** `enable-hubble` and `hubble-event-buffer-capacity` (the flow ring's size). */
  readonly enableHubble: boolean;
  readonly hubbleEventBufferCapacity: number;
  readonly conntrack: ConntrackConfig;
}

/** CT_CONNECTION_LIFETIME_TCP and friends, CONNTRACK_ACCOUNTING, CT_REPORT_*, the clock and the CT GC's interval. */
export interface ConntrackConfig {
  /** bpf-ct-timeout-regular-tcp (the agent's default 8000s, not node_config.h's 21600), -any, -tcp-syn, -tcp-fin. */
  readonly lifetimeTcpS: number;
  readonly lifetimeNonTcpS: number;
  readonly synTimeoutS: number;
  readonly closeTimeoutS: number;
  /** bpf-conntrack-accounting: per-entry packet and byte counters. */
  readonly accounting: boolean;
  /** CT_REPORT_INTERVAL (monitor-aggregation-interval, in whole seconds) and CT_REPORT_FLAGS (monitor-aggregation-flags). */
  readonly reportIntervalS: number;
  readonly reportFlags: number;
  /** enable-bpf-clock-probe: jiffies instead of ktime. */
  readonly clockSource: ClockSource;
  /** conntrack-gc-interval (0: computed from each run's deletions) and conntrack-gc-max-interval (0: no cap). */
  readonly gcIntervalUs: number;
  readonly gcMaxIntervalUs: number;
}

export const VXLAN_PORT = 8472;
export const GENEVE_PORT = 6081;

/** Parses ConfigMap data into the agent's settings; unknown or missing keys take the agent's defaults. */
export function agentConfigFromConfigMap(data: Readonly<Record<string, string>>): AgentConfig {
  const str = (k: string, d: string) => data[k] ?? d;
  const bool = (k: string, d: boolean) => (data[k] === undefined ? d : data[k] === 'true');
  const routingMode: RoutingMode = str('routing-mode', 'tunnel') === 'native' ? 'native' : 'tunnel';
  const tunnelProtocol: TunnelProtocol = str('tunnel-protocol', 'vxlan') === 'geneve' ? 'geneve' : 'vxlan';
  const portSetting = Number(str('tunnel-port', '0'));
  const kpr = str('kube-proxy-replacement', 'false') === 'true';
  const masq = bool('enable-ipv4-masquerade', true);
  const bpfMasq = bool('enable-bpf-masquerade', false);
  const legacyAsked = bool('enable-host-legacy-routing', false);
  const endpointRoutes = bool('enable-endpoint-routes', false);
  return {
    routingMode,
    tunnelProtocol,
    tunnelPort: portSetting > 0 ? portSetting : tunnelProtocol === 'vxlan' ? VXLAN_PORT : GENEVE_PORT,
    autoDirectNodeRoutes: bool('auto-direct-node-routes', false),
    directRoutingSkipUnreachable: bool('direct-routing-skip-unreachable', false),
    ipv4NativeRoutingCidr: parseCidr(str('ipv4-native-routing-cidr', '')),
    kubeProxyReplacement: kpr,
    enableIpv4Masquerade: masq,
    enableBpfMasquerade: bpfMasq,
    enableHostLegacyRouting: legacyAsked || !kpr || (masq && !bpfMasq),
    enableEndpointRoutes: endpointRoutes,
    enableLocalNodeRoute: !endpointRoutes && bool('enable-local-node-route', true),
    installNoConntrackIptablesRules: bool('install-no-conntrack-iptables-rules', false),
    enableSocketLb: kpr || bool('bpf-lb-sock', false),
    mtu: Number(str('mtu', '0')) || 0,
    ipam: str('ipam', 'cluster-pool'),
    clusterPoolCidrs: str('cluster-pool-ipv4-cidr', '10.0.0.0/8')
      .split(/[ ,]+/)
      .map((c) => parseCidr(c))
      .filter((c): c is Ipv4Cidr => c !== undefined),
    clusterPoolMaskSize: Number(str('cluster-pool-ipv4-mask-size', '24')),
    enableL2Announcements: bool('enable-l2-announcements', false),
    enableBgpControlPlane: bool('enable-bgp-control-plane', false),
    debug: bool('debug', false),
    monitorAggregation: str('monitor-aggregation', 'None').toLowerCase(),
    monitorAggregationIntervalUs: goDurationUs(str('monitor-aggregation-interval', '5s')) ?? 5_000_000,
    enableHubble: bool('enable-hubble', false),
    hubbleEventBufferCapacity: Number(str('hubble-event-buffer-capacity', '4095')) || 4095,
    conntrack: conntrackConfig(data),
  };
}

/** option.TCPFlags: the names monitor-aggregation-flags takes. */
const TCP_FLAG_NAMES: Readonly<Record<string, number>> = { none: 0, all: 0xff, fin: 0x01, syn: 0x02, rst: 0x04, psh: 0x08, ack: 0x10, urg: 0x20, ece: 0x40, cwr: 0x80 };

function conntrackConfig(data: Readonly<Record<string, string>>): ConntrackConfig {
  const seconds = (k: string, d: number) => Math.floor((goDurationUs(data[k] ?? '') ?? d * 1_000_000) / 1_000_000);
  const flags = (data['monitor-aggregation-flags'] ?? 'all').split(/[\s,]+/).filter((f) => f !== '');
  return {
    lifetimeTcpS: seconds('bpf-ct-timeout-regular-tcp', 8000),
    lifetimeNonTcpS: seconds('bpf-ct-timeout-regular-any', 60),
    synTimeoutS: seconds('bpf-ct-timeout-regular-tcp-syn', 60),
    closeTimeoutS: seconds('bpf-ct-timeout-regular-tcp-fin', 10),
    accounting: data['bpf-conntrack-accounting'] === 'true',
    reportIntervalS: seconds('monitor-aggregation-interval', 5),
    reportFlags: flags.reduce((m, f) => m | (TCP_FLAG_NAMES[f.toLowerCase()] ?? 0), 0),
    clockSource: data['enable-bpf-clock-probe'] === 'true' ? 'jiffies' : 'ktime',
    gcIntervalUs: goDurationUs(data['conntrack-gc-interval'] ?? '') ?? 0,
    gcMaxIntervalUs: goDurationUs(data['conntrack-gc-max-interval'] ?? '') ?? 0,
  };
}

/** A Go duration of plain units ("5s", "1m30s", "500ms") in microseconds. */
function goDurationUs(text: string): number | undefined {
  const units: Readonly<Record<string, number>> = { h: 3_600_000_000, m: 60_000_000, s: 1_000_000, ms: 1000, us: 1, µs: 1 };
  let total = 0;
  const re = /(\d+(?:\.\d+)?)(h|ms|m|s|us|µs)/gy;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = re.exec(text)) !== null) {
    total += Number(m[1]) * (units[m[2] ?? ''] ?? 0);
    end = re.lastIndex;
  }
  return end === text.length && end > 0 ? Math.round(total) : undefined;
}

/** The agent refuses to start with these combinations (daemon/cmd/daemon_main.go, pkg/option/config.go). */
export function fatalConfigError(c: AgentConfig): string | undefined {
  if (c.autoDirectNodeRoutes && c.routingMode === 'tunnel') {
    return 'auto-direct-node-routes cannot be used with tunneling. Packets must be routed through the tunnel device.';
  }
  // daemon_main.go initEnv: in tunnel mode the encapsulated traffic already skips netfilter conntrack.
  if (c.installNoConntrackIptablesRules && c.routingMode === 'tunnel') {
    return 'install-no-conntrack-iptables-rules requires the agent to run in direct routing mode.';
  }
  if (c.directRoutingSkipUnreachable && !c.autoDirectNodeRoutes) {
    return 'Flag direct-routing-skip-unreachable cannot be enabled when auto-direct-node-routes is not enabled.';
  }
  // kube_proxy_replacement.go: without full KPR and BPF masquerading, NAT needs netfilter conntrack.
  if (c.installNoConntrackIptablesRules && !c.kubeProxyReplacement) {
    return 'install-no-conntrack-iptables-rules requires the agent to run with kube-proxy-replacement=true.';
  }
  if (c.installNoConntrackIptablesRules && c.enableIpv4Masquerade && !c.enableBpfMasquerade) {
    return 'install-no-conntrack-iptables-rules requires the agent to run with enable-bpf-masquerade.';
  }
  if (c.routingMode === 'native' && c.enableIpv4Masquerade && c.ipv4NativeRoutingCidr === undefined) {
    return 'native routing cidr must be configured with option --ipv4-native-routing-cidr in combination with --enable-ipv4-masquerade --tunnel=disabled --ipam=cluster-pool --enable-ipv4=true';
  }
  return undefined;
}

/** pkg/mtu: the device MTU, and the route MTU after the tunnel's 50 bytes of overhead. */
export function mtuOf(c: AgentConfig, baseMtu: number): { deviceMtu: number; routeMtu: number } {
  const base = c.mtu > 0 ? c.mtu : baseMtu > 0 ? baseMtu : 1500;
  return { deviceMtu: base, routeMtu: c.routingMode === 'tunnel' ? base - 50 : base };
}
