// Layer k8s: Pod defaulting as the apiserver applies it (pkg/apis/core/v1/defaults.go SetDefaults_Pod,
// SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_Probe ...), so `kubectl get pod -o yaml`
// shows restartPolicy, dnsPolicy, imagePullPolicy, terminationMessagePath and friends. Admission
// plugins (ServiceAccount, DefaultTolerationSeconds, Priority) are in api/admission.ts. Frozen (stored,
// already defaulted) parts are skipped: drafts share them with the stored objects.

import { isRecord } from '../objects/json.js';
import type { Container, PodSpec, PodTemplateSpec } from '../objects/pod.js';

/** SetDefaults_Container's pull policy: Always for `:latest` or untagged images, else IfNotPresent. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const tail = image.slice(lastSlash + 1);
  const colon = tail.lastIndexOf(':');
  if (colon < 0) return 'Always';
  return tail.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(p: unknown): void {
  if (!isRecord(p) || Object.isFrozen(p)) return;
  p['timeoutSeconds'] ??= 1;
  p['periodSeconds'] ??= 10;
  p['successThreshold'] ??= 1;
  p['failureThreshold'] ??= 3;
  const http = p['httpGet'];
  if (isRecord(http)) http['scheme'] ??= 'HTTP';
}

export function defaultContainer(c: Container, hostNetwork: boolean): void {
  if (Object.isFrozen(c)) return;
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  // parsers.ParseImageName fails on an empty image: no "latest" tag, so IfNotPresent.
  c.imagePullPolicy ??= c.image ? defaultPullPolicy(c.image) : 'IfNotPresent';
  c.resources ??= {};
  for (const p of c.ports ?? []) {
    if (Object.isFrozen(p)) continue;
    p.protocol ??= 'TCP';
    if (hostNetwork) p.hostPort ??= p.containerPort;
  }
  for (const e of c.env ?? []) {
    const ref = isRecord(e.valueFrom) ? e.valueFrom['fieldRef'] : undefined;
    if (isRecord(ref)) ref['apiVersion'] ??= 'v1';
  }
  defaultProbe(c.readinessProbe);
  defaultProbe(c.livenessProbe);
  defaultProbe(c.startupProbe);
}

function defaultVolumes(spec: PodSpec): void {
  for (const v of spec.volumes ?? []) {
    if (Object.isFrozen(v)) continue;
    for (const src of ['configMap', 'secret', 'projected', 'downwardAPI'] as const) {
      const s = v[src];
      if (isRecord(s)) s['defaultMode'] ??= 420;
    }
    const hp = v['hostPath'];
    if (isRecord(hp)) hp['type'] ??= '';
    if (v['emptyDir'] === null) v['emptyDir'] = {};
  }
}

/**
 * SetDefaults_PodSpec + containers (shared by pods and pod templates). Also the v1 conversion of the
 * deprecated serviceAccount field: serviceAccountName falls back to it, and it mirrors serviceAccountName.
 */
export function defaultPodSpec(spec: PodSpec): void {
  if (Object.isFrozen(spec)) return;
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ??= 'default-scheduler';
  const hostNetwork = spec.hostNetwork === true;
  for (const c of spec.initContainers ?? []) defaultContainer(c, hostNetwork);
  for (const c of spec.containers ?? []) defaultContainer(c, hostNetwork);
  defaultVolumes(spec);
}

/** SetDefaults_Pod: the pod-only defaults on top of the spec ones. */
export function defaultPodOnly(spec: PodSpec): void {
  // Limits without requests: requests default to the limits (written only when one is missing; a
  // container shared with the stored template is replaced by a copy, not edited).
  const withRequests = (c: Container): Container => {
    const limits = c.resources?.limits;
    if (limits === undefined || c.resources === undefined) return c;
    const requests = c.resources.requests ?? {};
    if (!Object.keys(limits).some((k) => !(k in requests))) return c;
    return { ...c, resources: { ...c.resources, requests: { ...limits, ...requests } } };
  };
  const fix = (cs: Container[] | undefined): Container[] | undefined => {
    const out = cs?.map(withRequests);
    return out !== undefined && out.some((c, i) => c !== cs?.[i]) ? out : cs;
  };
  const containers = fix(spec.containers);
  if (containers !== spec.containers && containers !== undefined) spec.containers = containers;
  const init = fix(spec.initContainers);
  if (init !== spec.initContainers && init !== undefined) spec.initContainers = init;
  spec.enableServiceLinks ??= true;
}

/** A template's metadata marshals `creationTimestamp: null` (a zero metav1.Time) in apps/v1 objects. */
export function defaultPodTemplate(t: PodTemplateSpec): void {
  if (Object.isFrozen(t)) return;
  t.metadata ??= {};
  if (!('creationTimestamp' in t.metadata)) t.metadata['creationTimestamp'] = null;
  if (t.spec !== undefined) defaultPodSpec(t.spec);
}
