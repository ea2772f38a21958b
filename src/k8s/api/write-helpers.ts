// Layer k8s: pieces of the generic registry's write path (k8s.io/apiserver/pkg/registry/generic/registry
// store.go, rest/create.go, rest/update.go): decoding checks, system metadata, generation bumps.

import { badRequest } from '../errors.js';
import { cloneShared, deepClone, deepEqual, reshare } from '../objects/json.js';
import type { KubeObject } from '../objects/meta.js';
import type { ResourceType } from '../resource-registry.js';
import { schemaForKind } from '../schema/kind-schemas.js';
import type { FieldType } from '../schema/schema-types.js';
import { decodeErrorMessage, strictDecode } from '../schema/strict-decode.js';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

const NO_WARNINGS: readonly string[] = Object.freeze([]);

/** Decoder schemas by resource type (null: none, stored as given). */
const schemas = new WeakMap<ResourceType, FieldType | null>();

function schemaOf(rt: ResourceType): FieldType | undefined {
  let s = schemas.get(rt);
  if (s === undefined) {
    s = schemaForKind(rt.group === '' ? rt.version : `${rt.group}/${rt.version}`, rt.kind) ?? null;
    schemas.set(rt, s);
  }
  return s ?? undefined;
}

/**
 * Runs the decoder's checks; throws BadRequest like the handlers' transformDecodeError. Returns warnings.
 * A typed write (an in-process client's own struct) has nothing for them to find.
 */
export function checkDecode(rt: ResourceType, obj: unknown, opts: { readonly typed?: boolean; readonly fieldValidation?: FieldValidation }): readonly string[] {
  if (opts.typed) return NO_WARNINGS;
  const mode = opts.fieldValidation ?? 'Strict';
  const schema = schemaOf(rt);
  if (schema === undefined) return NO_WARNINGS;
  const r = strictDecode(obj, schema);
  if (r.typeError !== undefined) throw badRequest(decodeErrorMessage(rt.kind, rt.version, r) ?? r.typeError);
  if (r.unknownFields.length === 0 || mode === 'Ignore') return NO_WARNINGS;
  if (mode === 'Warn') return [...r.unknownFields];
  throw badRequest(decodeErrorMessage(rt.kind, rt.version, r) ?? '');
}

const NOT_SPEC = new Set(['metadata', 'status', 'apiVersion', 'kind']);

/** Whether everything but metadata and status is equal: what a generation bump compares. */
export function specPartEqual(a: KubeObject, b: KubeObject): boolean {
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  for (const k in ra) if (!NOT_SPEC.has(k) && !deepEqual(ra[k], rb[k])) return false;
  for (const k in rb) if (!NOT_SPEC.has(k) && rb[k] !== undefined && !(k in ra)) return false;
  return true;
}

/**
 * The write path's private draft of a client's object: the object and its top-level members (metadata,
 * spec, status ...) are private copies the strategies may edit; deeper parts that are stored data (frozen)
 * or equal to the same place in `stored` are shared and never edited (defaulting skips them, admission
 * replaces rather than edits). Services are copied whole: IP and node-port allocation edit their ports.
 */
export function draftOf<T extends KubeObject>(input: T, stored?: KubeObject): T {
  if (input.kind === 'Service') return deepClone(input);
  const src = input as unknown as Record<string, unknown>;
  const base = stored as unknown as Record<string, unknown> | undefined;
  const out: Record<string, unknown> = {};
  for (const k in src) {
    const x = src[k];
    if (x === undefined) continue;
    const c = cloneShared(x, base?.[k]);
    out[k] = typeof c === 'object' && c !== null && Object.isFrozen(c) ? (Array.isArray(c) ? [...c] : { ...c }) : c;
  }
  return out as unknown as T;
}

/**
 * The draft of an object handed over by its caller: the object itself, as a fresh top level with copies of
 * the top-level members that are frozen (shared stored data, like a template's spec), the rest as it is.
 */
export function handedOverDraft<T extends KubeObject>(input: T): T {
  const src = input as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k in src) {
    const x = src[k];
    if (x === undefined) continue;
    out[k] = typeof x === 'object' && x !== null && Object.isFrozen(x) ? (Array.isArray(x) ? [...x] : { ...x }) : x;
  }
  return out as unknown as T;
}

/** Shares with the stored object every part of a draft below its top-level members that the draft left unchanged. */
export function reshareBelowTop(draft: KubeObject, stored: KubeObject): void {
  const d = draft as unknown as Record<string, unknown>;
  const b = stored as unknown as Record<string, unknown>;
  for (const k in d) {
    const x = d[k];
    const y = b[k];
    if (typeof x !== 'object' || x === null || typeof y !== 'object' || y === null || Object.isFrozen(x)) continue;
    if (Array.isArray(x)) {
      if (Array.isArray(y)) for (let i = 0; i < x.length && i < y.length; i++) if (reshare(x[i], y[i])) x[i] = y[i];
      continue;
    }
    const xr = x as Record<string, unknown>;
    const yr = y as Record<string, unknown>;
    for (const j in xr) if (Object.prototype.hasOwnProperty.call(yr, j) && reshare(xr[j], yr[j])) xr[j] = yr[j];
  }
}

