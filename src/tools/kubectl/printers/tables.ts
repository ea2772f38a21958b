// Layer tools (kubectl): the server-side table for a list of objects of one resource type — the printers
// the apiserver registers for built-in kinds, printer columns for custom resources, NAME/AGE otherwise.

import type { KubeObject, ResourceType } from '../../../k8s/index.js';
import { crdTable } from './crd-table.js';
import * as core from './core-tables.js';
import * as misc from './misc-tables.js';
import { POD_COLUMNS, podRow } from './pod-table.js';
import type { Cell, Column, Table } from './table.js';
import * as apps from './workload-tables.js';

type RowFn = (obj: never, wide: boolean, nowMs: number) => Cell[];

const BUILTIN: Readonly<Record<string, readonly [readonly Column[], RowFn]>> = {
  Pod: [POD_COLUMNS, podRow],
  Node: [core.NODE_COLUMNS, core.nodeRow],
  Service: [core.SERVICE_COLUMNS, core.serviceRow],
  Endpoints: [core.ENDPOINTS_COLUMNS, core.endpointsRow],
  EndpointSlice: [core.ENDPOINTSLICE_COLUMNS, core.endpointSliceRow],
  Deployment: [apps.DEPLOYMENT_COLUMNS, apps.deploymentRow],
  ReplicaSet: [apps.REPLICASET_COLUMNS, apps.replicaSetRow],
  DaemonSet: [apps.DAEMONSET_COLUMNS, apps.daemonSetRow],
  ControllerRevision: [apps.CONTROLLER_REVISION_COLUMNS, apps.controllerRevisionRow],
  Namespace: [misc.NAMESPACE_COLUMNS, misc.namespaceRow],
  ConfigMap: [misc.CONFIGMAP_COLUMNS, misc.configMapRow],
  Secret: [misc.SECRET_COLUMNS, misc.secretRow],
  ServiceAccount: [misc.SERVICEACCOUNT_COLUMNS, misc.serviceAccountRow],
  Lease: [misc.LEASE_COLUMNS, misc.leaseRow],
  Event: [misc.EVENT_COLUMNS, misc.eventRow],
};

/**
 * The table the apiserver returns for `objs` (all of type `rt`). The server always generates the wide cells
 * (pkg/printers/storage TableConvertor passes Wide: true); the client hides priority columns.
 */
export function buildTable(rt: ResourceType, objs: readonly KubeObject[], nowMs: number): Table {
  if (rt.isCrd) {
    const t = crdTable(rt.printerColumns ?? []);
    return { columns: t.columns, rows: objs.map((o) => ({ object: o, cells: t.row(o, nowMs) })) };
  }
  const builtin = rt.group === '' || rt.group === 'apps' || rt.group === 'discovery.k8s.io' || rt.group === 'coordination.k8s.io' ? BUILTIN[rt.kind] : undefined;
  const [columns, row] = builtin ?? [misc.DEFAULT_COLUMNS, misc.defaultRow];
  const fn = row as (obj: KubeObject, wide: boolean, nowMs: number) => Cell[];
  return { columns, rows: objs.map((o) => ({ object: o, cells: fn(o, true, nowMs) })) };
}
