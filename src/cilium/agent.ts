// Layer cilium: the Cilium agent of one node (daemon/cmd). It owns the node's PodCIDR allocation, the router
// (cilium_host) IP, endpoints, the devices, BPF programs and maps (CT, NAT; its CT GC), and its routes.
// A restart separates two things the real agent separates too: the BPF datapath keeps running (and its maps
// keep their entries) while the agent is down; a new agent re-initialises the datapath with
// its own configuration `initUs` after it starts, and only after `syncUs` more has it re-learned the cluster
// (ipcache, tunnel endpoints) — in between, tunnel lookups miss and packets fall back to the kernel.

import type { Ipv4Addr, Ipv4Cidr } from '../addr/index.js';
import { Ipv4Map } from '../addr/index.js';
import type { Machine } from '../net/machine.js';
import type { NetDevice } from '../net/net-device.js';
import type { Netns } from '../net/netns.js';
import type { Rng, Scheduler, Timer } from '../sim/index.js';
import { agentConfigFromConfigMap, fatalConfigError, mtuOf, type AgentConfig } from './agent-config.js';
import { AgentLog } from './agent-log.js';
import type { ClusterState, CiliumNodeInfo } from './cluster-state.js';
import { attachDatapath, type AgentDevices } from './datapath/attach.js';
import type { Endpoint } from './endpoint.js';
import { HostScopeIpam } from './ipam/host-scope.js';
import { setPodRouteMtu } from './cni.js';
import { bpfMonoNow } from './datapath/conntrack/bpf-mono.js';
import { Conntrack } from './datapath/conntrack/conntrack.js';
import { CtGc } from './datapath/conntrack/ct-gc.js';
import { NatMap } from './datapath/nat/nat-map.js';
import { installLocalNodeRoute, removeRemoteNodeRoutes, updateRemoteNodeRoutes, type NodeRouteContext } from './node-routes.js';

export interface AgentTimings {
  readonly initUs: number;
  readonly syncUs: number;
}

export const DEFAULT_AGENT_TIMINGS: AgentTimings = { initUs: 3_000_000, syncUs: 10_000_000 };

/** What the programs were compiled with: the config of the agent that last initialised the datapath. */
export interface DatapathState {
  readonly config: AgentConfig;
  readonly deviceMtu: number;
  readonly routeMtu: number;
}

export type AgentPhase = 'stopped' | 'starting' | 'running' | 'crashed';

export interface AgentDeps {
  readonly nodeName: string;
  readonly nodeIp: Ipv4Addr;
  readonly machine: Machine;
  readonly cluster: ClusterState;
  readonly scheduler: Scheduler;
  readonly rng: Rng;
  readonly timings?: AgentTimings;
}

export class CiliumAgent {
  readonly nodeName: string;
  readonly nodeIp: Ipv4Addr;
  readonly machine: Machine;
  readonly cluster: ClusterState;
  readonly log: AgentLog;
  readonly rng: Rng;
  readonly timings: AgentTimings;
  phase: AgentPhase = 'stopped';
  config: AgentConfig | undefined;
  dp: DatapathState | undefined;
  /** Whether the running agent has re-learned the cluster since it last started. */
  synced = false;
  podCidr: Ipv4Cidr | undefined;
  routerIp: Ipv4Addr | undefined;
  ipam: HostScopeIpam | undefined;
  devices: AgentDevices | undefined;
  readonly endpoints = new Ipv4Map<Endpoint>();
  readonly endpointsByLxc = new Map<number, Endpoint>();
  readonly endpointIds = new Set<number>();
  /** The node's CT maps and NAT map: pinned BPF maps, they outlive agent restarts. */
  readonly ct: Conntrack;
  readonly nat: NatMap;
  /** The running agent's CT garbage collector. */
  readonly ctGc: CtGc;
  /** The random stream of socket-LB backend selection (get_prandom_u32 in bpf_sock.c). */
  readonly lbRng: Rng;
  startedAtUs = 0;
  /** Called when an agent has (re)initialised the datapath: the lab publishes the node to the cluster. */
  onDatapathInit: (() => void) | undefined;
  /** Called when endpoints waiting for the agent's first sync became ready: the lab updates their CiliumEndpoints. */
  onEndpointsReady: ((endpoints: readonly Endpoint[]) => void) | undefined;
  private readonly scheduler: Scheduler;
  private timers: Timer[] = [];

  constructor(d: AgentDeps) {
    this.nodeName = d.nodeName;
    this.nodeIp = d.nodeIp;
    this.machine = d.machine;
    this.cluster = d.cluster;
    this.scheduler = d.scheduler;
    this.rng = d.rng;
    this.timings = d.timings ?? DEFAULT_AGENT_TIMINGS;
    this.log = new AgentLog(() => this.scheduler.nowUs);
    this.ct = new Conntrack(this.machine, this.scheduler);
    this.nat = new NatMap(d.rng.fork('snat'));
    this.ctGc = new CtGc(this.ct, this.nat, (c, atUs) => bpfMonoNow(c.clockSource, this.machine, atUs));
    this.ct.gc = this.ctGc;
    this.lbRng = d.rng.fork('sock-lb');
  }

  get netns(): Netns {
    return this.machine.root;
  }

  get isReady(): boolean {
    return this.phase === 'running' && this.synced;
  }

