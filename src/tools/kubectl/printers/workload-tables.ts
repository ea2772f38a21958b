// Layer tools (kubectl): the apps/v1 tables of pkg/printers/internalversion/printers.go — Deployment
// (READY ready/desired, UP-TO-DATE, AVAILABLE), ReplicaSet (DESIRED, CURRENT, READY), DaemonSet (DESIRED,
// CURRENT, READY, UP-TO-DATE, AVAILABLE, NODE SELECTOR), ControllerRevision; wide adds containers, images,
// selector.

import type { ControllerRevision, DaemonSet, Deployment, ReplicaSet } from '../../../k8s/index.js';
import { age, containerCells, formatLabelSelector, formatLabels, selectorString } from './format.js';
import type { Cell, Column } from './table.js';

const WIDE_TEMPLATE: readonly Column[] = [
  { name: 'Containers', priority: 1 },
  { name: 'Images', priority: 1 },
  { name: 'Selector', priority: 1 },
];

export const DEPLOYMENT_COLUMNS: readonly Column[] = [
  { name: 'Name', format: 'name' }, { name: 'Ready' }, { name: 'Up-to-date' }, { name: 'Available' }, { name: 'Age' }, ...WIDE_TEMPLATE,
];

export function deploymentRow(d: Deployment, wide: boolean, nowMs: number): Cell[] {
  const st = d.status ?? {};
  const cells: Cell[] = [d.metadata.name ?? '', `${st.readyReplicas ?? 0}/${d.spec.replicas ?? 0}`, st.updatedReplicas ?? 0, st.availableReplicas ?? 0, age(d.metadata.creationTimestamp, nowMs)];
  if (wide) cells.push(...containerCells(d.spec.template.spec.containers), selectorString(d.spec.selector));
  return cells;
}

export const REPLICASET_COLUMNS: readonly Column[] = [
  { name: 'Name', format: 'name' }, { name: 'Desired' }, { name: 'Current' }, { name: 'Ready' }, { name: 'Age' }, ...WIDE_TEMPLATE,
];

export function replicaSetRow(rs: ReplicaSet, wide: boolean, nowMs: number): Cell[] {
  const st = rs.status;
  const cells: Cell[] = [rs.metadata.name ?? '', rs.spec.replicas ?? 0, st?.replicas ?? 0, st?.readyReplicas ?? 0, age(rs.metadata.creationTimestamp, nowMs)];
  if (wide) cells.push(...containerCells(rs.spec.template.spec.containers), formatLabelSelector(rs.spec.selector));
  return cells;
}

export const DAEMONSET_COLUMNS: readonly Column[] = [
  { name: 'Name', format: 'name' }, { name: 'Desired' }, { name: 'Current' }, { name: 'Ready' }, { name: 'Up-to-date' }, { name: 'Available' },
  { name: 'Node Selector' }, { name: 'Age' }, ...WIDE_TEMPLATE,
];

export function daemonSetRow(ds: DaemonSet, wide: boolean, nowMs: number): Cell[] {
  const st = ds.status;
  const cells: Cell[] = [
    ds.metadata.name ?? '', st?.desiredNumberScheduled ?? 0, st?.currentNumberScheduled ?? 0, st?.numberReady ?? 0, st?.updatedNumberScheduled ?? 0,
    st?.numberAvailable ?? 0, formatLabels(ds.spec.template.spec.nodeSelector), age(ds.metadata.creationTimestamp, nowMs),
  ];
  if (wide) cells.push(...containerCells(ds.spec.template.spec.containers), formatLabelSelector(ds.spec.selector));
  return cells;
}

export const CONTROLLER_REVISION_COLUMNS: readonly Column[] = [{ name: 'Name', format: 'name' }, { name: 'Controller' }, { name: 'Revision' }, { name: 'Age' }];

export function controllerRevisionRow(cr: ControllerRevision, _wide: boolean, nowMs: number): Cell[] {
  const ref = (cr.metadata.ownerReferences ?? []).find((r) => r.controller === true);
  let controller = '<none>';
  if (ref) {
    const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
    controller = `${(group ? `${ref.kind}.${group}` : ref.kind).toLowerCase()}/${ref.name}`;
  }
  return [cr.metadata.name ?? '', controller, cr.revision, age(cr.metadata.creationTimestamp, nowMs)];
}
