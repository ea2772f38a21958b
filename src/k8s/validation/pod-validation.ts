// Layer k8s: Pod spec validation (pkg/apis/core/validation/validation.go ValidatePodSpec and the
// container, port, toleration and affinity checks it calls), reduced to what manifests in this lab
// can get wrong, with the same field paths and messages.

import type { Affinity, Container, PodSpec, PodTemplateSpec, Toleration } from '../objects/pod.js';
import { duplicate, invalidValue, notFoundField, notSupported, required, type FieldError } from './field-error.js';
import { nonNegative, validateAnnotations, validateLabelSelector, validateLabels } from './meta-validation.js';
import { goQuote } from './go-format.js';
import {
  isDns1123Label, isDns1123Subdomain, isQualifiedName, isValidLabelValue, isValidPortName, isValidPortNum,
} from './names.js';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'] as const;
const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] as const;
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

function validateContainer(c: Container, path: string, volumes: ReadonlySet<string>, hostNetwork: boolean, errs: FieldError[]): void {
  if (!c.image) errs.push(required(`${path}.image`));
  // Field paths are built only for an error: every element of every pod is checked on each create.
  const ports = c.ports ?? [];
  const portNames = ports.length > 1 ? new Set<string>() : undefined;
  for (let i = 0; i < ports.length; i++) {
    const p = ports[i] as NonNullable<Container['ports']>[number];
    const pp = (): string => `${path}.ports[${i}]`;
    if (p.name) {
      for (const m of isValidPortName(p.name)) errs.push(invalidValue(`${pp()}.name`, p.name, m));
      if (portNames?.has(p.name)) errs.push(duplicate(`${pp()}.name`, p.name));
      portNames?.add(p.name);
    }
    if (!p.containerPort) errs.push(required(`${pp()}.containerPort`));
    else for (const m of isValidPortNum(p.containerPort)) errs.push(invalidValue(`${pp()}.containerPort`, p.containerPort, m));
    if (p.hostPort) for (const m of isValidPortNum(p.hostPort)) errs.push(invalidValue(`${pp()}.hostPort`, p.hostPort, m));
    if (!p.protocol) errs.push(required(`${pp()}.protocol`));
    else if (!(PROTOCOLS as readonly string[]).includes(p.protocol)) errs.push(notSupported(`${pp()}.protocol`, p.protocol, PROTOCOLS));
    if (hostNetwork && p.hostPort !== undefined && p.hostPort !== p.containerPort)
      errs.push(invalidValue(`${pp()}.hostPort`, p.hostPort, 'must match `containerPort` when `hostNetwork` is true'));
  }
  const env = c.env ?? [];
  for (let i = 0; i < env.length; i++) if (!env[i]?.name) errs.push(required(`${path}.env[${i}].name`));
  const mounts = c.volumeMounts ?? [];
  for (let i = 0; i < mounts.length; i++) {
    const m = mounts[i] as NonNullable<Container['volumeMounts']>[number];
    if (!m.name) errs.push(required(`${path}.volumeMounts[${i}].name`));
    else if (!volumes.has(m.name)) errs.push(notFoundField(`${path}.volumeMounts[${i}].name`, m.name));
    if (!m.mountPath) errs.push(required(`${path}.volumeMounts[${i}].mountPath`));
  }
  if (!c.terminationMessagePolicy) errs.push(required(`${path}.terminationMessagePolicy`, 'must be \'File\' or \'FallbackToLogsOnError\''));
  if (!c.imagePullPolicy) errs.push(required(`${path}.imagePullPolicy`));
  else if (!(PULL_POLICIES as readonly string[]).includes(c.imagePullPolicy)) errs.push(notSupported(`${path}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
}

function validateContainers(list: readonly Container[] | undefined, path: string, volumes: ReadonlySet<string>, hostNetwork: boolean, errs: FieldError[]): void {
  const names = new Set<string>();
  const cs = list ?? [];
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i] as Container;
    const cp = `${path}[${i}]`;
    if (!c.name) errs.push(required(`${cp}.name`));
    else {
      for (const m of isDns1123Label(c.name)) errs.push(invalidValue(`${cp}.name`, c.name, m));
      if (names.has(c.name)) errs.push(duplicate(`${cp}.name`, c.name));
      names.add(c.name);
    }
    validateContainer(c, cp, volumes, hostNetwork, errs);
  }
}

function goToleration(t: Toleration): string {
  const secs = t.tolerationSeconds === undefined ? '(*int64)(nil)' : `(*int64)(${t.tolerationSeconds})`;
  return `core.Toleration{Key:${goQuote(t.key ?? '')}, Operator:${goQuote(t.operator ?? '')}, Value:${goQuote(t.value ?? '')}, Effect:${goQuote(t.effect ?? '')}, TolerationSeconds:${secs}}`;
}

/** validateTolerations, one entry (`path()` builds its field path, for an error). */
function validateToleration(t: Toleration, path: () => string, errs: FieldError[]): void {
  if (t.key) for (const m of isQualifiedName(t.key)) errs.push(invalidValue(`${path()}.key`, t.key, m));
  if (!t.key && t.operator !== 'Exists')
    errs.push(invalidValue(`${path()}.operator`, t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
  if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute')
    errs.push(invalidValue(`${path()}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
  if (t.operator === undefined || t.operator === 'Equal') {
    const m = isValidLabelValue(t.value ?? '');
    if (m.length > 0) errs.push(invalidValue(`${path()}.operator`, t.value ?? '', m.join(';')));
  } else if (t.operator === 'Exists') {
    if (t.value) errs.push(invalidValue(`${path()}.operator`, { goSyntax: goToleration(t) }, "value must be empty when `operator` is 'Exists'"));
  } else errs.push(notSupported(`${path()}.operator`, t.operator, ['Equal', 'Exists']));
  if (t.effect && !(TAINT_EFFECTS as readonly string[]).includes(t.effect)) errs.push(notSupported(`${path()}.effect`, t.effect, TAINT_EFFECTS));
}

function validateAffinity(a: Affinity | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
    const terms = a?.[kind]?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
    terms.forEach((t, i) => {
      const tp = `${path}.${kind}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`;
      errs.push(...validateLabelSelector(t.labelSelector, `${tp}.labelSelector`));
      if (!t.topologyKey) errs.push(required(`${tp}.topologyKey`, 'can not be empty'));
      else for (const m of isQualifiedName(t.topologyKey)) errs.push(invalidValue(`${tp}.topologyKey`, t.topologyKey, m));
    });
  }
  return errs;
}

/** Stored (frozen) pod specs found valid: a spec's validity depends on nothing else, and it cannot change. */
const validSpecs = new WeakSet<PodSpec>();

/** Remembers a spec that passed validation and is now stored (frozen). */
export function rememberValidPodSpec(spec: PodSpec): void {
  if (Object.isFrozen(spec)) validSpecs.add(spec);
}

/** ValidatePodSpec. A frozen spec already found valid (a template's spec, shared) is not walked again. */
export function validatePodSpec(spec: PodSpec, path: string): FieldError[] {
  const frozen = Object.isFrozen(spec);
  if (frozen && validSpecs.has(spec)) return [];
  const errs = checkPodSpec(spec, path);
  if (errs.length === 0) rememberValidPodSpec(spec);
  return errs;
}

function checkPodSpec(spec: PodSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const volumes = new Set<string>();
  const vs = spec.volumes ?? [];
  for (let i = 0; i < vs.length; i++) {
    const v = vs[i] as NonNullable<PodSpec['volumes']>[number];
    if (!v.name) errs.push(required(`${path}.volumes[${i}].name`));
    else {
      for (const m of isDns1123Label(v.name)) errs.push(invalidValue(`${path}.volumes[${i}].name`, v.name, m));
      if (volumes.has(v.name)) errs.push(duplicate(`${path}.volumes[${i}].name`, v.name));
      volumes.add(v.name);
    }
  }
  const hostNetwork = spec.hostNetwork === true;
  if (!spec.containers || spec.containers.length === 0) errs.push(required(`${path}.containers`));
  validateContainers(spec.initContainers, `${path}.initContainers`, volumes, hostNetwork, errs);
  validateContainers(spec.containers, `${path}.containers`, volumes, hostNetwork, errs);
  if (!spec.restartPolicy) errs.push(required(`${path}.restartPolicy`));
  else if (!(RESTART_POLICIES as readonly string[]).includes(spec.restartPolicy)) errs.push(notSupported(`${path}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES));
  if (!spec.dnsPolicy) errs.push(required(`${path}.dnsPolicy`));
  else if (!(DNS_POLICIES as readonly string[]).includes(spec.dnsPolicy)) errs.push(notSupported(`${path}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES));
  errs.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  if (spec.nodeName) for (const m of isDns1123Subdomain(spec.nodeName)) errs.push(invalidValue(`${path}.nodeName`, spec.nodeName, m));
  if (spec.serviceAccountName) for (const m of isDns1123Subdomain(spec.serviceAccountName)) errs.push(invalidValue(`${path}.serviceAccountName`, spec.serviceAccountName, m));
  errs.push(...nonNegative(spec.activeDeadlineSeconds, `${path}.activeDeadlineSeconds`));
  const tolerations = spec.tolerations ?? [];
  for (let i = 0; i < tolerations.length; i++) validateToleration(tolerations[i] as Toleration, () => `${path}.tolerations[${i}]`, errs);
  errs.push(...validateAffinity(spec.affinity, `${path}.affinity`));
  if (spec.hostname) for (const m of isDns1123Label(spec.hostname)) errs.push(invalidValue(`${path}.hostname`, spec.hostname, m));
  return errs;
}

/** ValidatePodTemplateSpec: the template's labels, annotations and spec. */
export function validatePodTemplateSpec(t: PodTemplateSpec, path: string): FieldError[] {
  return [
    ...validateLabels(t.metadata?.labels, `${path}.labels`),
    ...validateAnnotations(t.metadata?.annotations, `${path}.annotations`),
    ...validatePodSpec(t.spec, `${path}.spec`),
  ];
}

/** Fields a pod update may change (ValidatePodUpdate); the real message appends a cmp diff we omit. */
export const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';
