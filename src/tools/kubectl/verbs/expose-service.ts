// Layer tools (kubectl): the Service `kubectl expose` builds (expose.go's createService): ports from --port
// (several become port-1, port-2...), protocols per port from the exposed object, the target port (the
// port itself unless --target-port), the selector and labels parsed from "k=v,k2=v2".

import type { GenericObject } from '../../../k8s/index.js';
import { KubectlError } from '../cli/errors.js';

export interface ServiceParams {
  readonly name: string;
  readonly selector: string;
  /** One port, or a comma-separated list introspected from the object. */
  readonly port: string;
  readonly protocol: string;
  /** "80/TCP,53/UDP" as makeProtocols writes it; empty for none. */
  readonly protocols: string;
  readonly targetPort: string;
  readonly labels: string;
  readonly type: string;
  readonly clusterIP?: string;
  readonly externalIP?: string;
  readonly sessionAffinity?: string;
}

/** expose.go's parseLabels (generate.ParseLabels has the same texts). */
export function parseLabelSpec(spec: string): Record<string, string> {
  if (spec === '') throw new KubectlError('no label spec passed');
  const out: Record<string, string> = {};
  for (const item of spec.split(',')) {
    const kv = item.split('=');
    if (kv.length !== 2) throw new KubectlError(`unexpected label spec: ${item}`);
    if (kv[0] === '') throw new KubectlError('unexpected empty label key');
    out[kv[0] ?? ''] = kv[1] ?? '';
  }
  return out;
}

function parseProtocols(protocols: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const item of protocols.split(',')) {
    const pp = item.split('/');
    if (pp.length !== 2) throw new KubectlError(`unexpected port protocol mapping: ${item}`);
    if (pp[0] === '') throw new KubectlError('unexpected empty port');
    if (pp[1] === '') throw new KubectlError('unexpected empty protocol');
    m.set(pp[0] ?? '', [...(m.get(pp[0] ?? '') ?? []), pp[1] ?? '']);
  }
  return m;
}

/** createService: the Service object (typed, so `creationTimestamp: null` and `status.loadBalancer: {}`). */
export function buildService(p: ServiceParams): GenericObject {
  if (p.selector === '') throw new KubectlError('selector must be specified');
  const selector = parseLabelSpec(p.selector);
  const labels = p.labels === '' ? undefined : parseLabelSpec(p.labels);
  if (p.name === '') throw new KubectlError('name must be specified');
  const protoMap = p.protocols === '' ? new Map<string, string[]>() : parseProtocols(p.protocols);
  const ports: Record<string, unknown>[] = [];
  const portStrings = p.port === '' ? [] : p.port.split(',');
  portStrings.forEach((ps, i) => {
    if (!/^[+-]?[0-9]+$/.test(ps)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(ps)}: invalid syntax`);
    const port = Number(ps);
    const name = portStrings.length > 1 ? `port-${i + 1}` : undefined;
    let protocol = p.protocol;
    if (protocol === '') {
      const found = protoMap.get(ps) ?? [];
      if (found.length > 1) {
        for (const proto of found) ports.push({ name: `port-${i + 1}-${proto.toLowerCase()}`, port, protocol: proto });
        return;
      }
      protocol = found[0] ?? 'TCP';
    }
    ports.push({ ...(name ? { name } : {}), port, protocol });
  });
  const target = p.targetPort === '' ? undefined : /^[0-9]+$/.test(p.targetPort) ? Number(p.targetPort) : p.targetPort;
  for (const port of ports) port['targetPort'] = target ?? port['port'];
  const spec: Record<string, unknown> = { ...(ports.length > 0 ? { ports } : {}), selector };
  if (p.externalIP) spec['externalIPs'] = [p.externalIP];
  if (p.type) spec['type'] = p.type;
  if (p.sessionAffinity) {
    if (!['None', 'ClientIP'].includes(p.sessionAffinity)) throw new KubectlError(`unknown session affinity: ${p.sessionAffinity}`);
    spec['sessionAffinity'] = p.sessionAffinity;
  }
  if (p.clusterIP) spec['clusterIP'] = p.clusterIP;
  const metadata = { creationTimestamp: null, ...(labels ? { labels } : {}), name: p.name };
  return { apiVersion: 'v1', kind: 'Service', metadata, spec, status: { loadBalancer: {} } } as unknown as GenericObject;
}
