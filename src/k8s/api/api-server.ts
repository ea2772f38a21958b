// Layer k8s: the in-memory kube-apiserver. Models the generic registry (k8s.io/apiserver
// pkg/registry/generic/registry/store.go) with the per-kind strategies: decode checks, defaulting,
// admission, validation, storage with resourceVersions, graceful and cascading deletion, and a
// synchronous watch that controllers and the rest of the lab subscribe to. Stored objects are
// deep-frozen and shared by every read and watch event (as informer caches share theirs): copy one
// (deepClone) before editing it, or let `mutate` do the copy-on-write.

import type { Rng } from '../../sim/rng.js';
import { BUILTIN_RESOURCES, CILIUM_RESOURCES } from '../builtin-resources.js';
import { applyDefaults } from '../defaulting/object-defaults.js';
import { K8sError, alreadyExists, badRequest, conflict, invalid, notFound, OBJECT_MODIFIED } from '../errors.js';
import type { Service } from '../objects/core.js';
import { deepClone, deepFreeze } from '../objects/json.js';
import type { ObjectFor } from '../objects/kind-map.js';
import type { KubeObject, ObjectList } from '../objects/meta.js';
import type { Pod } from '../objects/pod.js';
import type { ApiClock } from '../objects/time.js';
import { ResourceRegistry, apiVersionOf, groupKindOf, groupResourceOf, type ResourceType } from '../resource-registry.js';
import { checkFieldLabels, matchesFields, parseFieldSelector } from '../selectors/field-selector.js';
import { matches, parseSelector, SelectorParseError, type Selector } from '../selectors/label-selector.js';
import { rememberValidated, validateCreate, validateUpdate } from '../validation/validate-object.js';
import { uuidV4 } from '../../sim/uuid.js';
import { generateName } from './identifiers.js';
import { ObjectStore } from './object-store.js';
import { admit, type AdmissionDeps } from './admission.js';
import { allocateForCreate, allocateForUpdate, releaseAll, releaseDropped, type ServiceAllocators } from './service-allocation.js';
import { NodePortAllocator, ServiceIpAllocator } from './service-ip-allocator.js';
import { WatchHub, type WatchHandler } from './watch-hub.js';
import {
  bumpGeneration, checkDecode, clearSystemFieldsForCreate, draftOf, equalIgnoringResourceVersion, handedOverDraft, keepStatus, keepSystemFields, prepareStrategy, reshareBelowTop,
  statusOnly,
} from './write-helpers.js';
import { DeletionLogic, type DeleteOptions } from './deletion.js';
import type { ApiServerConfig, CreateOptions, ListOptions, MutateOptions, UpdateOptions, WriteOptions } from './api-types.js';

export type { ApiServerConfig, CreateOptions, DeleteOptions, ListOptions, MutateOptions, UpdateOptions, WriteOptions };


/** How `mutate` writes: a typed client's draft (decoded data edited by typed code). */
const TYPED: WriteOptions = { typed: true };

export class ApiServer {
  readonly registry: ResourceRegistry;
  readonly clock: ApiClock;
  readonly allocators: ServiceAllocators;
  /** Warnings of the last write (unknown fields under fieldValidation=Warn). */
  lastWarnings: readonly string[] = [];
  private readonly store: ObjectStore;
  private readonly hub = new WatchHub();
  private readonly rngNames: Rng;
  private readonly rngUid: Rng;
  private readonly rngSa: Rng;
  private readonly deletion: DeletionLogic;
  private readonly selectorCache = new Map<string, Selector>();
  private readonly admission: AdmissionDeps;

