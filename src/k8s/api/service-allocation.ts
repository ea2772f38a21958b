// Layer k8s: what the Service REST storage does around writes (pkg/registry/core/service/storage
// alloc.go): allocate clusterIPs and nodePorts on create, keep them on update when the new object
// leaves them empty (patchAllocatedValues), release them on delete or type change.

import type { Service } from '../objects/core.js';
import { invalid, type K8sError } from '../errors.js';
import { invalidValue } from '../validation/field-error.js';
import { goStringSlice } from '../validation/go-format.js';
import type { NodePortAllocator, ServiceIpAllocator } from './service-ip-allocator.js';

export interface ServiceAllocators {
  readonly ips: ServiceIpAllocator;
  readonly nodePorts: NodePortAllocator;
}

function needsNodePorts(svc: Service): boolean {
  return svc.spec.type === 'NodePort' || (svc.spec.type === 'LoadBalancer' && svc.spec.allocateLoadBalancerNodePorts !== false);
}

function allocateIp(svc: Service, a: ServiceAllocators): K8sError | undefined {
  const spec = svc.spec;
  if (spec.type === 'ExternalName') return undefined;
  if (spec.clusterIP === 'None') {
    spec.clusterIPs = ['None'];
    return undefined;
  }
  const requested = spec.clusterIP;
  const r = requested ? a.ips.allocate(requested) : a.ips.allocateNext();
  if (!r.ok) {
    const shown = requested ? goStringSlice(spec.clusterIPs ?? [requested]) : '[]string(nil)';
    const detail = requested ? `failed to allocate IP ${requested}: ${r.error}` : `failed to allocate a serviceIP: ${r.error}`;
    return invalid('Service', svc.metadata.name ?? '', [invalidValue('spec.clusterIPs', { goSyntax: shown }, detail)]);
  }
  spec.clusterIP = r.ip;
  spec.clusterIPs = [r.ip];
  return undefined;
}

function allocateNodePorts(svc: Service, a: ServiceAllocators, taken: ReadonlySet<number>): K8sError | undefined {
  if (!needsNodePorts(svc)) return undefined;
  const mine: number[] = [];
  const fail = (i: number, bad: number, msg: string): K8sError => {
    for (const p of mine) a.nodePorts.release(p);
    return invalid('Service', svc.metadata.name ?? '', [invalidValue(`spec.ports[${i}].nodePort`, bad, msg)]);
  };
  for (const [i, p] of (svc.spec.ports ?? []).entries()) {
    if (p.nodePort !== undefined && taken.has(p.nodePort)) continue;
    if (p.nodePort !== undefined) {
      const r = a.nodePorts.allocate(p.nodePort);
      if (!r.ok) return fail(i, p.nodePort, r.error);
      mine.push(p.nodePort);
    } else {
      const port = a.nodePorts.allocateNext();
      if (port === undefined) return fail(i, 0, 'range is full');
      mine.push(port);
      p.nodePort = port;
    }
  }
  return undefined;
}

/** Allocates on create; returns the error to throw, with nothing left allocated. */
export function allocateForCreate(svc: Service, a: ServiceAllocators): K8sError | undefined {
  const ipErr = allocateIp(svc, a);
  if (ipErr) return ipErr;
  const npErr = allocateNodePorts(svc, a, new Set());
  if (npErr) for (const ip of svc.spec.clusterIPs ?? []) if (ip !== 'None') a.ips.release(ip);
  return npErr;
}

/** On update: keep the old allocations where the new object is silent, allocate new node ports. */
export function allocateForUpdate(svc: Service, old: Service, a: ServiceAllocators): K8sError | undefined {
  const spec = svc.spec;
  if (spec.type !== 'ExternalName' && !spec.clusterIP && old.spec.clusterIP) {
    spec.clusterIP = old.spec.clusterIP;
    spec.clusterIPs = old.spec.clusterIPs ?? [old.spec.clusterIP];
  }
  const oldPorts = new Set((old.spec.ports ?? []).map((p) => p.nodePort).filter((p): p is number => p !== undefined));
  if (needsNodePorts(svc))
    for (const p of spec.ports ?? []) {
      const same = (old.spec.ports ?? []).find((o) => o.port === p.port && o.protocol === p.protocol);
      if (p.nodePort === undefined && same?.nodePort !== undefined) p.nodePort = same.nodePort;
    }
  if (spec.type === 'ExternalName' && old.spec.clusterIP && old.spec.clusterIP !== 'None') a.ips.release(old.spec.clusterIP);
  if (spec.type !== 'ExternalName' && !spec.clusterIP) {
    const err = allocateIp(svc, a);
    if (err) return err;
  }
  return allocateNodePorts(svc, a, oldPorts);
}

/** Releases node ports the update dropped. */
export function releaseDropped(svc: Service, old: Service, a: ServiceAllocators): void {
  const kept = new Set((svc.spec.ports ?? []).map((p) => p.nodePort));
  for (const p of old.spec.ports ?? []) if (p.nodePort !== undefined && !kept.has(p.nodePort)) a.nodePorts.release(p.nodePort);
}

export function releaseAll(svc: Service, a: ServiceAllocators): void {
  for (const ip of svc.spec.clusterIPs ?? []) if (ip !== 'None') a.ips.release(ip);
  for (const p of svc.spec.ports ?? []) if (p.nodePort !== undefined) a.nodePorts.release(p.nodePort);
}
