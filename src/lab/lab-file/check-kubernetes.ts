// Layer lab (lab file): semantic checks of `kubernetes:`: the control plane and per-node settings name
// real nodes, kubeadm's preflight errors (CPUs, memory, ip_forward) with kubeadm's own words, the
// service subnet's size and overlaps, join order, and Cilium's install time.

import { formatCidr, formatIpv4, overlaps } from '../../addr/index.js';
import { describeSubnet, didYouMean, hostAddresses, nodeHosts, type RawLab, type Report } from './check-context.js';
import { formatDuration } from './duration.js';

/** The control plane as the lab file names it, or the first node by default. */
export function controlPlaneName(lab: RawLab): string | undefined {
  return lab.kubernetes.controlPlane ?? nodeHosts(lab)[0]?.host.name;
}

function checkControlPlane(lab: RawLab, report: Report): void {
  const name = lab.kubernetes.controlPlane;
  const nodes = nodeHosts(lab).map((n) => n.host.name);
  if (name === undefined) return;
  const host = lab.hosts.find((h) => h.name === name);
  if (host === undefined) {
    report(['kubernetes', 'controlPlane'], 'control-plane-not-node', `no host named "${name}"${didYouMean(name, nodes)}; the control plane must be a host with role node (nodes: ${nodes.join(', ') || 'none'})`);
  } else if (host.role !== 'node') {
    report(['kubernetes', 'controlPlane'], 'control-plane-not-node', `${name} has role ${host.role}; the control plane must be a host with role node (nodes: ${nodes.join(', ') || 'none'})`);
  }
}

function checkPreflight(lab: RawLab, cp: string | undefined, report: Report): void {
  for (const { host, index } of nodeHosts(lab)) {
    if (host.name === cp && host.cpus < 2) {
      report(['hosts', index, 'cpus'], 'kubeadm-preflight', `kubeadm init fails preflight: [ERROR NumCPU]: the number of available CPUs ${host.cpus} is less than the required 2`);
    }
    if (host.name === cp && host.memoryMiB < 1700) {
      report(['hosts', index, 'memoryMiB'], 'kubeadm-preflight', `kubeadm init fails preflight: [ERROR Mem]: the system RAM (${host.memoryMiB} MB) is less than the minimum 1700 MB`);
    }
    const fwd = host.sysctl['net.ipv4.ip_forward'];
    if (fwd !== '1') {
      const verb = host.name === cp ? 'init' : 'join';
      report(
        fwd === undefined ? ['hosts', index, 'name'] : ['hosts', index, 'sysctl', 'net.ipv4.ip_forward'],
        'kubeadm-preflight',
        `kubeadm ${verb} fails preflight on node ${host.name}: [ERROR FileContent--proc-sys-net-ipv4-ip_forward]: /proc/sys/net/ipv4/ip_forward contents are not set to 1 (add sysctl: { net.ipv4.ip_forward: 1 })`,
      );
    }
  }
}