  constructor(cfg: ApiServerConfig) {
    this.clock = cfg.clock;
    this.registry = cfg.registry ?? new ResourceRegistry([...BUILTIN_RESOURCES, ...CILIUM_RESOURCES]);
    this.store = new ObjectStore(cfg.startResourceVersion ?? 1);
    this.rngNames = cfg.rng.fork('k8s/names');
    this.rngUid = cfg.rng.fork('k8s/uid');
    this.rngSa = cfg.rng.fork('k8s/sa-volume');
    this.allocators = {
      ips: new ServiceIpAllocator(cfg.serviceCidr, cfg.rng.fork('k8s/clusterip')),
      nodePorts: new NodePortAllocator(cfg.rng.fork('k8s/nodeport')),
    };
    this.admission = { lookup: (kind, ns, name) => this.store.get(this.resource(kind), ns, name), rngSa: this.rngSa };
    this.deletion = new DeletionLogic({
      clock: this.clock,
      commit: (rt, obj, old) => this.commit(rt, obj, old),
      remove: (rt, obj) => this.removeObject(rt, obj),
    });
  }

  // --- reads ---

  /** The resource type of a kind; throws NotFound (`no matches for kind`) when unknown. */
  resource(kind: string, apiVersion?: string): ResourceType {
    const rt = this.registry.byKind(kind, apiVersion);
    if (!rt) throw new K8sError('NotFound', `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion ?? '')}`);
    return rt;
  }

  /** The stored object (frozen, shared), or undefined. */
  tryGet<K extends string>(kind: K, namespace: string | undefined, name: string): ObjectFor<K> | undefined {
    const rt = this.resource(kind);
    return this.store.get(rt, rt.namespaced ? namespace : undefined, name) as ObjectFor<K> | undefined;
  }

  /** Get; throws NotFound `pods "foo" not found`. @example api.get('Pod', 'default', 'curl-pod') */
  get<K extends string>(kind: K, namespace: string | undefined, name: string): ObjectFor<K> {
    const o = this.tryGet(kind, namespace, name);
    if (o === undefined) throw notFound(groupResourceOf(this.resource(kind)), name);
    return o;
  }

  /** List in key order, filtered by namespace, label selector and field selector (a new array of frozen objects). */
  list<K extends string>(kind: K, opts: ListOptions = {}): ObjectFor<K>[] {
    const rt = this.resource(kind);
    const sel = this.labelSelectorOf(opts.labelSelector);
    const fsel = parseFieldSelector(opts.fieldSelector ?? '');
    checkFieldLabels(rt, fsel);
    const items = this.store.list(rt, rt.namespaced ? opts.namespace : undefined);
    if (sel.length === 0 && fsel.length === 0) return items as ObjectFor<K>[];
    return items.filter((o) => matches(sel, o.metadata.labels) && matchesFields(o, fsel)) as ObjectFor<K>[];
  }

  /** A list object as `kubectl get -o json` receives it (kind "PodList", ...). */
  listObject<K extends string>(kind: K, opts: ListOptions = {}): ObjectList<ObjectFor<K>> {
    const rt = this.resource(kind);
    return { apiVersion: apiVersionOf(rt), kind: `${rt.kind}List`, metadata: { resourceVersion: this.store.currentResourceVersion }, items: this.list(kind, opts) };
  }

  /** Objects of `kind` whose ownerReferences name `ownerUid`, in key order (an informer's owner index). */
  dependents<K extends string>(kind: K, ownerUid: string): ObjectFor<K>[] {
    const rt = this.resource(kind);
    const out = this.store.dependentsOfKind(ownerUid, rt.kind, apiVersionOf(rt));
    if (out.length > 1) out.sort(compareKeys);
    return out as ObjectFor<K>[];
  }

  /** Objects of any kind whose ownerReferences name `ownerUid`. */
  allDependents(ownerUid: string): KubeObject[] {
    return this.store.dependentsOf(ownerUid);
  }

  /** The stored object with this uid, any kind. */
  byUid(uid: string): KubeObject | undefined {
    return this.store.byUidOf(uid);
  }

  /** Every stored object, any kind (frozen, shared). */
  allObjects(): readonly KubeObject[] {
    return this.store.all();
  }

