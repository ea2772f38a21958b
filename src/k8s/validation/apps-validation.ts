// Layer k8s: apps/v1 validation (pkg/apis/apps/validation/validation.go: ValidateDeploymentSpec,
// ValidateReplicaSetSpec, ValidateDaemonSetSpec, the rolling-update checks and
// ValidatePodTemplateSpecForReplicaSet), with the real paths and messages.

import type { DaemonSet, Deployment, IntOrString, ReplicaSet } from '../objects/apps.js';
import type { LabelSelector } from '../objects/meta.js';
import type { PodTemplateSpec } from '../objects/pod.js';
import { selectorMatchesLabelSelector } from '../selectors/label-selector.js';
import { forbiddenField, invalidValue, notSupported, required, type FieldError, type BadValue } from './field-error.js';
import { goLabelSelector, goStringMap } from './go-format.js';
import { nonNegative, validateLabelSelector } from './meta-validation.js';
import { regexError } from './names.js';
import { validatePodTemplateSpec } from './pod-validation.js';
import { deepEqual } from '../objects/json.js';

function intstrValue(v: IntOrString): BadValue {
  return typeof v === 'number'
    ? { goSyntax: `intstr.IntOrString{Type:0, IntVal:${v}, StrVal:""}` }
    : { goSyntax: `intstr.IntOrString{Type:1, IntVal:0, StrVal:"${v}"}` };
}

function percentOf(v: IntOrString | undefined): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const m = /^([0-9]+)%$/.exec(v);
  return m ? Number(m[1]) : 0;
}

function validatePositiveIntOrPercent(v: IntOrString | undefined, path: string): FieldError[] {
  if (v === undefined) return [];
  if (typeof v === 'number') return nonNegative(v, path);
  if (!/^[0-9]+%$/.test(v))
    return [invalidValue(path, intstrValue(v), regexError("a valid percent string must be a numeric string followed by an ending '%'", '[0-9]+%', '1%', '93%'))];
  if (percentOf(v) > 100) return [invalidValue(path, intstrValue(v), 'must not be greater than 100%')];
  return [];
}

function validateSelectorAndTemplate(selector: LabelSelector | undefined, template: PodTemplateSpec, kindWord: string): FieldError[] {
  const errs: FieldError[] = [];
  if (selector === undefined) errs.push(required('spec.selector'));
  else {
    errs.push(...validateLabelSelector(selector, 'spec.selector'));
    if (Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0)
      errs.push(invalidValue('spec.selector', { goSyntax: `&${goLabelSelector(selector)}` }, `empty selector is invalid for ${kindWord}`));
  }
  // A nil selector becomes labels.Nothing(), which is not Empty() and matches no template; {} is Empty().
  const empty = selector !== undefined && Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0;
  if (!empty && !selectorMatchesLabelSelector(selector, template.metadata?.labels))
    errs.push(invalidValue('spec.template.metadata.labels', { goSyntax: goStringMap(template.metadata?.labels) }, '`selector` does not match template `labels`'));
  errs.push(...validatePodTemplateSpec(template, 'spec.template'));
  if (template.spec.restartPolicy !== 'Always')
    errs.push(notSupported('spec.template.spec.restartPolicy', template.spec.restartPolicy ?? '', ['Always']));
  return errs;
}

export function validateDeploymentSpec(d: Deployment): FieldError[] {
  const spec = d.spec;
  const errs = nonNegative(spec.replicas, 'spec.replicas');
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template, 'deployment'));
  if (spec.template.spec.activeDeadlineSeconds !== undefined)
    errs.push(forbiddenField('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  const st = spec.strategy;
  if (st?.type === 'Recreate' && st.rollingUpdate !== undefined)
    errs.push(forbiddenField('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"));
  else if (st?.type === 'RollingUpdate' && st.rollingUpdate) {
    const ru = st.rollingUpdate;
    errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable'));
    errs.push(...validatePositiveIntOrPercent(ru.maxSurge, 'spec.strategy.rollingUpdate.maxSurge'));
    if (percentOf(ru.maxUnavailable) === 0 && percentOf(ru.maxSurge) === 0)
      errs.push(invalidValue('spec.strategy.rollingUpdate.maxUnavailable', intstrValue(ru.maxUnavailable ?? 0), 'may not be 0 when `maxSurge` is 0'));
  } else if (st?.type !== undefined && st.type !== 'RollingUpdate' && st.type !== 'Recreate')
    errs.push(notSupported('spec.strategy', { goSyntax: 'apps.DeploymentStrategy{...}' }, ['Recreate', 'RollingUpdate']));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (spec.progressDeadlineSeconds !== undefined) {
    errs.push(...nonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0))
      errs.push(invalidValue('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

export function validateReplicaSetSpec(rs: ReplicaSet): FieldError[] {
  const errs = nonNegative(rs.spec.replicas, 'spec.replicas');
  errs.push(...nonNegative(rs.spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateSelectorAndTemplate(rs.spec.selector, rs.spec.template, 'deployment'));
  return errs;
}

export function validateDaemonSetSpec(ds: DaemonSet): FieldError[] {
  const errs = validateSelectorAndTemplate(ds.spec.selector, ds.spec.template, 'daemonset');
  const us = ds.spec.updateStrategy;
  if (us?.type === 'RollingUpdate') {
    const ru = us.rollingUpdate;
    if (ru === undefined) errs.push(required('spec.updateStrategy.rollingUpdate'));
    else {
      const p = 'spec.updateStrategy.rollingUpdate';
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, `${p}.maxSurge`));
      const hasU = percentOf(ru.maxUnavailable) !== 0;
      const hasS = percentOf(ru.maxSurge) !== 0;
      if (hasU && hasS) errs.push(invalidValue(`${p}.maxSurge`, intstrValue(ru.maxSurge ?? 0), 'may not be set when maxUnavailable is non-zero'));
      else if (!hasU && !hasS) errs.push(required(`${p}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
    }
  } else if (us?.type !== undefined && us.type !== 'OnDelete')
    errs.push(notSupported('spec.updateStrategy', { goSyntax: 'apps.DaemonSetUpdateStrategy{...}' }, ['RollingUpdate', 'OnDelete']));
  errs.push(...nonNegative(ds.spec.minReadySeconds, 'spec.minReadySeconds'));
  return errs;
}

/** apps/v1 strategies reject selector changes (ValidateImmutableField on spec.selector). */
export function validateSelectorImmutable(newSel: LabelSelector, oldSel: LabelSelector): FieldError[] {
  if (deepEqual(newSel, oldSel)) return [];
  return [invalidValue('spec.selector', { goSyntax: goLabelSelector(newSel) }, 'field is immutable')];
}
