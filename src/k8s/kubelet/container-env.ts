// Layer k8s (kubelet): the environment a container's processes get (kubelet_pods.go makeEnvironmentVariables
// and envvars.FromServices): the container's `env` (values, fieldRef, configMapKeyRef) and, for every Service
// with a cluster IP that existed when the container started (its namespace's when enableServiceLinks, plus
// default/kubernetes), NAME_SERVICE_HOST, NAME_SERVICE_PORT[_PORTNAME] and the Docker-link NAME_PORT_* set.
// The kubelet merges them through a Go map, so the real order varies; here it is env first, then by Service.

import type { ApiServer } from '../api/api-server.js';
import type { Service } from '../objects/core.js';
import type { Container, EnvVar, Pod } from '../objects/pod.js';

/** makeEnvVariableName: upper case, '-' as '_'. */
const envName = (s: string): string => s.toUpperCase().replaceAll('-', '_');

/** envvars.FromServices for one Service (none when its cluster IP is unset or "None"). */
function serviceEnv(svc: Service): [string, string][] {
  const ip = svc.spec?.clusterIP;
  const ports = svc.spec?.ports ?? [];
  if (!ip || ip === 'None' || ports.length === 0) return [];
  const prefix = envName(svc.metadata.name ?? '');
  const out: [string, string][] = [[`${prefix}_SERVICE_HOST`, ip], [`${prefix}_SERVICE_PORT`, String(ports[0]?.port ?? 0)]];
  for (const p of ports) if (p.name) out.push([`${prefix}_SERVICE_PORT_${envName(p.name)}`, String(p.port)]);
  ports.forEach((p, i) => {
    const proto = (p.protocol ?? 'TCP').toLowerCase();
    const url = `${proto}://${ip}:${p.port}`;
    if (i === 0) out.push([`${prefix}_PORT`, url]);
    const pp = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
    out.push([pp, url], [`${pp}_PROTO`, proto], [`${pp}_PORT`, String(p.port)], [`${pp}_ADDR`, ip]);
  });
  return out;
}

/** A fieldRef path as the downward API resolves it (undefined for what the lab does not keep). */
function fieldValue(pod: Pod, path: string): string | undefined {
  const label = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (label) return (label[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[label[2] ?? ''];
  const fields: Record<string, string | undefined> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace,
    'metadata.uid': pod.metadata.uid,
    'spec.nodeName': pod.spec.nodeName,
    'spec.serviceAccountName': pod.spec.serviceAccountName,
    'status.hostIP': pod.status?.hostIP,
    'status.podIP': pod.status?.podIP,
  };
  return fields[path];
}

function envValue(api: ApiServer, pod: Pod, e: EnvVar): string | undefined {
  if (e.value !== undefined) return e.value;
  const from = e.valueFrom as { fieldRef?: { fieldPath?: string }; configMapKeyRef?: { name?: string; key?: string } } | undefined;
  if (from?.fieldRef?.fieldPath) return fieldValue(pod, from.fieldRef.fieldPath);
  const ref = from?.configMapKeyRef;
  if (ref?.name && ref.key) return (api.tryGet('ConfigMap', pod.metadata.namespace, ref.name) as { data?: Record<string, string> } | undefined)?.data?.[ref.key];
  return undefined;
}

/**
 * The variables the kubelet sets for `container` (the image's PATH and the runtime's HOSTNAME and HOME
 * are the caller's). Services count when created before `startedAtMs` (the container's start).
 */
export function containerEnv(api: ApiServer, pod: Pod, container: Container, startedAtMs: number): [string, string][] {
  const out: [string, string][] = [];
  const seen = new Set<string>();
  for (const e of container.env ?? []) {
    const v = envValue(api, pod, e);
    if (v === undefined || seen.has(e.name)) continue;
    seen.add(e.name);
    out.push([e.name, v]);
  }
  const ns = pod.metadata.namespace ?? 'default';
  const existed = (s: Service) => Date.parse(s.metadata.creationTimestamp ?? '') <= startedAtMs;
  const services = (pod.spec.enableServiceLinks ?? true) ? api.list('Service', { namespace: ns }).filter(existed) : [];
  const master = api.tryGet('Service', 'default', 'kubernetes') as Service | undefined;
  if (master && existed(master) && !services.some((s) => s.metadata.uid === master.metadata.uid)) services.push(master);
  services.sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
  for (const s of services) for (const [k, v] of serviceEnv(s)) if (!seen.has(k)) out.push([k, v]);
  return out;
}
