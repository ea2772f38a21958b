// Layer k8s: helpers of the Deployment controller (pkg/controller/deployment/util/deployment_util.go,
// pkg/controller/controller_utils.go ComputeHash): the pod-template-hash, surge/unavailable
// fenceposts, revisions and the condition setter with the real reasons and messages.

import type { Deployment, DeploymentStatus, IntOrString, ReplicaSet } from '../objects/apps.js';
import type { Condition } from '../objects/meta.js';
import type { PodTemplateSpec } from '../objects/pod.js';
import { deepEqual, fnv32aCanonical } from '../objects/json.js';
import { safeEncodeString } from '../api/identifiers.js';

export const HASH_LABEL = 'pod-template-hash';
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const DESIRED_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_ANNOTATION = 'deployment.kubernetes.io/max-replicas';

const hashes = new WeakMap<object, Map<string, string>>();

/**
 * ComputeHash: FNV-32a over the template, plus the collision count, rendered with SafeEncodeString.
 * The real controller hashes Go's spew dump of the struct; we hash canonical JSON (same shape, same
 * 10-character alphabet, different digits). Memoized for stored (frozen) templates.
 */
export function podTemplateHash(t: PodTemplateSpec, collisionCount?: number): string {
  const suffix = collisionCount === undefined ? '' : String(collisionCount);
  const memo = Object.isFrozen(t) ? (hashes.get(t) ?? new Map<string, string>()) : undefined;
  const hit = memo?.get(suffix);
  if (hit !== undefined) return hit;
  const hash = safeEncodeString(String(fnv32aCanonical(t, suffix)));
  if (memo) {
    memo.set(suffix, hash);
    hashes.set(t, memo);
  }
  return hash;
}

/**
 * EqualIgnoreHash: templates equal once the pod-template-hash label is dropped from both (a label map
 * left empty counts as none). Compared in place: every Deployment sync asks for every ReplicaSet.
 */
export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  if (a === b) return true;
  return equalExcept(a, b, 'metadata') && metadataEqualIgnoreHash(a.metadata, b.metadata);
}

function metadataEqualIgnoreHash(ma: PodTemplateSpec['metadata'], mb: PodTemplateSpec['metadata']): boolean {
  if (ma === mb) return true;
  if (ma === undefined || mb === undefined) return deepEqual(withoutHashLabel(ma), withoutHashLabel(mb));
  if (!equalExcept(ma, mb, 'labels')) return false;
  const la = hasOtherLabels(ma.labels) ? ma.labels : undefined;
  const lb = hasOtherLabels(mb.labels) ? mb.labels : undefined;
  if (la === undefined || lb === undefined) return la === lb;
  return equalExcept(la, lb, HASH_LABEL);
}

/** deepEqual of two objects, one member aside. */
function equalExcept(a: object, b: object, skip: string): boolean {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let na = 0;
  for (const k in ra) {
    if (k === skip || ra[k] === undefined) continue;
    na++;
    if (!Object.prototype.hasOwnProperty.call(rb, k) || !deepEqual(ra[k], rb[k])) return false;
  }
  let nb = 0;
  for (const k in rb) if (k !== skip && rb[k] !== undefined) nb++;
  return na === nb;
}

/** Whether a label map has any key besides the hash label (what keeps it after the label is dropped). */
function hasOtherLabels(labels: Readonly<Record<string, string>> | undefined): boolean {
  for (const k in labels) if (k !== HASH_LABEL) return true;
  return false;
}

function withoutHashLabel(m: PodTemplateSpec['metadata']): PodTemplateSpec['metadata'] {
  if (m?.labels === undefined) return m;
  const { labels, ...rest } = m;
  const { [HASH_LABEL]: _hash, ...others } = labels;
  return Object.keys(others).length > 0 ? { ...rest, labels: others } : rest;
}

/** intstr.GetScaledValueFromIntOrPercent. */
export function scaled(v: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const pct = Number(v.replace('%', ''));
  const raw = (pct * total) / 100;
  return roundUp ? Math.ceil(raw) : Math.floor(raw);
}

/** ResolveFenceposts: (maxSurge, maxUnavailable), never both zero. */
export function fenceposts(d: Deployment): { maxSurge: number; maxUnavailable: number } {
  const replicas = d.spec.replicas ?? 1;
  const ru = d.spec.strategy?.type === 'RollingUpdate' ? d.spec.strategy.rollingUpdate : undefined;
  const maxSurge = scaled(ru?.maxSurge, replicas, true);
  let maxUnavailable = scaled(ru?.maxUnavailable, replicas, false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable: Math.min(maxUnavailable, replicas) };
}

export function revisionOf(rs: ReplicaSet): number {
  return Number(rs.metadata.annotations?.[REVISION_ANNOTATION] ?? '0') || 0;
}

/** SetDeploymentCondition: no-op for the same status and reason; keeps lastTransitionTime while status holds. */
export function setCondition(status: DeploymentStatus, cond: Condition): void {
  const cur = (status.conditions ?? []).find((c) => c.type === cond.type);
  if (cur && cur.status === cond.status && cur.reason === cond.reason) return;
  const next = { ...cond };
  if (cur && cur.status === cond.status && cur.lastTransitionTime !== undefined) next.lastTransitionTime = cur.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== cond.type), next];
}

export function condition(type: string, status: 'True' | 'False', reason: string, message: string, now: string): Condition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

export const MSG = {
  newRsCreated: (rs: string) => `Created new replica set ${JSON.stringify(rs)}`,
  foundNewRs: (rs: string) => `Found new replica set ${JSON.stringify(rs)}`,
  rsUpdated: (rs: string) => `ReplicaSet ${JSON.stringify(rs)} is progressing.`,
  rsAvailable: (rs: string) => `ReplicaSet ${JSON.stringify(rs)} has successfully progressed.`,
  timedOut: (rs: string) => `ReplicaSet ${JSON.stringify(rs)} has timed out progressing.`,
  minAvailable: 'Deployment has minimum availability.',
  minUnavailable: 'Deployment does not have minimum availability.',
} as const;