/** Metadata the client may not set on create (FillObjectMetaSystemFields resets them). */
export function clearSystemFieldsForCreate(obj: KubeObject): void {
  const m = obj.metadata;
  // A delete of a member that is not there still costs a runtime call; clients rarely send these.
  if ('uid' in m) delete m.uid;
  if ('creationTimestamp' in m) delete m.creationTimestamp;
  if ('deletionTimestamp' in m) delete m.deletionTimestamp;
  if ('deletionGracePeriodSeconds' in m) delete m.deletionGracePeriodSeconds;
  if ('generation' in m) delete m.generation;
}

/** Carries the system metadata of the stored object over to an update. */
export function keepSystemFields(obj: KubeObject, old: KubeObject): void {
  const m = obj.metadata;
  const o = old.metadata;
  if (o.uid !== undefined) m.uid = o.uid;
  if (o.creationTimestamp !== undefined) m.creationTimestamp = o.creationTimestamp;
  if (o.deletionTimestamp !== undefined) m.deletionTimestamp = o.deletionTimestamp;
  else if ('deletionTimestamp' in m) delete m.deletionTimestamp;
  if (o.deletionGracePeriodSeconds !== undefined) m.deletionGracePeriodSeconds = o.deletionGracePeriodSeconds;
  else if ('deletionGracePeriodSeconds' in m) delete m.deletionGracePeriodSeconds;
  if (o.generation !== undefined) m.generation = o.generation;
  else if ('generation' in m) delete m.generation;
  if (o.namespace !== undefined) m.namespace = o.namespace;
  if (o.generateName !== undefined && m.generateName === undefined) m.generateName = o.generateName;
}

/** Bumps metadata.generation when the spec part changed (strategy PrepareForUpdate). */
export function bumpGeneration(rt: ResourceType, obj: KubeObject, old: KubeObject): void {
  if (!rt.hasGeneration) return;
  const changed = !specPartEqual(obj, old) || (!rt.hasStatusSubresource && !deepEqual((obj as { status?: unknown }).status, (old as { status?: unknown }).status));
  obj.metadata.generation = (old.metadata.generation ?? 1) + (changed ? 1 : 0);
}

/** Equal but for metadata.resourceVersion: an update that changes nothing is a no-op. */
export function equalIgnoringResourceVersion(a: KubeObject, b: KubeObject): boolean {
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  for (const k in ra) if (k !== 'metadata' && !deepEqual(ra[k], rb[k])) return false;
  for (const k in rb) if (k !== 'metadata' && rb[k] !== undefined && !(k in ra)) return false;
  const ma = a.metadata as Record<string, unknown>;
  const mb = b.metadata as Record<string, unknown>;
  for (const k in ma) if (k !== 'resourceVersion' && !deepEqual(ma[k], mb[k])) return false;
  for (const k in mb) if (k !== 'resourceVersion' && mb[k] !== undefined && !(k in ma)) return false;
  return true;
}

export const DS_TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

/** Strategy hooks that touch metadata: the DaemonSet's template generation annotation. */
export function prepareStrategy(obj: KubeObject, old: KubeObject | undefined): void {
  if (obj.kind !== 'DaemonSet') return;
  const spec = (obj as { spec?: { template?: unknown } }).spec;
  const oldSpec = (old as { spec?: { template?: unknown } } | undefined)?.spec;
  const prev = Number(old?.metadata.annotations?.[DS_TEMPLATE_GENERATION] ?? '0') || 0;
  const gen = old === undefined ? 1 : deepEqual(spec?.template, oldSpec?.template) ? Math.max(prev, 1) : prev + 1;
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [DS_TEMPLATE_GENERATION]: String(gen) };
}

/**
 * A status-subresource write: the stored object with only its status replaced. Spec and the rest stay
 * the stored (frozen) subtrees; metadata is copied because the write path sets system fields on it. The
 * new status shares with the stored one whatever it left unchanged.
 */
export function statusOnly<T extends KubeObject>(old: KubeObject, input: T): T {
  const prev = (old as { status?: unknown }).status;
  const st = (input as { status?: unknown }).status;
  // The new status goes last. Where it is last already (or absent), one spread copies the rest in order.
  let last: string | undefined;
  for (const k in old) last = k;
  if (st !== undefined && (last === 'status' || !Object.prototype.hasOwnProperty.call(old, 'status'))) {
    return { ...old, metadata: { ...old.metadata }, status: cloneShared(st, prev) } as unknown as T;
  }
  const { status: _prev, ...rest } = old as KubeObject & { status?: unknown };
  const out = { ...rest, metadata: { ...old.metadata } } as T & { status?: unknown };
  if (st !== undefined) out.status = cloneShared(st, prev);
  return out;
}

/** A main-resource write of a kind with a status subresource keeps the stored status (shared, frozen). */
export function keepStatus(obj: KubeObject, old: KubeObject): void {
  const st = (old as { status?: unknown }).status;
  const o = obj as { status?: unknown };
  if (st === undefined) delete o.status;
  else o.status = st;
}
