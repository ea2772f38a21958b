// Layer lab (lab file): semantic checks of Cilium's PodCIDR pool and the pins. The pool is
// ipam.operator.clusterPoolIPv4PodCIDRList cut into /clusterPoolIPv4MaskSize blocks (cluster-pool), or
// kubernetes.networking.podSubnet cut into /24s (ipam.mode kubernetes: kube-controller-manager's default).

import { broadcast, contains, covers, formatCidr, formatIpv4, ipv4, isNetworkAddress, network, overlaps, parseCidr, type Ipv4Cidr } from '../../addr/index.js';
import { describeSubnet, didYouMean, hostAddresses, nodeHosts, type FieldPath, type RawLab, type Report } from './check-context.js';
import { ciliumChartSettings, helmValueAt } from './cilium-values.js';

const LIST_PATH = ['cilium', 'values', 'ipam', 'operator', 'clusterPoolIPv4PodCIDRList'];
const MASK_PATH = ['cilium', 'values', 'ipam', 'operator', 'clusterPoolIPv4MaskSize'];

interface Pool {
  readonly cidrs: readonly Ipv4Cidr[];
  readonly maskSize: number;
  /** Where the pool is (or would be) written. */
  readonly path: FieldPath;
  readonly label: string;
}

/** Where to point when the pool is the chart default: the nearest enclosing section that is written. */
const POOL_FALLBACK: readonly FieldPath[] = [
  ['cilium', 'values', 'ipam', 'operator'],
  ['cilium', 'values', 'ipam'],
  ['cilium', 'values'],
  ['cilium'],
];

/** The pool as the lab file defines it; undefined (after reporting) when it is unusable. */
function podPool(lab: RawLab, report: Report): Pool | undefined {
  const s = ciliumChartSettings(lab.cilium.values);
  if (s.ipamMode !== 'kubernetes' && s.ipamMode !== 'cluster-pool') return undefined; // reported by checkCiliumValues
  if (s.ipamMode === 'kubernetes') {
    const podSubnet = lab.kubernetes.networking.podSubnet;
    if (podSubnet === undefined) {
      report(['cilium', 'values', 'ipam', 'mode'], 'pod-pool', 'ipam.mode kubernetes takes PodCIDRs from kubernetes.networking.podSubnet, which is not set');
      return undefined;
    }
    return { cidrs: [podSubnet], maskSize: 24, path: ['kubernetes', 'networking', 'podSubnet'], label: 'kubernetes.networking.podSubnet' };
  }
  const cidrs: Ipv4Cidr[] = [];
  let ok = true;
  const rawList = helmValueAt(lab.cilium.values, 'ipam.operator.clusterPoolIPv4PodCIDRList');
  s.clusterPoolIPv4PodCIDRList.forEach((text, i) => {
    const c = parseCidr(text);
    const path = Array.isArray(rawList) ? [...LIST_PATH, i] : LIST_PATH;
    if (c === undefined) report(path, 'pod-pool', `"${text}" is not an IPv4 prefix`);
    else if (!isNetworkAddress(c)) report(path, 'pod-pool', `${text} has host bits set (did you mean ${formatCidr(network(c))}?)`);
    else if (c.prefixLen > s.clusterPoolIPv4MaskSize) report(path, 'pod-pool', `${text} is smaller than one /${s.clusterPoolIPv4MaskSize} PodCIDR (clusterPoolIPv4MaskSize ${s.clusterPoolIPv4MaskSize})`);
    else cidrs.push(c);
    ok &&= c !== undefined && isNetworkAddress(c) && c.prefixLen <= s.clusterPoolIPv4MaskSize;
  });
  if (s.clusterPoolIPv4MaskSize < 1 || s.clusterPoolIPv4MaskSize > 30) {
    report(MASK_PATH, 'pod-pool', `clusterPoolIPv4MaskSize ${s.clusterPoolIPv4MaskSize} must be between 1 and 30 (a /31 or /32 has no room for pods)`);
    return undefined;
  }
  const label = `the pool ${s.clusterPoolIPv4PodCIDRList.join(', ')}${rawList === undefined ? ' (the chart default)' : ''}`;
  return ok ? { cidrs, maskSize: s.clusterPoolIPv4MaskSize, path: LIST_PATH, label } : undefined;
}

/**
 * The PodCIDR each node gets: its pin, else the lowest free /maskSize block of the pool, in node order
 * (the cluster-pool operator's first allocation). Nodes left without a block are absent.
 */
export function planPodCidrs(pool: readonly Ipv4Cidr[], maskSize: number, nodes: readonly string[], pinned: ReadonlyMap<string, Ipv4Cidr>): Map<string, Ipv4Cidr> {
  const out = new Map<string, Ipv4Cidr>();
  const taken = [...pinned.values()];
  const waiting = nodes.filter((n) => {
    const pin = pinned.get(n);
    if (pin !== undefined) out.set(n, pin);
    return pin === undefined;
  });
  for (const c of pool) {
    const step = 2 ** (32 - maskSize);
    for (let k = 0; k < 2 ** (maskSize - c.prefixLen) && waiting.length > 0; k++) {
      const block: Ipv4Cidr = { addr: ipv4(network(c).addr + k * step), prefixLen: maskSize };
      if (taken.some((t) => overlaps(t, block))) continue;
      const node = waiting.shift();
      if (node !== undefined) out.set(node, block);
    }
  }
  return out;
}