function checkNodes(lab: RawLab, cp: string | undefined, report: Report): void {
  const nodes = nodeHosts(lab);
  const names = nodes.map((n) => n.host.name);
  const cpJoined = cp === undefined ? undefined : lab.kubernetes.nodes[cp]?.joined;
  for (const [name, node] of Object.entries(lab.kubernetes.nodes)) {
    const host = lab.hosts.find((h) => h.name === name);
    if (host === undefined || host.role !== 'node') {
      const what = host === undefined ? `no host named "${name}"${didYouMean(name, names)}` : `host ${name} has role ${host.role}`;
      report(['kubernetes', 'nodes', name], 'unknown-host', `${what}; kubernetes.nodes lists hosts with role node (nodes: ${names.join(', ') || 'none'})`, { at: 'key' });
      continue;
    }
    if (node.nodeIP !== undefined) {
      const addrs = hostAddresses(host).filter((a) => !a.nat);
      if (hostAddresses(host).some((a) => a.nat && a.addr === node.nodeIP)) {
        report(['kubernetes', 'nodes', name, 'nodeIP'], 'node-ip', `${formatIpv4(node.nodeIP)} is the VirtualBox NAT address, which every VM has; nodes cannot reach each other at it (this is why the Vagrant lab passes kubelet --node-ip)`);
      } else if (!addrs.some((a) => a.addr === node.nodeIP)) {
        const list = addrs.map((a) => `${formatIpv4(a.addr)} (${a.dev})`).join(', ') || 'none';
        report(['kubernetes', 'nodes', name, 'nodeIP'], 'node-ip', `${formatIpv4(node.nodeIP)} is not an address of ${name} (its addresses: ${list}); kubelet says: failed to validate nodeIP: node IP: "${formatIpv4(node.nodeIP)}" not found in the host's network interfaces`);
      }
    }
    if (name !== cp && cpJoined !== undefined && node.joined < cpJoined) {
      report(['kubernetes', 'nodes', name, 'joined'], 'node-join-order', `${name} joined at ${formatDuration(node.joined)}, before the control plane ${cp ?? ''} (${formatDuration(cpJoined)}); workers join after kubeadm init`);
    }
  }
  for (const { host, index } of nodes) {
    if (lab.kubernetes.nodes[host.name]?.nodeIP !== undefined) continue;
    if (!hostAddresses(host).some((a) => !a.nat)) {
      report(['hosts', index, 'interfaces'], 'node-ip', `node ${host.name} has no address for its node IP (the VirtualBox NAT address does not count); give an interface on a network an address`);
    }
  }
  const installed = lab.cilium.installed;
  if (installed !== undefined && cpJoined !== undefined && installed < cpJoined) {
    report(['cilium', 'installed'], 'node-join-order', `${formatDuration(installed)} is before the control plane ${cp ?? ''} joined (${formatDuration(cpJoined)}); helm install runs after kubeadm init`);
  }
}

function checkSubnets(lab: RawLab, report: Report): void {
  const { serviceSubnet, podSubnet } = lab.kubernetes.networking;
  const path = ['kubernetes', 'networking', 'serviceSubnet'];
  const svc = `service subnet ${formatCidr(serviceSubnet)}`;
  if (serviceSubnet.prefixLen < 12) {
    report(path, 'service-subnet', `${formatCidr(serviceSubnet)}: specified service subnet is too large; for 32-bit addresses, the mask must be >= 12`);
  }
  lab.networks.forEach((n, i) => {
    if (!overlaps(serviceSubnet, n.cidr)) return;
    report(path, 'service-subnet-overlap', `${svc} overlaps network ${n.name} (${formatCidr(n.cidr)}); ClusterIPs would shadow node addresses`, { fallback: [['networks', i, 'cidr']] });
  });
  const reported = new Set<string>();
  lab.hosts.forEach((host, h) => {
    for (const a of hostAddresses(host)) {
      const key = formatCidr(a.subnet);
      if (reported.has(key) || lab.networks.some((n) => overlaps(n.cidr, a.subnet)) || !overlaps(serviceSubnet, a.subnet)) continue;
      reported.add(key);
      const at = ['hosts', h, 'interfaces', a.index, a.nat ? 'nat' : 'address'];
      report(path, 'service-subnet-overlap', `${svc} overlaps ${describeSubnet(host.name, a)}; ClusterIPs would shadow host addresses`, { fallback: [at] });
    }
  });
  if (podSubnet !== undefined && overlaps(podSubnet, serviceSubnet)) {
    report(['kubernetes', 'networking', 'podSubnet'], 'service-subnet-overlap', `pod subnet ${formatCidr(podSubnet)} overlaps ${svc}`);
  }
}

export function checkKubernetes(lab: RawLab, report: Report): void {
  const named = controlPlaneName(lab);
  const cp = lab.hosts.some((h) => h.name === named && h.role === 'node') ? named : nodeHosts(lab)[0]?.host.name;
  checkControlPlane(lab, report);
  checkPreflight(lab, cp, report);
  checkNodes(lab, cp, report);
  checkSubnets(lab, report);
}
