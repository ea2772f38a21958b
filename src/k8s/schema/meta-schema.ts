// Layer k8s: schemas of metav1 types shared by every kind (ObjectMeta, OwnerReference,
// LabelSelector), after k8s.io/apimachinery/pkg/apis/meta/v1/types.go.

import { anyValue, bool, i64, listOf, str, strList, strMap, struct, type FieldType } from './schema-types.js';

export const ownerReference: FieldType = struct('v1.OwnerReference', () => ({
  apiVersion: str,
  kind: str,
  name: str,
  uid: str,
  controller: bool,
  blockOwnerDeletion: bool,
}));

export const objectMeta: FieldType = struct('v1.ObjectMeta', () => ({
  name: str,
  generateName: str,
  namespace: str,
  selfLink: str,
  uid: str,
  resourceVersion: str,
  generation: i64,
  creationTimestamp: anyValue,
  deletionTimestamp: anyValue,
  deletionGracePeriodSeconds: i64,
  labels: strMap,
  annotations: strMap,
  ownerReferences: listOf(ownerReference),
  finalizers: strList,
  managedFields: listOf(anyValue),
}));

export const labelSelectorRequirement: FieldType = struct('v1.LabelSelectorRequirement', () => ({
  key: str,
  operator: str,
  values: strList,
}));

export const labelSelector: FieldType = struct('v1.LabelSelector', () => ({
  matchLabels: strMap,
  matchExpressions: listOf(labelSelectorRequirement),
}));

/** A top-level object: TypeMeta + ObjectMeta + the kind's own members. */
export function topLevel(goName: string, members: () => Readonly<Record<string, FieldType>>): FieldType {
  return struct(goName, () => ({ apiVersion: str, kind: str, metadata: objectMeta, ...members() }));
}
