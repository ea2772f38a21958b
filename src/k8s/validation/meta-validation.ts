// Layer k8s: ObjectMeta and label-selector checks (k8s.io/apimachinery/pkg/api/validation
// ValidateObjectMetaAccessor, pkg/apis/meta/v1/validation ValidateLabels/ValidateLabelSelector).

import type { LabelSelector, ObjectMeta } from '../objects/meta.js';
import type { NameRule } from '../resource-registry.js';
import { forbiddenField, invalidValue, required, type FieldError } from './field-error.js';
import {
  isQualifiedName, isValidLabelValue, isValidPathSegmentName, nameIsDns1035Label, nameIsDnsLabel, nameIsDnsSubdomain,
} from './names.js';

export function nameValidator(rule: NameRule): (name: string, prefix: boolean) => string[] {
  switch (rule) {
    case 'subdomain':
      return nameIsDnsSubdomain;
    case 'label':
      return nameIsDnsLabel;
    case 'dns1035':
      return nameIsDns1035Label;
    case 'path-segment':
      return isValidPathSegmentName;
  }
}

export function validateLabels(labels: Readonly<Record<string, string>> | undefined, path: string, errs: FieldError[] = []): FieldError[] {
  for (const k in labels) {
    const v = labels[k] as string;
    for (const m of isQualifiedName(k)) errs.push(invalidValue(path, k, m));
    for (const m of isValidLabelValue(v)) errs.push(invalidValue(path, v, m));
  }
  return errs;
}

export function validateAnnotations(annotations: Readonly<Record<string, string>> | undefined, path: string, errs: FieldError[] = []): FieldError[] {
  for (const k in annotations) for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalidValue(path, k, m));
  return errs;
}

/** ValidateObjectMetaAccessor on create (after generateName has produced the name). */
export function validateObjectMeta(meta: ObjectMeta, opts: { namespaced: boolean; nameRule: NameRule }, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  const nameFn = nameValidator(opts.nameRule);
  if (meta.generateName) for (const m of nameFn(meta.generateName, true)) errs.push(invalidValue(`${path}.generateName`, meta.generateName, m));
  if (!meta.name) errs.push(required(`${path}.name`, 'name or generateName is required'));
  else for (const m of nameFn(meta.name, false)) errs.push(invalidValue(`${path}.name`, meta.name, m));
  if (opts.namespaced) {
    if (!meta.namespace) errs.push(required(`${path}.namespace`));
    else for (const m of nameIsDnsLabel(meta.namespace, false)) errs.push(invalidValue(`${path}.namespace`, meta.namespace, m));
  } else if (meta.namespace) errs.push(forbiddenField(`${path}.namespace`, 'not allowed on this type'));
  validateLabels(meta.labels, `${path}.labels`, errs);
  validateAnnotations(meta.annotations, `${path}.annotations`, errs);
  return errs;
}

/** ValidateLabelSelector (strict label values, as Deployments and ReplicaSets require). */
export function validateLabelSelector(sel: LabelSelector | undefined, path: string): FieldError[] {
  if (sel === undefined) return [];
  const errs: FieldError[] = [];
  (sel.matchExpressions ?? []).forEach((e, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    if (e.operator === 'In' || e.operator === 'NotIn') {
      if (!e.values || e.values.length === 0) errs.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (e.operator === 'Exists' || e.operator === 'DoesNotExist') {
      if (e.values && e.values.length > 0) errs.push(forbiddenField(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else errs.push(invalidValue(`${p}.operator`, e.operator, 'not a valid selector operator'));
    for (const m of isQualifiedName(e.key)) errs.push(invalidValue(`${p}.key`, e.key, m));
    (e.values ?? []).forEach((v, j) => {
      for (const m of isValidLabelValue(v)) errs.push(invalidValue(`${p}.values[${j}]`, v, m));
    });
  });
  errs.push(...validateLabels(sel.matchLabels, `${path}.matchLabels`));
  return errs;
}

/** ValidateNonnegativeField. */
export function nonNegative(value: number | undefined, path: string): FieldError[] {
  return value !== undefined && value < 0 ? [invalidValue(path, value, 'must be greater than or equal to 0')] : [];
}
