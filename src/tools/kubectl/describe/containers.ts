// Layer tools (kubectl): the container and volume sections of describe (describeContainers,
// describeContainerState, describeVolumes): ports, command and args, state with RFC 1123 times, Ready,
// Restart Count, requests and limits, probes, environment, mounts; volumes by source type.

import type { Container, ContainerState, ContainerStatus, Volume } from '../../../k8s/index.js';
import { formatQuantity, parseQuantity } from '../text/quantity.js';
import type { PrefixWriter } from './prefix-writer.js';
import { rfc1123z } from './prefix-writer.js';

type Rec = Record<string, unknown>;

function ports(c: Container, host: boolean): string {
  return (c.ports ?? []).map((p) => `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
}

function resources(w: PrefixWriter, r: Container['resources'], level: number): void {
  for (const [title, list] of [['Limits', r?.limits], ['Requests', r?.requests]] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length === 0) continue;
    w.write(level, `${title}:\n`);
    for (const n of names) {
      const q = parseQuantity(list?.[n] ?? '');
      w.write(level + 1, `${n}:\t${q ? formatQuantity(q) : (list?.[n] ?? '')}\n`);
    }
  }
}

function state(w: PrefixWriter, title: string, s: ContainerState, tz: string): void {
  if (s.running) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(s.running.startedAt, tz)}\n`);
  } else if (s.terminated) {
    const t = s.terminated;
    w.write(2, `${title}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt, tz)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt, tz)}\n`);
  } else {
    w.write(2, `${title}:\tWaiting\n`);
    if (s.waiting?.reason) w.write(3, `Reason:\t${s.waiting.reason}\n`);
  }
}

/** DescribeProbe: "http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3". */
function probe(p: Rec): string {
  const tail = `delay=${Number(p['initialDelaySeconds'] ?? 0)}s timeout=${Number(p['timeoutSeconds'] ?? 1)}s period=${Number(p['periodSeconds'] ?? 10)}s #success=${Number(p['successThreshold'] ?? 1)} #failure=${Number(p['failureThreshold'] ?? 3)}`;
  const http = p['httpGet'] as Rec | undefined;
  if (http) return `http-get ${String(http['scheme'] ?? 'HTTP').toLowerCase()}://${String(http['host'] ?? '')}:${String(http['port'] ?? '')}${String(http['path'] ?? '')} ${tail}`;
  const tcp = p['tcpSocket'] as Rec | undefined;
  if (tcp) return `tcp-socket ${String(tcp['host'] ?? '')}:${String(tcp['port'] ?? '')} ${tail}`;
  const exec = p['exec'] as Rec | undefined;
  if (exec) return `exec [${((exec['command'] as string[] | undefined) ?? []).join(' ')}] ${tail}`;
  return `unknown ${tail}`;
}

/** describeContainers(label, containers, statuses, ..., space). */
/** Resolves a downward-API field of the pod (EnvValueRetriever); templates resolve nothing. */
export type FieldResolver = (fieldPath: string) => string;

