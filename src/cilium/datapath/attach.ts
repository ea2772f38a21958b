// Layer cilium: what the agent's datapath (re)initialisation does to the node (pkg/datapath/loader): the
// cilium_host/cilium_net veth pair with the router IP as a /32, the tunnel device of the configured protocol
// (the other one, or both in native mode, removed), and the BPF programs on every device: cil_from_host /
// cil_to_host on cilium_host, cil_to_host on cilium_net, cil_from_netdev / cil_to_netdev on the native
// devices, cil_from_overlay / cil_to_overlay on the tunnel device, cil_from_container on each lxc.

import { VethDevice } from '../../net/devices/veth.js';
import { TunnelDevice } from '../../net/devices/tunnel-device.js';
import type { NetDevice } from '../../net/net-device.js';
import type { CiliumAgent } from '../agent.js';
import { randomMac } from './mac.js';
import { fromContainer } from './bpf-lxc.js';
import { fromHost, toHost } from './bpf-host.js';
import { fromNetdev, toNetdev } from './bpf-netdev.js';
import { fromOverlay, toOverlay } from './bpf-overlay.js';
import { installSockLb } from './bpf-sock.js';

export interface AgentDevices {
  readonly ciliumHost: VethDevice;
  readonly ciliumNet: VethDevice;
  readonly tunnel: TunnelDevice | undefined;
  readonly native: readonly NetDevice[];
}

export function attachDatapath(agent: CiliumAgent): AgentDevices {
  const ns = agent.netns;
  const dp = agent.dp;
  if (!dp || agent.routerIp === undefined) throw new Error('attachDatapath before the agent has a config and router IP');
  const rng = agent.rng.fork(`devices/${agent.startedAtUs}`);
  let host = ns.dev('cilium_host') as VethDevice | undefined;
  let net = ns.dev('cilium_net') as VethDevice | undefined;
  if (!host || !net) {
    [net, host] = VethDevice.pair({ name: 'cilium_net', mac: randomMac(rng), noArp: true }, { name: 'cilium_host', mac: randomMac(rng), noArp: true });
    ns.addDevice(net);
    ns.addDevice(host);
  }
  host.mtu = dp.deviceMtu;
  net.mtu = dp.deviceMtu;
  ns.setUp(net, true);
  ns.setUp(host, true);
  if (!host.addrs.some((a) => a.local === agent.routerIp)) ns.addAddr(host, { addr: agent.routerIp, prefixLen: 32 });
  host.tcEgress = fromHost(agent);
  host.tcIngress = toHost(agent);
  net.tcIngress = toHost(agent);
  const tunnel = setupTunnel(agent, rng);
  if (tunnel) {
    tunnel.tcIngress = fromOverlay(agent);
    tunnel.tcEgress = toOverlay(agent);
  }
  const native = agent.nativeDevices();
  for (const d of native) {
    d.tcIngress = fromNetdev(agent);
    d.tcEgress = toNetdev(agent);
  }
  for (const ep of agent.endpoints.values()) {
    ep.lxc.tcIngress = fromContainer(agent);
    installSockLb(agent, ep.podNetns);
  }
  installSockLb(agent, ns);
  return { ciliumHost: host, ciliumNet: net, tunnel, native };
}

function setupTunnel(agent: CiliumAgent, rng: import('../../sim/index.js').Rng): TunnelDevice | undefined {
  const ns = agent.netns;
  const dp = agent.dp;
  const want = dp?.config.routingMode === 'tunnel' ? dp.config.tunnelProtocol : undefined;
  for (const name of ['cilium_vxlan', 'cilium_geneve']) {
    const d = ns.dev(name);
    if (d instanceof TunnelDevice && d.kind !== want) ns.deleteDevice(d);
  }
  if (!want || !dp) return undefined;
  const name = `cilium_${want}`;
  const existing = ns.dev(name);
  if (existing instanceof TunnelDevice) return existing;
  // Creating the link makes the kernel load the module on demand (request_module "rtnl-link-vxlan").
  agent.machine.modules.load(want);
  // setupTunnelDevice's netlink.LinkAttrs leaves TxQLen 0, which the kernel takes: the seed's cilium_vxlan has no "qlen".
  const dev = new TunnelDevice({ name, mac: randomMac(rng), mtu: dp.deviceMtu, txqlen: 0, protocol: want, dstPort: dp.config.tunnelPort });
  ns.addDevice(dev);
  ns.setUp(dev, true);
  return dev;
}
