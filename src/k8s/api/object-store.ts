// Layer k8s: the apiserver's storage (etcd in a real cluster) with the indexes informers keep beside it.
// Objects are deep-frozen when stored and handed out shared. One global resourceVersion counter;
// listings in key order (namespace/name) as etcd returns them, from sorted key arrays rebuilt only when
// a key appears or goes; per-namespace buckets; a uid index; and an owner index (ownerReference uid →
// dependents) for the garbage collector and the workload controllers.

import type { KubeObject } from '../objects/meta.js';
import type { ResourceType } from '../resource-registry.js';

export function storageKey(rt: ResourceType): string {
  return `${rt.group}/${rt.kind}`;
}

interface Bucket {
  readonly byKey: Map<string, KubeObject>;
  /** Namespace → name → object (namespaced resources only). */
  readonly byNamespace: Map<string, Map<string, KubeObject>>;
  sortedKeys: string[] | undefined;
  /** Namespace → its names in order, while no name came or went. */
  readonly sortedNames: Map<string, string[]>;
}

export class ObjectStore {
  private readonly buckets = new Map<string, Bucket>();
  /** The bucket of a ResourceType object (a re-registered type maps to the same storage key). */
  private readonly byType = new WeakMap<ResourceType, Bucket>();
  private readonly byUid = new Map<string, KubeObject>();
  /** Owner uid → dependent uid → dependent. */
  private readonly owned = new Map<string, Map<string, KubeObject>>();
  private rv: number;

  constructor(startResourceVersion = 1) {
    this.rv = startResourceVersion;
  }

  /** The next resourceVersion (a decimal string, as etcd revisions print). */
  nextResourceVersion(): string {
    this.rv += 1;
    return String(this.rv);
  }

  get currentResourceVersion(): string {
    return String(this.rv);
  }

  private bucket(rt: ResourceType): Bucket {
    const hit = this.byType.get(rt);
    if (hit) return hit;
    const k = storageKey(rt);
    let b = this.buckets.get(k);
    if (!b) {
      b = { byKey: new Map(), byNamespace: new Map(), sortedKeys: undefined, sortedNames: new Map() };
      this.buckets.set(k, b);
    }
    this.byType.set(rt, b);
    return b;
  }

  /** A read: by namespace, then name (no key string to build and hash). */
  get(rt: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    const b = this.bucket(rt);
    return rt.namespaced ? b.byNamespace.get(namespace ?? '')?.get(name) : b.byKey.get(name);
  }

  /** Stores a frozen object, replacing the one under its key. */
  put(rt: ResourceType, obj: KubeObject): void {
    const b = this.bucket(rt);
    const name = obj.metadata.name ?? '';
    const k = key(rt, obj.metadata.namespace, name);
    const old = b.byKey.get(k);
    b.byKey.set(k, obj);
    if (rt.namespaced) {
      const ns = obj.metadata.namespace ?? '';
      let names = b.byNamespace.get(ns);
      if (!names) {
        names = new Map();
        b.byNamespace.set(ns, names);
      }
      names.set(name, obj);
      if (!old) b.sortedNames.delete(ns);
    }
    if (!old) b.sortedKeys = undefined;
    this.index(old, obj);
  }

  remove(rt: ResourceType, namespace: string | undefined, name: string): void {
    const b = this.bucket(rt);
    const k = key(rt, namespace, name);
    const old = b.byKey.get(k);
    if (!old) return;
    b.byKey.delete(k);
    b.sortedKeys = undefined;
    if (rt.namespaced) {
      const ns = namespace ?? '';
      const names = b.byNamespace.get(ns);
      names?.delete(name);
      if (names?.size === 0) b.byNamespace.delete(ns);
      b.sortedNames.delete(ns);
    }
    this.index(old, undefined);
  }

  /** Objects of one resource, optionally in one namespace, in key order (a new array). */
  list(rt: ResourceType, namespace?: string): KubeObject[] {
    const b = this.bucket(rt);
    if (rt.namespaced && namespace !== undefined) {
      const names = b.byNamespace.get(namespace);
      if (!names) return [];
      let order = b.sortedNames.get(namespace);
      if (!order) {
        order = [...names.keys()].sort(byCodeUnits);
        b.sortedNames.set(namespace, order);
      }
      return order.map((n) => names.get(n) as KubeObject);
    }
    b.sortedKeys ??= [...b.byKey.keys()].sort(byCodeUnits);
    return b.sortedKeys.map((k) => b.byKey.get(k) as KubeObject);
  }

  byUidOf(uid: string): KubeObject | undefined {
    return this.byUid.get(uid);
  }

  /** Objects with an ownerReference to `ownerUid`, any kind, in no particular order. */
  dependentsOf(ownerUid: string): KubeObject[] {
    const m = this.owned.get(ownerUid);
    return m ? [...m.values()] : [];
  }

  /** Whether any namespaced object lives in `namespace`. */
  hasObjectsIn(namespace: string): boolean {
    for (const b of this.buckets.values()) if ((b.byNamespace.get(namespace)?.size ?? 0) > 0) return true;
    return false;
  }

  /** Every stored object (for namespace deletion). */
  all(): KubeObject[] {
    const out: KubeObject[] = [];
    for (const b of this.buckets.values()) for (const o of b.byKey.values()) out.push(o);
    return out;
  }

  /** Keeps the uid and owner indexes; an updated dependent keeps its place among its owner's dependents. */
  private index(old: KubeObject | undefined, obj: KubeObject | undefined): void {
    const oldUid = old?.metadata.uid;
    const uid = obj?.metadata.uid;
    // An update that kept its (shared) owner references only repoints the entries at the new object.
    const sameOwners = oldUid !== undefined && oldUid === uid && old?.metadata.ownerReferences === obj?.metadata.ownerReferences;
    if (oldUid !== undefined && !sameOwners) {
      this.byUid.delete(oldUid);
      for (const r of old?.metadata.ownerReferences ?? []) {
        if (oldUid === uid && obj?.metadata.ownerReferences?.some((n) => n.uid === r.uid)) continue;
        const m = this.owned.get(r.uid);
        m?.delete(oldUid);
        if (m?.size === 0) this.owned.delete(r.uid);
      }
    }
    if (obj === undefined || uid === undefined) return;
    this.byUid.set(uid, obj);
    for (const r of obj.metadata.ownerReferences ?? []) {
      let m = this.owned.get(r.uid);
      if (!m) {
        m = new Map();
        this.owned.set(r.uid, m);
      }
      m.set(uid, obj);
    }
  }
}

function key(rt: ResourceType, namespace: string | undefined, name: string): string {
  return rt.namespaced ? `${namespace ?? ''}/${name}` : name;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