export function describeContainers(w: PrefixWriter, label: string, containers: readonly Container[], statuses: readonly ContainerStatus[] | undefined, space: string, tz: string, resolve: FieldResolver = () => ''): void {
  w.write(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  const indent = space ? ' ' : '';
  for (const c of containers) {
    const st = statuses?.find((s) => s.name === c.name);
    w.write(1, `${indent}${c.name}:\n`);
    if (st) w.write(2, `Container ID:\t${st.containerID ?? ''}\n`);
    w.write(2, `Image:\t${c.image ?? ''}\n`);
    if (st) w.write(2, `Image ID:\t${st.imageID}\n`);
    const p = ports(c, false);
    w.write(2, p.includes(',') ? `Ports:\t${p}\n` : `Port:\t${p || '<none>'}\n`);
    const hp = ports(c, true);
    w.write(2, hp.includes(',') ? `Host Ports:\t${hp}\n` : `Host Port:\t${hp || '<none>'}\n`);
    for (const [title, list] of [['Command', c.command], ['Args', c.args]] as const) {
      if (!list || list.length === 0) continue;
      w.write(2, `${title}:\n`);
      for (const arg of list) for (const s of arg.split('\n')) w.write(3, `${s}\n`);
    }
    if (st) {
      state(w, 'State', st.state, tz);
      if (st.lastState.terminated) state(w, 'Last State', st.lastState, tz);
      w.write(2, `Ready:\t${st.ready ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${st.restartCount}\n`);
    }
    resources(w, c.resources, 2);
    for (const [title, key] of [['Liveness', 'livenessProbe'], ['Readiness', 'readinessProbe'], ['Startup', 'startupProbe']] as const) {
      const pr = c[key];
      if (pr) w.write(2, `${title}:\t${probe(pr)}\n`);
    }
    const env = c.env ?? [];
    w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
    for (const e of env) {
      if (e.valueFrom === undefined) {
        (e.value ?? '').split('\n').forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
        continue;
      }
      const ref = e.valueFrom['fieldRef'] as Rec | undefined;
      const secretRef = e.valueFrom['secretKeyRef'] as Rec | undefined;
      const cmRef = e.valueFrom['configMapKeyRef'] as Rec | undefined;
      if (ref) w.write(3, `${e.name}:\t${resolve(String(ref['fieldPath'] ?? ''))} (${String(ref['apiVersion'] ?? '')}:${String(ref['fieldPath'] ?? '')})\n`);
      else if (secretRef) w.write(3, `${e.name}:\t<set to the key '${String(secretRef['key'] ?? '')}' in secret '${String(secretRef['name'] ?? '')}'>\tOptional: ${secretRef['optional'] === true}\n`);
      else if (cmRef) w.write(3, `${e.name}:\t<set to the key '${String(cmRef['key'] ?? '')}' of config map '${String(cmRef['name'] ?? '')}'>\tOptional: ${cmRef['optional'] === true}\n`);
    }
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1));
    w.write(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
    for (const m of mounts) w.write(3, `${m.mountPath} from ${m.name} (${[m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])].join(',')})\n`);
  }
}

/** describeVolumes for the volume sources the lab's pods use. */
export function describeVolumes(w: PrefixWriter, volumes: readonly Volume[] | undefined, space: string): void {
  if (!volumes || volumes.length === 0) return w.write(0, `${space}Volumes:\t<none>\n`);
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(1, `${space ? ' ' : ''}${v.name}:\n`);
    const hostPath = v['hostPath'] as Rec | undefined;
    const emptyDir = v['emptyDir'] as Rec | undefined;
    const secret = v['secret'] as Rec | undefined;
    const configMap = v['configMap'] as Rec | undefined;
    const projected = v['projected'] as { sources?: Rec[] } | undefined;
    if (hostPath) w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${String(hostPath['path'] ?? '')}\n    HostPathType:\t${String(hostPath['type'] ?? '<none>')}\n`);
    else if (emptyDir) w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${String(emptyDir['medium'] ?? '')}\n    SizeLimit:\t${String(emptyDir['sizeLimit'] ?? '<unset>')}\n`);
    else if (secret) w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${String(secret['secretName'] ?? '')}\n    Optional:\t${secret['optional'] === true}\n`);
    else if (configMap) w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${String(configMap['name'] ?? '')}\n    Optional:\t${configMap['optional'] === true}\n`);
    else if (projected) {
      w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const s of projected.sources ?? []) {
        const sec = s['secret'] as Rec | undefined;
        const cm = s['configMap'] as Rec | undefined;
        const token = s['serviceAccountToken'] as Rec | undefined;
        if (sec) w.write(2, `SecretName:\t${String(sec['name'] ?? '')}\n    Optional:\t${sec['optional'] === true}\n`);
        else if (s['downwardAPI']) w.write(2, 'DownwardAPI:\ttrue\n');
        else if (cm) w.write(2, `ConfigMapName:\t${String(cm['name'] ?? '')}\n    Optional:\t${cm['optional'] === true}\n`);
        else if (token) w.write(2, `TokenExpirationSeconds:\t${Number(token['expirationSeconds'] ?? 0)}\n`);
      }
    } else w.write(1, '<unknown>\n');
  }
}