export function checkPodPool(lab: RawLab, report: Report): void {
  const pool = podPool(lab, report);
  const nodes = nodeHosts(lab);
  if (pool === undefined || nodes.length === 0) {
    if (pool === undefined) checkPins(lab, undefined, report);
    return;
  }
  const blocks = pool.cidrs.reduce((n, c) => n + 2 ** (pool.maskSize - c.prefixLen), 0);
  if (blocks < nodes.length) {
    report(
      pool.path,
      'pod-pool-too-small',
      `PodCIDR pool too small for the nodes: ${pool.label} with /${pool.maskSize} per node yields ${blocks} PodCIDR${blocks === 1 ? '' : 's'}, but the lab has ${nodes.length} nodes`,
      { fallback: POOL_FALLBACK },
    );
  }
  checkPins(lab, pool, report);
  checkPlannedCidrs(lab, pool, report);
}

/** Every PodCIDR a node will hold must stay clear of the service subnet and of every host's subnets. */
function checkPlannedCidrs(lab: RawLab, pool: Pool, report: Report): void {
  const pinned = new Map(Object.entries(lab.cilium.pins).map(([n, p]) => [n, p.podCIDR] as const));
  const plan = planPodCidrs(pool.cidrs, pool.maskSize, nodeHosts(lab).map((n) => n.host.name), pinned);
  const svc = lab.kubernetes.networking.serviceSubnet;
  for (const [node, block] of plan) {
    const isPinned = pinned.has(node);
    const path = isPinned ? ['cilium', 'pins', node, 'podCIDR'] : pool.path;
    const what = isPinned ? `${formatCidr(block)} (the PodCIDR of ${node})` : `${node} would get PodCIDR ${formatCidr(block)} from ${pool.label}, which`;
    const clash = (other: string) => `${what} overlaps ${other}${isPinned ? '' : '; set ipam.operator.clusterPoolIPv4PodCIDRList to a free range'}`;
    if (overlaps(block, svc)) report(path, 'pod-pool', clash(`the service subnet ${formatCidr(svc)}`), { fallback: POOL_FALLBACK });
    const seen = new Set<string>();
    lab.hosts.forEach((host) => {
      for (const a of hostAddresses(host)) {
        const key = formatCidr(a.subnet);
        if (!overlaps(block, a.subnet) || seen.has(key)) continue;
        seen.add(key);
        const net = lab.networks.find((n) => overlaps(n.cidr, a.subnet));
        report(path, 'pod-pool', clash(net ? `network ${net.name} (${formatCidr(net.cidr)})` : describeSubnet(host.name, a)), { fallback: POOL_FALLBACK });
      }
    });
  }
}

function checkPins(lab: RawLab, pool: Pool | undefined, report: Report): void {
  const nodeNames = nodeHosts(lab).map((n) => n.host.name);
  const seen = new Map<string, string>();
  for (const [node, pin] of Object.entries(lab.cilium.pins)) {
    const at = (field?: string): FieldPath => ['cilium', 'pins', node, ...(field === undefined ? [] : [field])];
    if (!nodeNames.includes(node)) {
      const what = lab.hosts.some((h) => h.name === node) ? `host ${node} is not a node (role node)` : `no node named "${node}"${didYouMean(node, nodeNames)}`;
      report(at(), 'unknown-host', `pin for an unknown node: ${what} (nodes: ${nodeNames.join(', ') || 'none'})`, { at: 'key' });
      continue;
    }
    const cidr = formatCidr(pin.podCIDR);
    if (pool !== undefined) {
      if (!pool.cidrs.some((c) => covers(c, pin.podCIDR))) {
        report(at('podCIDR'), 'pin', `${cidr} is outside ${pool.label}`);
      } else if (pin.podCIDR.prefixLen !== pool.maskSize) {
        report(at('podCIDR'), 'pin', `${cidr} is a /${pin.podCIDR.prefixLen}, but every PodCIDR is a /${pool.maskSize} (clusterPoolIPv4MaskSize)`);
      }
    }
    const other = seen.get(cidr);
    if (other !== undefined) report(at('podCIDR'), 'pin', `${cidr} is already pinned to ${other}; two nodes cannot share a PodCIDR`);
    else seen.set(cidr, node);
    const ip = pin.ciliumHostIP;
    if (ip === undefined) continue;
    if (!contains(pin.podCIDR, ip)) report(at('ciliumHostIP'), 'pin', `${formatIpv4(ip)} is not inside the node's podCIDR ${cidr}`);
    else if (ip === network(pin.podCIDR).addr) report(at('ciliumHostIP'), 'pin', `${formatIpv4(ip)} is the network address of ${cidr}; Cilium never allocates it`);
    else if (ip === broadcast(pin.podCIDR)) report(at('ciliumHostIP'), 'pin', `${formatIpv4(ip)} is the broadcast address of ${cidr}; Cilium never allocates it`);
  }
}
