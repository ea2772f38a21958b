// Layer lab (lab file): turns a checked lab file into a LabSpec: fills the defaults that depend on other
// fields (route dev, node IPs, NAT addresses, altnames, the control plane, Cilium's install time) and
// renames fields to carry units (latency -> latencyUs). Runs only after every check passed.

import { network, type Ipv4Addr } from '../../addr/index.js';
import { hostAddresses, nodeHosts, type RawHost, type RawLab } from './check-context.js';
import { controlPlaneName } from './check-kubernetes.js';
import { connectedSubnetFor } from './check-routes.js';
import { VBOX_ALTNAMES, VBOX_NAT } from './interface-schema.js';
import { DEFAULT_KERNEL_CONFIG } from './kernel-defaults.js';
import type { CiliumPinSpec, HostSpec, InterfaceSpec, KubeNodeSpec, LabSpec, RouteSpec } from './lab-spec.js';

function resolveInterfaces(host: RawHost): InterfaceSpec[] {
  let ethernet = 0;
  return host.interfaces.map((i): InterfaceSpec => {
    const altname = i.type === 'ethernet' ? (i.altname ?? VBOX_ALTNAMES[ethernet]) : i.altname;
    if (i.type === 'ethernet') ethernet++;
    return {
      name: i.name,
      type: i.type,
      nat: i.nat,
      network: i.nat ? undefined : i.network,
      address: i.nat ? VBOX_NAT.address : i.address,
      mtu: i.mtu,
      mac: i.mac,
      altname,
    };
  });
}

function resolveRoutes(host: RawHost): RouteSpec[] {
  const addrs = hostAddresses(host);
  return host.routes.map((r): RouteSpec => ({
    to: network(r.to),
    via: r.via,
    dev: r.dev ?? connectedSubnetFor(addrs, r.via)?.dev ?? '',
    metric: r.metric,
    onlink: r.onlink,
    proto: 'static',
  }));
}

function resolveHost(host: RawHost): HostSpec {
  return {
    name: host.name,
    role: host.role,
    cpus: host.cpus,
    memoryMiB: host.memoryMiB,
    os: host.os,
    kernel: { release: host.kernel.release, modules: host.kernel.modules, config: { ...DEFAULT_KERNEL_CONFIG, ...host.kernel.config } },
    interfaces: resolveInterfaces(host),
    routes: resolveRoutes(host),
    sysctl: host.sysctl,
    etcHosts: host.etcHosts,
    services: host.services,
  };
}

/** The node IP kubelet uses: the lab file's nodeIP, else the first non-NAT address. */
function defaultNodeIP(host: RawHost): Ipv4Addr {
  return hostAddresses(host).find((a) => !a.nat)?.addr ?? VBOX_NAT.address.addr;
}

export function resolveLab(lab: RawLab): LabSpec {
  const cp = controlPlaneName(lab);
  const nodes = nodeHosts(lab).map(({ host }): KubeNodeSpec => {
    const n = lab.kubernetes.nodes[host.name];
    return { name: host.name, nodeIP: n?.nodeIP ?? defaultNodeIP(host), joinedUs: n?.joined ?? 0, labels: n?.labels ?? {} };
  });
  const pins = nodes.flatMap(({ name }): CiliumPinSpec[] => {
    const p = lab.cilium.pins[name];
    return p === undefined ? [] : [{ node: name, podCIDR: p.podCIDR, ciliumHostIP: p.ciliumHostIP }];
  });
  const k = lab.kubernetes;
  return {
    name: lab.name,
    description: lab.description,
    seed: lab.seed,
    clock: { start: lab.clock.start.text, startUnixMs: lab.clock.start.unixMs, timezone: lab.clock.timezone },
    networks: lab.networks.map((n) => ({ name: n.name, cidr: n.cidr, latencyUs: n.latency, description: n.description ?? '' })),
    hosts: lab.hosts.map(resolveHost),
    kubernetes: {
      version: k.version,
      containerRuntimeVersion: k.containerRuntimeVersion,
      controlPlane: cp,
      networking: { serviceSubnet: k.networking.serviceSubnet, podSubnet: k.networking.podSubnet, dnsDomain: k.networking.dnsDomain },
      proxy: { disabled: k.proxy.disabled },
      kubeconfigContext: k.kubeconfigContext,
      removeControlPlaneTaint: k.removeControlPlaneTaint,
      nodes,
      addons: k.addons,
    },
    cilium: {
      version: lab.cilium.version,
      installedUs: lab.cilium.installed ?? nodes.find((n) => n.name === cp)?.joinedUs ?? 0,
      values: lab.cilium.values,
      pins,
    },
    workloads: lab.workloads,
  };
}