  private labelSelectorOf(s: string | Selector | undefined): Selector {
    if (s === undefined) return [];
    if (typeof s !== 'string') return s;
    const hit = this.selectorCache.get(s);
    if (hit !== undefined) return hit;
    try {
      const sel = parseSelector(s);
      if (this.selectorCache.size >= SELECTOR_CACHE_SIZE) this.selectorCache.clear();
      this.selectorCache.set(s, sel);
      return sel;
    } catch (e) {
      if (e instanceof SelectorParseError) throw badRequest(e.message);
      throw e;
    }
  }

  // --- watch ---

  /** Subscribes to ADDED/MODIFIED/DELETED of one kind. @example api.on('Pod', (e) => ...) */
  on<K extends string>(kind: K, handler: WatchHandler<ObjectFor<K>>): () => void {
    return this.hub.on(kind, handler as WatchHandler);
  }

  onAny(handler: WatchHandler): () => void {
    return this.hub.onAny(handler);
  }

  // --- writes ---

  /** Create, as POST does. @example api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lab' } }) */
  create<T extends KubeObject>(input: T, opts: CreateOptions = {}): T {
    const rt = this.resource(input.kind, input.apiVersion);
    this.lastWarnings = checkDecode(rt, input, opts);
    const obj = opts.handOver && input.kind !== 'Service' ? handedOverDraft(input) : draftOf(input);
    obj.metadata ??= {};
    if (obj.metadata.resourceVersion) throw badRequest('resourceVersion should not be set on objects to be created');
    clearSystemFieldsForCreate(obj);
    if (rt.namespaced) obj.metadata.namespace ||= opts.namespace ?? 'default';
    else delete obj.metadata.namespace;
    if (rt.hasStatusSubresource && rt.kind !== 'Node') delete (obj as { status?: unknown }).status;
    applyDefaults(obj);
    admit(rt, obj, this.admission);
    // BeforeCreate generates the name after mutating admission (whose errors name the generateName).
    if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = this.freeName(rt, obj);
    const allocErr = rt.kind === 'Service' ? allocateForCreate(obj as unknown as Service, this.allocators) : undefined;
    if (allocErr) throw allocErr;
    const errs = validateCreate(obj, rt);
    if (errs.length > 0) {
      this.releaseIfService(rt, obj);
      throw invalid(groupKindOf(rt), obj.metadata.name ?? '', errs);
    }
    if (this.store.get(rt, obj.metadata.namespace, obj.metadata.name ?? '')) {
      this.releaseIfService(rt, obj);
      throw alreadyExists(groupResourceOf(rt), obj.metadata.name ?? '');
    }
    prepareStrategy(obj, undefined);
    obj.metadata.uid = uuidV4(this.rngUid);
    obj.metadata.creationTimestamp = this.clock.time(opts.atUs);
    if (rt.hasGeneration) obj.metadata.generation = 1;
    if (opts.dryRun) {
      this.releaseIfService(rt, obj);
      return obj;
    }
    return this.commit(rt, obj, undefined, true);
  }

  /** Update (PUT); `subresource: 'status'` writes only the status. Throws Conflict on a stale resourceVersion. */
  update<T extends KubeObject>(input: T, opts: UpdateOptions = {}): T {
    const rt = this.resource(input.kind, input.apiVersion);
    const old = this.storedForUpdate(rt, input, opts);
    if (opts.subresource === 'status') return this.write(rt, statusOnly(old, input), old, opts) as T;
    return this.write(rt, draftOf(input, old), old, opts) as T;
  }

  updateStatus<T extends KubeObject>(input: T): T {
    return this.update(input, { subresource: 'status' });
  }

