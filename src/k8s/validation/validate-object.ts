// Layer k8s: the per-kind validation the registry strategies run (pkg/registry/*/strategy.go
// Validate / ValidateUpdate): object metadata for every kind, then the kind's own spec rules.

import type { DaemonSet, Deployment, ReplicaSet } from '../objects/apps.js';
import type { Service } from '../objects/core.js';
import { deepEqual } from '../objects/json.js';
import type { KubeObject } from '../objects/meta.js';
import type { Pod, PodSpec } from '../objects/pod.js';
import type { ResourceType } from '../resource-registry.js';
import { validateDaemonSetSpec, validateDeploymentSpec, validateReplicaSetSpec, validateSelectorImmutable } from './apps-validation.js';
import { forbiddenField, invalidValue, type FieldError } from './field-error.js';
import { validateObjectMeta } from './meta-validation.js';
import { POD_UPDATE_FORBIDDEN, rememberValidPodSpec, validatePodSpec } from './pod-validation.js';
import { validateServiceSpec, validateServiceUpdate } from './service-validation.js';

function validateSpec(obj: KubeObject): FieldError[] {
  switch (obj.kind) {
    case 'Pod':
      return validatePodSpec((obj as Pod).spec, 'spec');
    case 'Service':
      return validateServiceSpec(obj as Service);
    case 'Deployment':
      return validateDeploymentSpec(obj as Deployment);
    case 'ReplicaSet':
      return validateReplicaSetSpec(obj as ReplicaSet);
    case 'DaemonSet':
      return validateDaemonSetSpec(obj as DaemonSet);
    default:
      return [];
  }
}

/** A validated object was stored (frozen): its pod spec (a workload's template spec) is known valid from now on. */
export function rememberValidated(obj: KubeObject): void {
  const spec = (obj as { spec?: { template?: { spec?: PodSpec } } & PodSpec }).spec;
  if (spec === undefined) return;
  if (obj.kind === 'Pod') rememberValidPodSpec(spec);
  else if (obj.kind === 'Deployment' || obj.kind === 'ReplicaSet' || obj.kind === 'DaemonSet') {
    if (spec.template?.spec !== undefined) rememberValidPodSpec(spec.template.spec);
  }
}

/** Validation on create. @example validateCreate(pod, registry.byKind('Pod')) */
export function validateCreate(obj: KubeObject, rt: ResourceType): FieldError[] {
  return [...validateObjectMeta(obj.metadata, { namespaced: rt.namespaced, nameRule: rt.nameRule }), ...validateSpec(obj)];
}

/** Strips what a pod update may change, so the rest can be compared (ValidatePodUpdate). */
function mutablePodFieldsCleared(spec: PodSpec): unknown {
  const clone = { ...spec };
  clone.containers = spec.containers.map((c) => ({ ...c, image: '' }));
  if (spec.initContainers) clone.initContainers = spec.initContainers.map((c) => ({ ...c, image: '' }));
  delete clone.activeDeadlineSeconds;
  delete clone.tolerations;
  delete clone.terminationGracePeriodSeconds;
  return clone;
}

function validateUpdateSpec(obj: KubeObject, old: KubeObject): FieldError[] {
  switch (obj.kind) {
    case 'Pod': {
      const errs = validatePodSpec((obj as Pod).spec, 'spec');
      if (!deepEqual(mutablePodFieldsCleared((obj as Pod).spec), mutablePodFieldsCleared((old as Pod).spec)))
        errs.push(forbiddenField('spec', POD_UPDATE_FORBIDDEN));
      return errs;
    }
    case 'Service':
      return validateServiceUpdate(obj as Service, old as Service);
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet': {
      const errs = validateSpec(obj);
      const n = (obj as Deployment).spec.selector;
      const o = (old as Deployment).spec.selector;
      if (n !== undefined && o !== undefined) errs.push(...validateSelectorImmutable(n, o));
      return errs;
    }
    default:
      return validateSpec(obj);
  }
}

/** Validation on update: metadata again, immutable names, then the kind's update rules. */
export function validateUpdate(obj: KubeObject, old: KubeObject, rt: ResourceType): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, { namespaced: rt.namespaced, nameRule: rt.nameRule });
  if (obj.metadata.name !== old.metadata.name) errs.push(invalidValue('metadata.name', obj.metadata.name ?? '', 'field is immutable'));
  errs.push(...validateUpdateSpec(obj, old));
  return errs;
}
