// Layer tools (kubectl): the remaining built-in tables of pkg/printers/internalversion/printers.go —
// Namespace, ConfigMap (DATA counts data and binaryData), Secret, ServiceAccount, Lease, Event (LAST SEEN
// from lastTimestamp, series or eventTime; OBJECT "kind/name") — and the default NAME/AGE table
// (cli-runtime's printObjectMeta) for kinds without one.

import type { ConfigMap, Event, KubeObject, Lease, Namespace, Secret, ServiceAccount } from '../../../k8s/index.js';
import { age } from './format.js';
import type { Cell, Column } from './table.js';

const NAME: Column = { name: 'Name', format: 'name' };
const AGE: Column = { name: 'Age' };

export const NAMESPACE_COLUMNS: readonly Column[] = [NAME, { name: 'Status' }, AGE];
export const namespaceRow = (n: Namespace, _w: boolean, nowMs: number): Cell[] => [n.metadata.name ?? '', n.status?.phase ?? '', age(n.metadata.creationTimestamp, nowMs)];

export const CONFIGMAP_COLUMNS: readonly Column[] = [NAME, { name: 'Data' }, AGE];
export const configMapRow = (c: ConfigMap, _w: boolean, nowMs: number): Cell[] => [
  c.metadata.name ?? '', Object.keys(c.data ?? {}).length + Object.keys(c.binaryData ?? {}).length, age(c.metadata.creationTimestamp, nowMs),
];

export const SECRET_COLUMNS: readonly Column[] = [NAME, { name: 'Type' }, { name: 'Data' }, AGE];
export const secretRow = (s: Secret, _w: boolean, nowMs: number): Cell[] => [s.metadata.name ?? '', s.type ?? '', Object.keys(s.data ?? {}).length, age(s.metadata.creationTimestamp, nowMs)];

export const SERVICEACCOUNT_COLUMNS: readonly Column[] = [NAME, { name: 'Secrets' }, AGE];
export const serviceAccountRow = (s: ServiceAccount, _w: boolean, nowMs: number): Cell[] => [s.metadata.name ?? '', (s.secrets ?? []).length, age(s.metadata.creationTimestamp, nowMs)];

export const LEASE_COLUMNS: readonly Column[] = [NAME, { name: 'Holder' }, AGE];
export const leaseRow = (l: Lease, _w: boolean, nowMs: number): Cell[] => [l.metadata.name ?? '', l.spec.holderIdentity ?? '', age(l.metadata.creationTimestamp, nowMs)];

export const EVENT_COLUMNS: readonly Column[] = [
  { name: 'Last Seen' }, { name: 'Type' }, { name: 'Reason' }, { name: 'Object' }, { name: 'Subobject', priority: 1 }, { name: 'Source', priority: 1 },
  { name: 'Message' }, { name: 'First Seen', priority: 1 }, { name: 'Count', priority: 1 }, { name: 'Name', priority: 1, format: 'name' },
];

export function eventRow(e: Event, wide: boolean, nowMs: number): Cell[] {
  const first = e.firstTimestamp ? age(e.firstTimestamp, nowMs) : age(e.eventTime, nowMs);
  let last = e.lastTimestamp ? age(e.lastTimestamp, nowMs) : first;
  let count = e.count ?? 0;
  if (e.series) {
    last = age(e.series.lastObservedTime, nowMs);
    count = e.series.count;
  } else if (count === 0) count = 1;
  const kind = (e.involvedObject.kind ?? '').toLowerCase();
  const target = e.involvedObject.name ? `${kind}/${e.involvedObject.name}` : kind;
  const message = e.message.trim();
  if (!wide) return [last, e.type, e.reason, target, message];
  return [last, e.type, e.reason, target, e.involvedObject.fieldPath ?? '', eventSource(e), message, first, count, e.metadata.name ?? ''];
}

/** formatEventSource: component (or reporting controller), then ", host" (or reporting instance). */
export function eventSource(e: Event): string {
  const component = e.source.component || e.reportingComponent;
  const instance = e.source.host || e.reportingInstance;
  return instance ? `${component}, ${instance}` : component;
}

export const DEFAULT_COLUMNS: readonly Column[] = [NAME, AGE];
export const defaultRow = (o: KubeObject, _w: boolean, nowMs: number): Cell[] => [o.metadata.name ?? '', age(o.metadata.creationTimestamp, nowMs)];
