// Layer k8s: strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch), kubectl patch's
// default type. Lists with a patchMergeKey in the Go types (containers by name, container ports by
// containerPort, service ports by port, conditions by type...) merge element-wise; other lists are
// replaced. Supports `$patch: replace|delete`, `$retainKeys`, `$setElementOrder/<f>` and
// `$deleteFromPrimitiveList/<f>`, and `null` to delete a member.

import { deepClone, deepEqual, isRecord } from '../objects/json.js';

export type ListStrategy = { readonly mergeKey: string } | 'merge-primitives';

/**
 * patchMergeKey/patchStrategy from k8s.io/api types, keyed by the last path segments (field names only).
 * The longest matching suffix wins, so `containers/ports` (containerPort) beats `spec/ports` (port).
 */
const STRATEGIES: ReadonlyArray<readonly [string, ListStrategy]> = [
  ['containers', { mergeKey: 'name' }],
  ['initContainers', { mergeKey: 'name' }],
  ['ephemeralContainers', { mergeKey: 'name' }],
  ['containers/ports', { mergeKey: 'containerPort' }],
  ['initContainers/ports', { mergeKey: 'containerPort' }],
  ['containers/env', { mergeKey: 'name' }],
  ['initContainers/env', { mergeKey: 'name' }],
  ['containers/volumeMounts', { mergeKey: 'mountPath' }],
  ['initContainers/volumeMounts', { mergeKey: 'mountPath' }],
  ['containers/volumeDevices', { mergeKey: 'devicePath' }],
  ['containers/resizePolicy', 'merge-primitives'],
  ['volumes', { mergeKey: 'name' }],
  ['imagePullSecrets', { mergeKey: 'name' }],
  ['hostAliases', { mergeKey: 'ip' }],
  ['topologySpreadConstraints', { mergeKey: 'topologyKey' }],
  ['spec/ports', { mergeKey: 'port' }],
  ['metadata/ownerReferences', { mergeKey: 'uid' }],
  ['metadata/finalizers', 'merge-primitives'],
  ['status/conditions', { mergeKey: 'type' }],
  ['status/addresses', { mergeKey: 'type' }],
  ['status/podIPs', { mergeKey: 'ip' }],
  ['status/hostIPs', { mergeKey: 'ip' }],
  ['status/images', 'merge-primitives'],
];

/** The list strategy for a list at `path` (field names from the root, no indices). */
export function listStrategyFor(path: readonly string[]): ListStrategy | undefined {
  let best: ListStrategy | undefined;
  let bestLen = 0;
  for (const [suffix, strategy] of STRATEGIES) {
    const segs = suffix.split('/');
    if (segs.length <= bestLen || segs.length > path.length) continue;
    const tail = path.slice(path.length - segs.length);
    if (segs.every((s, i) => s === tail[i])) {
      best = strategy;
      bestLen = segs.length;
    }
  }
  return best;
}

export class StrategicMergePatchError extends Error {}

/** Applies a strategic merge patch to a copy of `original`. @example strategicMergePatch(dep, {spec:{replicas:5}}) */
export function strategicMergePatch(original: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) throw new StrategicMergePatchError('Invalid patch: not a JSON object');
  return mergeMap(isRecord(original) ? deepClone(original) : {}, patch, []);
}

function mergeMap(orig: Record<string, unknown>, patch: Record<string, unknown>, path: string[]): Record<string, unknown> {
  if (patch['$patch'] === 'replace') return stripDirectives(patch);
  const retain = patch['$retainKeys'];
  if (Array.isArray(retain)) for (const k of Object.keys(orig)) if (!retain.includes(k)) delete orig[k];
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys' || k.startsWith('$setElementOrder/')) continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      const cur = orig[field];
      if (Array.isArray(cur) && Array.isArray(v)) orig[field] = cur.filter((x) => !v.some((d) => deepEqual(d, x)));
      continue;
    }
    if (v === null) {
      delete orig[k];
      continue;
    }
    const cur = orig[k];
    const sub = [...path, k];
    if (isRecord(v) && v['$patch'] === 'delete') delete orig[k];
    else if (isRecord(v) && isRecord(cur)) orig[k] = mergeMap(cur, v, sub);
    else if (Array.isArray(v)) orig[k] = mergeList(Array.isArray(cur) ? cur : [], v, sub);
    else orig[k] = isRecord(v) ? stripDirectives(v) : deepClone(v);
  }
  for (const k of Object.keys(patch)) {
    if (!k.startsWith('$setElementOrder/')) continue;
    const field = k.slice('$setElementOrder/'.length);
    const order = patch[k];
    const cur = orig[field];
    if (Array.isArray(order) && Array.isArray(cur)) orig[field] = applyOrder(cur, order, listStrategyFor([...path, field]));
  }
  return orig;
}

function mergeList(orig: unknown[], patch: unknown[], path: string[]): unknown[] {
  const strategy = listStrategyFor(path);
  if (strategy === undefined) return patch.map((x) => (isRecord(x) ? stripDirectives(x) : deepClone(x)));
  if (strategy === 'merge-primitives') {
    const out = [...orig];
    for (const x of patch) if (!out.some((o) => deepEqual(o, x))) out.push(deepClone(x));
    return out;
  }
  if (patch.some((x) => isRecord(x) && x['$patch'] === 'replace'))
    return patch.filter((x) => !(isRecord(x) && x['$patch'] === 'replace')).map((x) => (isRecord(x) ? stripDirectives(x) : x));
  const key = strategy.mergeKey;
  const out = orig.map((x) => deepClone(x));
  for (const item of patch) {
    if (!isRecord(item)) throw new StrategicMergePatchError(`cannot merge a non-object into a list keyed by ${key}`);
    if (!(key in item)) throw new StrategicMergePatchError(`map: ${JSON.stringify(item)} does not contain declared merge key: ${key}`);
    const idx = out.findIndex((o) => isRecord(o) && deepEqual(o[key], item[key]));
    if (item['$patch'] === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    const existing = idx >= 0 ? out[idx] : undefined;
    if (isRecord(existing)) out[idx] = mergeMap(existing, item, path);
    else out.push(stripDirectives(item));
  }
  return out;
}

function applyOrder(list: unknown[], order: unknown[], strategy: ListStrategy | undefined): unknown[] {
  const keyOf = (x: unknown): unknown =>
    strategy !== undefined && strategy !== 'merge-primitives' && isRecord(x) ? x[strategy.mergeKey] : x;
  const rank = (x: unknown): number => {
    const i = order.findIndex((o) => deepEqual(keyOf(o), keyOf(x)));
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return list
    .map((x, i) => ({ x, i, r: rank(x) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((e) => e.x);
}

function stripDirectives(v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (k.startsWith('$')) continue;
    if (x === null) continue;
    out[k] = isRecord(x) ? stripDirectives(x) : Array.isArray(x) ? x.map((e) => (isRecord(e) ? stripDirectives(e) : deepClone(e))) : x;
  }
  return out;
}