  /**
   * Read-modify-write for controllers (copy-on-write): `fn` edits a private copy of the stored object,
   * which is then written as an update (a typed write: the draft is decoded data edited by typed code).
   * Returns the stored result, or undefined when the object is gone.
   */
  mutate<K extends string>(kind: K, namespace: string | undefined, name: string, fn: (o: ObjectFor<K>) => void, opts: MutateOptions = {}): ObjectFor<K> | undefined {
    const rt = this.resource(kind);
    const cur = this.store.get(rt, rt.namespaced ? namespace : undefined, name);
    if (cur === undefined) return undefined;
    // A status write edits only the status: the draft shares everything else with the stored object.
    const status = opts.subresource === 'status';
    const shallow = opts.shallow === true;
    const st = (cur as { status?: unknown }).status;
    const draft = (status
      ? { ...cur, metadata: { ...cur.metadata }, status: shallow ? copyTop(st) : deepClone(st) }
      : shallow ? draftOf(cur) : deepClone(cur)) as ObjectFor<K>;
    fn(draft);
    reshareBelowTop(draft, cur);
    // The draft's status is private and final: frozen, the status write takes it without a copy.
    if (status) deepFreeze((draft as { status?: unknown }).status);
    const old = this.storedForUpdate(rt, draft, TYPED);
    return this.write(rt, status ? statusOnly(old, draft) : draft, old, opts) as ObjectFor<K>;
  }

  /** Decode checks and the stored object an update applies to (NotFound, Conflict on a stale resourceVersion). */
  private storedForUpdate(rt: ResourceType, input: KubeObject, opts: WriteOptions): KubeObject {
    this.lastWarnings = checkDecode(rt, input, opts);
    const name = input.metadata.name ?? '';
    const old = this.store.get(rt, rt.namespaced ? (input.metadata.namespace ?? 'default') : undefined, name);
    if (!old) throw notFound(groupResourceOf(rt), name);
    const rv = input.metadata.resourceVersion;
    if (rv !== undefined && rv !== '' && rv !== old.metadata.resourceVersion) throw conflict(groupResourceOf(rt), name, OBJECT_MODIFIED);
    return old;
  }

  /** The update path after decoding: `obj` is a private draft (stored subtrees it shares are never written). */
  private write(rt: ResourceType, obj: KubeObject, old: KubeObject, opts: UpdateOptions): KubeObject {
    const name = obj.metadata.name ?? '';
    keepSystemFields(obj, old);
    if (rt.hasStatusSubresource && opts.subresource !== 'status') keepStatus(obj, old);
    applyDefaults(obj);
    if (rt.kind === 'Service') {
      const err = allocateForUpdate(obj as unknown as Service, old as unknown as Service, this.allocators);
      if (err) throw err;
    }
    const errs = opts.subresource === 'status' ? [] : validateUpdate(obj, old, rt);
    if (errs.length > 0) throw invalid(groupKindOf(rt), name, errs);
    bumpGeneration(rt, obj, old);
    if (opts.subresource !== 'status') prepareStrategy(obj, old);
    if (opts.dryRun) return obj;
    if (equalIgnoringResourceVersion(obj, old)) return old;
    if (rt.kind === 'Service') releaseDropped(obj as unknown as Service, old as unknown as Service, this.allocators);
    if (obj.metadata.deletionTimestamp !== undefined && (obj.metadata.finalizers ?? []).length === 0 && rt.kind !== 'Pod' && rt.kind !== 'Namespace') {
      this.removeObject(rt, obj);
      return obj;
    }
    return this.commit(rt, obj, old, opts.subresource !== 'status');
  }