  /** Sets the node's allocation (from the CiliumNode spec or a pin) before the first start. */
  assignPodCidr(podCidr: Ipv4Cidr, routerIp: Ipv4Addr | undefined): void {
    this.podCidr = podCidr;
    this.ipam = new HostScopeIpam(podCidr, this.rng.fork('ipam'));
    this.routerIp = routerIp ?? this.ipam.allocateNext('router');
    if (routerIp !== undefined) this.ipam.allocate(routerIp, 'router');
  }

  /** The agent as it was when the lab began: started long ago, datapath up, cluster learned. */
  bootstrap(configData: Readonly<Record<string, string>>): void {
    if (!this.begin(configData)) return;
    this.initDatapath();
    this.markSynced();
  }

  /** A new agent process starts (a DaemonSet pod's container). */
  start(configData: Readonly<Record<string, string>>): void {
    if (!this.begin(configData)) return;
    this.timers.push(this.scheduler.after(this.timings.initUs, () => this.initDatapath()));
    this.timers.push(this.scheduler.after(this.timings.initUs + this.timings.syncUs, () => this.markSynced()));
  }

  /** The agent process ends; the datapath it left behind keeps forwarding. */
  stop(): void {
    for (const t of this.timers) this.scheduler.cancel(t);
    this.timers = [];
    if (this.phase !== 'crashed') this.log.add('info', 'Stopping agent');
    this.ctGc.stop(this.scheduler.nowUs);
    this.phase = 'stopped';
    this.synced = false;
  }

  /** A CiliumNode appeared or changed: install or update the routes towards it. */
  nodeUpdated(node: CiliumNodeInfo): void {
    if (this.phase !== 'running' || node.name === this.nodeName) return;
    const c = this.routeContext();
    if (c) updateRemoteNodeRoutes(c, node);
  }

  nodeDeleted(node: CiliumNodeInfo): void {
    if (this.phase !== 'running' || node.name === this.nodeName) return;
    const c = this.routeContext();
    if (c) removeRemoteNodeRoutes(c, node);
  }

  endpointByIp(ip: Ipv4Addr): Endpoint | undefined {
    return this.endpoints.get(ip);
  }

  private begin(configData: Readonly<Record<string, string>>): boolean {
    const config = agentConfigFromConfigMap(configData);
    this.config = config;
    this.startedAtUs = this.scheduler.nowUs;
    this.synced = false;
    this.log.add('info', 'Cilium agent starting', [['version', '1.18.0']]);
    const fatal = fatalConfigError(config);
    if (fatal) {
      // pkg/logging.Fatal: the message at level error, then os.Exit(1).
      this.log.add('error', fatal, [['subsys', 'daemon']]);
      this.phase = 'crashed';
      return false;
    }
    this.phase = 'starting';
    return true;
  }

  /** Reinitialize: devices, programs and routes with this agent's configuration. */
  private initDatapath(): void {
    const config = this.config;
    if (!config || !this.podCidr || this.routerIp === undefined) return;
    const { deviceMtu, routeMtu } = mtuOf(config, this.baseMtu());
    this.dp = { config, deviceMtu, routeMtu };
    this.devices = attachDatapath(this);
    this.phase = 'running';
    this.ctGc.start(this.scheduler.nowUs, config.conntrack);
    const c = this.routeContext();
    if (!c) return;
    installLocalNodeRoute(c);
    // pkg/mtu's endpoint updater: existing pods get the new route MTU (1450 after a switch to tunnel mode).
    for (const ep of this.endpoints.values()) setPodRouteMtu(ep.podNetns, ep.podDev, this.routerIp, routeMtu);
    for (const node of this.cluster.nodes.values()) if (node.name !== this.nodeName) updateRemoteNodeRoutes(c, node);
    this.log.add('info', 'Datapath initialized', [['routing-mode', config.routingMode]]);
    this.onDatapathInit?.();
  }

  private markSynced(): void {
    if (this.phase !== 'running') return;
    this.synced = true;
    const waiting = [...this.endpoints.values()].filter((ep) => ep.state !== 'ready');
    for (const ep of waiting) ep.state = 'ready';
    if (waiting.length > 0) this.onEndpointsReady?.(waiting);
    this.log.add('info', 'Initial ipcache and node synchronization completed');
  }

  /** pkg/mtu: the lowest MTU among the native devices. */
  private baseMtu(): number {
    const mtus = this.nativeDevices().map((d) => d.mtu);
    return mtus.length ? Math.min(...mtus) : 1500;
  }

  /** The devices Cilium attaches to: Ethernet devices with a global IPv4 address (eth0, eth1). */
  nativeDevices(): NetDevice[] {
    return [...this.netns.devices.values()].filter((d) => d.kind === 'ethernet' && d.addrs.some((a) => a.scope === 'global'));
  }

  routeContext(): NodeRouteContext | undefined {
    const host = this.devices?.ciliumHost;
    if (!host || !this.dp || !this.podCidr || this.routerIp === undefined) return undefined;
    return {
      netns: this.netns,
      ciliumHost: host,
      routerIp: this.routerIp,
      podCidr: this.podCidr,
      config: this.dp.config,
      routeMtu: this.dp.routeMtu,
      log: this.log,
      nodeName: this.nodeName,
    };
  }
}
