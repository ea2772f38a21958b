// Layer tools (kubectl): the core/v1 and discovery tables of pkg/printers/internalversion/printers.go —
// Node (STATUS from Ready, ROLES from node-role.kubernetes.io/* labels; wide: addresses and nodeInfo),
// Service (EXTERNAL-IP by type, PORT(S) "80/TCP" or "80:30003/TCP"), Endpoints and EndpointSlice (first three
// addresses, then "+ N more..."), Namespace, ConfigMap, Secret, ServiceAccount, Lease.

import type { EndpointSlice, Endpoints, Node, Service } from '../../../k8s/index.js';
import { age, formatLabels } from './format.js';
import type { Cell, Column } from './table.js';

const NAME: Column = { name: 'Name', format: 'name' };
const AGE: Column = { name: 'Age' };

export const NODE_COLUMNS: readonly Column[] = [
  NAME, { name: 'Status' }, { name: 'Roles' }, AGE, { name: 'Version' }, { name: 'Internal-IP', priority: 1 }, { name: 'External-IP', priority: 1 },
  { name: 'OS-Image', priority: 1 }, { name: 'Kernel-Version', priority: 1 }, { name: 'Container-Runtime', priority: 1 },
];

export function nodeRoles(n: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(n.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/') && k.length > 'node-role.kubernetes.io/'.length) roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

export function nodeStatus(n: Node): string {
  const ready = (n.status?.conditions ?? []).find((c) => c.type === 'Ready');
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (n.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

export function nodeRow(n: Node, wide: boolean, nowMs: number): Cell[] {
  const info = n.status?.nodeInfo;
  const cells: Cell[] = [n.metadata.name ?? '', nodeStatus(n), nodeRoles(n).join(',') || '<none>', age(n.metadata.creationTimestamp, nowMs), info?.kubeletVersion ?? ''];
  if (wide) {
    const addr = (t: string): string => n.status?.addresses?.find((a) => a.type === t)?.address ?? '<none>';
    cells.push(addr('InternalIP'), addr('ExternalIP'), info?.osImage || '<unknown>', info?.kernelVersion || '<unknown>', info?.containerRuntimeVersion || '<unknown>');
  }
  return cells;
}

export const SERVICE_COLUMNS: readonly Column[] = [NAME, { name: 'Type' }, { name: 'Cluster-IP' }, { name: 'External-IP' }, { name: 'Port(s)' }, AGE, { name: 'Selector', priority: 1 }];

/** getServiceExternalIP. */
export function serviceExternalIp(svc: Service, wide: boolean): string {
  const ext = svc.spec.externalIPs ?? [];
  switch (svc.spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return ext.length > 0 ? ext.join(',') : '<none>';
    case 'LoadBalancer': {
      const ips = [...new Set((svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter((x) => x !== ''))].sort();
      let lb = ips.join(',');
      if (!wide && lb.length > 16) lb = `${lb.slice(0, 13)}...`;
      if (ext.length > 0) return [...(lb ? lb.split(',') : []), ...ext].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
  }
}

export function servicePorts(svc: Service): string {
  return (svc.spec.ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`)).join(',');
}

export function serviceRow(svc: Service, wide: boolean, nowMs: number): Cell[] {
  const cells: Cell[] = [svc.metadata.name ?? '', svc.spec.type ?? '', svc.spec.clusterIPs?.[0] ?? '<none>', serviceExternalIp(svc, wide), servicePorts(svc) || '<none>', age(svc.metadata.creationTimestamp, nowMs)];
  if (wide) cells.push(formatLabels(svc.spec.selector));
  return cells;
}

export const ENDPOINTS_COLUMNS: readonly Column[] = [NAME, { name: 'Endpoints' }, AGE];

/** formatEndpoints(endpoints, nil). */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  let more = false;
  for (const ss of subsets) {
    const addrs = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    const groups = ports.length === 0 ? [undefined] : ports.map((p) => p.port);
    for (const port of groups) {
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === 3) {
          more = true;
          break;
        }
        list.push(port === undefined ? a.ip : `${a.ip.includes(':') ? `[${a.ip}]` : a.ip}:${port}`);
      }
    }
    // headless (no ports): stop counting once past the three shown, as printers.go does
    if (ports.length === 0 && count > 3) break;
  }
  return more ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

export const endpointsRow = (ep: Endpoints, _wide: boolean, nowMs: number): Cell[] => [ep.metadata.name ?? '', formatEndpoints(ep), age(ep.metadata.creationTimestamp, nowMs)];

export const ENDPOINTSLICE_COLUMNS: readonly Column[] = [NAME, { name: 'AddressType' }, { name: 'Ports' }, { name: 'Endpoints' }, AGE];

function listWithMore(items: readonly string[]): string {
  if (items.length > 3) return `${items.slice(0, 3).join(',')} + ${items.length - 3} more...`;
  return items.length === 0 ? '<unset>' : items.join(',');
}

export function endpointSliceRow(s: EndpointSlice, _wide: boolean, nowMs: number): Cell[] {
  const ports = (s.ports ?? []).map((p) => (p.port !== undefined ? String(p.port) : (p.name ?? '*')));
  const addrs = (s.endpoints ?? []).flatMap((e) => e.addresses);
  return [s.metadata.name ?? '', s.addressType, listWithMore(ports), listWithMore(addrs), age(s.metadata.creationTimestamp, nowMs)];
}