  /** pods/binding: assigns a node and sets PodScheduled (pkg/registry/core/pod/storage assignPod). */
  bind(namespace: string, name: string, nodeName: string): Pod {
    const old = this.get('Pod', namespace, name);
    if (old.spec.nodeName) throw conflict('pods/binding', name, `pod ${name} is already assigned to node ${JSON.stringify(old.spec.nodeName)}`);
    if (old.metadata.deletionTimestamp) throw conflict('pods/binding', name, `pod ${name} is being deleted, cannot be assigned to a host`);
    const conds = (old.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    conds.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: this.clock.time() });
    const pod: Pod = { ...old, metadata: { ...old.metadata }, spec: { ...old.spec, nodeName }, status: { ...old.status, conditions: conds } };
    return this.commit(this.resource('Pod'), pod, old);
  }

  /** Delete, honouring grace periods, finalizers and propagation policy. Returns the object's last state. */
  delete<K extends string>(kind: K, namespace: string | undefined, name: string, opts: DeleteOptions = {}): ObjectFor<K> {
    const rt = this.resource(kind);
    const old = this.store.get(rt, rt.namespaced ? namespace : undefined, name);
    if (!old) throw notFound(groupResourceOf(rt), name);
    return this.deletion.delete(rt, old, opts) as ObjectFor<K>;
  }

  /**
   * Namespace finalization (the namespace controller's last step): removes a Terminating namespace
   * once nothing is left in it. Returns whether it was removed.
   */
  finalizeNamespace(name: string): boolean {
    const rt = this.resource('Namespace');
    const ns = this.store.get(rt, undefined, name);
    if (!ns || ns.metadata.deletionTimestamp === undefined) return false;
    if (this.store.hasObjectsIn(name)) return false;
    this.removeObject(rt, deepClone(ns));
    return true;
  }

  // --- internals ---

  /** A create that does not happen gives back the Service's cluster IPs and node ports. */
  private releaseIfService(rt: ResourceType, obj: KubeObject): void {
    if (rt.kind === 'Service') releaseAll(obj as unknown as Service, this.allocators);
  }

  private freeName(rt: ResourceType, obj: KubeObject): string {
    for (let i = 0; i < 8; i++) {
      const n = generateName(this.rngNames, obj.metadata.generateName ?? '');
      if (!this.store.get(rt, obj.metadata.namespace, n)) return n;
    }
    throw alreadyExists(groupResourceOf(rt), obj.metadata.generateName ?? '');
  }

  /** Stores a draft as the new state (frozen from here on) and tells the watchers; `validated`: it passed validation. */
  private commit<T extends KubeObject>(rt: ResourceType, obj: T, old: KubeObject | undefined, validated = false): T {
    obj.metadata.resourceVersion = this.store.nextResourceVersion();
    deepFreeze(obj);
    if (validated) rememberValidated(obj);
    this.store.put(rt, obj);
    this.hub.emit(old === undefined ? { type: 'ADDED', object: obj } : { type: 'MODIFIED', object: obj, oldObject: old });
    return obj;
  }

  /** Removes an object; `obj` (a draft of its last state) is frozen and sent as the DELETED event. */
  private removeObject(rt: ResourceType, obj: KubeObject): void {
    const old = this.store.get(rt, obj.metadata.namespace, obj.metadata.name ?? '');
    obj.metadata.resourceVersion = this.store.nextResourceVersion();
    deepFreeze(obj);
    this.store.remove(rt, obj.metadata.namespace, obj.metadata.name ?? '');
    if (rt.kind === 'Service') releaseAll(obj as unknown as Service, this.allocators);
    this.hub.emit(old === undefined ? { type: 'DELETED', object: obj } : { type: 'DELETED', object: obj, oldObject: old });
  }
}

const SELECTOR_CACHE_SIZE = 1024;

/** A copy of an object or list one level deep (its members stay shared). */
function copyTop(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  return Array.isArray(v) ? [...v] : { ...v };
}

/** Storage key order (`namespace/name` by code units); the names decide alone within one namespace. */
function compareKeys(a: KubeObject, b: KubeObject): number {
  if (a.metadata.namespace === b.metadata.namespace) {
    const na = a.metadata.name ?? '';
    const nb = b.metadata.name ?? '';
    return na < nb ? -1 : na > nb ? 1 : 0;
  }
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name ?? ''}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
