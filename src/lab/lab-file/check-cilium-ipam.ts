// Layer lab (lab file): semantic checks of Cilium's PodCIDR pool and the pins. The pool is
// ipam.operator.clusterPoolIPv4PodCIDRList cut into /clusterPoolIPv4MaskSize blocks (cluster-pool), or
// kubernetes.networking.podSubnet cut into /24s (ipam.mode kubernetes: kube-controller-manager's default).

import { broadcast, contains, covers, formatCidr, formatIpv4, isNetworkAddress, network, overlaps, parseCidr, type Ipv4Cidr } from '../../addr/index.js';
import { describeSubnet, didYouMean, hostAddresses, nodeHosts, type FieldPath, type RawLab, type Report } from './check-context.js';
import { ciliumChartSettings, helmValueAt } from './cilium-values.js';

const LIST_PATH = ['cilium', 'values', 'ipam', 'operator', 'clusterPoolIPv4PodCIDRList'];
const MASK_PATH = ['cilium', 'values', 'ipam', 'operator', 'clusterPoolIPv4MaskSize'];

interface Pool {
  readonly cidrs: readonly Ipv4Cidr[];
  readonly maskSize: number;
  /** Where the pool is written (for messages and positions). */
  readonly path: FieldPath;
  readonly label: string;
}

/** The pool as the lab file defines it; undefined (after reporting) when it is unusable. */
function podPool(lab: RawLab, report: Report): Pool | undefined {
  const s = ciliumChartSettings(lab.cilium.values);
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
  const path = rawList === undefined ? ['cilium', 'values'] : LIST_PATH;
  const label = `the pool ${s.clusterPoolIPv4PodCIDRList.join(', ')}${rawList === undefined ? ' (the chart default)' : ''}`;
  return ok ? { cidrs, maskSize: s.clusterPoolIPv4MaskSize, path, label } : undefined;
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
    );
  }
  for (const c of pool.cidrs) {
    const svc = lab.kubernetes.networking.serviceSubnet;
    if (overlaps(c, svc)) report(pool.path, 'pod-pool', `${formatCidr(c)} overlaps kubernetes.networking.serviceSubnet ${formatCidr(svc)}`);
    for (const n of lab.networks) {
      if (overlaps(c, n.cidr)) report(pool.path, 'pod-pool', `${formatCidr(c)} overlaps network ${n.name} (${formatCidr(n.cidr)}): pod and node addresses would collide`);
    }
    const reported = new Set<string>();
    for (const host of lab.hosts) {
      for (const a of hostAddresses(host)) {
        const key = formatCidr(a.subnet);
        if (!overlaps(c, a.subnet) || reported.has(key) || lab.networks.some((n) => overlaps(n.cidr, a.subnet))) continue;
        reported.add(key);
        report(pool.path, 'pod-pool', `${formatCidr(c)} overlaps ${describeSubnet(host.name, a)}: a node could get a PodCIDR inside it`);
      }
    }
  }
  checkPins(lab, pool, report);
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
