// Layer lab: turns the hosts and networks of a lab file into machines: one L2 segment per network, a
// VirtualBox NAT uplink per eth0 (10.0.2.15/24 by DHCP: the address's prefix route and the dhcp routes to
// the default gateway 10.0.2.2 and to 10.0.2.2/10.0.2.3, all metric 100), Ethernet and dummy devices with
// their addresses and MTUs, netplan's static routes, sysctls and the modules loaded at boot.

import type { Ipv4Addr } from '../addr/index.js';
import { mac } from '../addr/index.js';
import { DummyDevice } from '../net/devices/dummy.js';
import { EthernetDevice } from '../net/devices/ethernet.js';
import { Machine } from '../net/machine.js';
import { NatUplink } from '../net/nat-uplink.js';
import type { NetContext } from '../net/net-context.js';
import type { NetDevice } from '../net/net-device.js';
import { Segment } from '../net/segment.js';
import type { Rng } from '../sim/index.js';
import type { HostSpec, InterfaceSpec, LabSpec } from './lab-file/index.js';
import { VBOX_NAT } from './lab-file/index.js';

/** DHCP lease of the NAT adapter: 86400 s, granted at boot. */
const DHCP_LEASE_S = 86400;

export interface BuiltHosts {
  readonly machines: Map<string, Machine>;
  readonly segments: Map<string, Segment>;
}

export function buildHosts(spec: LabSpec, ctx: NetContext, rng: Rng, bootUs: number): BuiltHosts {
  const segments = new Map<string, Segment>();
  for (const n of spec.networks) segments.set(n.name, new Segment({ name: n.name, latencyUs: n.latencyUs, jitterUs: Math.round(n.latencyUs / 4) }, ctx.scheduler, rng.fork(`segment/${n.name}`)));
  const machines = new Map<string, Machine>();
  for (const h of spec.hosts) machines.set(h.name, buildMachine(h, ctx, rng.fork(`host/${h.name}`), segments, bootUs));
  return { machines, segments };
}

function buildMachine(h: HostSpec, ctx: NetContext, rng: Rng, segments: Map<string, Segment>, bootUs: number): Machine {
  const m = new Machine(h.name, ctx, h.kernel.release, { firstPid: rng.int(800, 1400) });
  for (const mod of h.kernel.modules) m.modules.load(mod);
  const ns = m.root;
  for (const [k, v] of Object.entries(h.sysctl)) ns.sysctl.set(k, v);
  for (const i of h.interfaces) {
    const dev = makeDevice(i, rng);
    ns.addDevice(dev);
    if (dev instanceof EthernetDevice) {
      if (i.nat) dev.medium = new NatUplink(ctx.scheduler, VBOX_NAT.gateway, VBOX_NAT.dns);
      else if (i.network) segments.get(i.network)?.attach(dev);
    }
    ns.setUp(dev, true);
    if (i.nat) addNatAddress(m, dev, bootUs);
    else if (i.address) ns.addAddr(dev, i.address);
  }
  for (const r of h.routes) {
    ns.routeAdd({ dst: r.to, gateway: r.via, dev: ns.dev(r.dev), protocol: r.proto, metric: r.metric, onlink: r.onlink });
  }
  return m;
}

function makeDevice(i: InterfaceSpec, rng: Rng): NetDevice {
  const addr = i.mac ?? mac([0x08, 0x00, 0x27, rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)]);
  const opts = { name: i.name, mac: addr, mtu: i.mtu, ...(i.altname !== undefined ? { altnames: [i.altname] } : {}) };
  if (i.type === 'dummy') return new DummyDevice({ ...opts, qdisc: 'noqueue' });
  return new EthernetDevice({ ...opts, promiscPolicy: i.nat ? 'deny' : 'allow-all' });
}

/** systemd-networkd's DHCP lease on the NAT adapter, with the routes it installs (RouteMetric=100). */
function addNatAddress(m: Machine, dev: NetDevice, bootUs: number): void {
  const ns = m.root;
  const { gateway, dns, metric } = VBOX_NAT;
  const local = VBOX_NAT.address.addr;
  ns.addAddr(dev, VBOX_NAT.address, { metric, dynamic: true, validLftS: DHCP_LEASE_S, preferredLftS: DHCP_LEASE_S, sinceUs: bootUs });
  ns.routeAdd({ dst: { addr: 0 as Ipv4Addr, prefixLen: 0 }, gateway, dev, protocol: 'dhcp', prefsrc: local, metric });
  for (const host of [gateway, dns]) ns.routeAdd({ dst: { addr: host, prefixLen: 32 }, dev, protocol: 'dhcp', scope: 'link', prefsrc: local, metric });
}
