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

/** Where an object lives: updates swap the object in place, so the indexes and orders above it stay. */
interface Slot {
  obj: KubeObject;
}

interface Bucket {
  /** Storage key → slot, in the order keys first appeared. */
  readonly byKey: Map<string, Slot>;
  /** Namespace → name → slot (namespaced resources only). */
  readonly byNamespace: Map<string, Map<string, Slot>>;
  /** Every slot in key order, while no key came or went. */
  sortedKeys: Slot[] | undefined;
  /** Namespace → its slots in name order, while no name came or went. */
  readonly sortedNames: Map<string, Slot[]>;
}

export class ObjectStore {
  private readonly buckets = new Map<string, Bucket>();
  /** The bucket of a ResourceType object (a re-registered type maps to the same storage key). */
  private readonly byType = new WeakMap<ResourceType, Bucket>();
  /** The bucket asked for last (reads come in runs of one kind). */
  private lastType: ResourceType | undefined;
  private lastBucket: Bucket | undefined;
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
    if (rt === this.lastType && this.lastBucket !== undefined) return this.lastBucket;
    const hit = this.byType.get(rt);
    if (hit) {
      this.lastType = rt;
      this.lastBucket = hit;
      return hit;
    }
    const k = storageKey(rt);
    let b = this.buckets.get(k);
    if (!b) {
      b = { byKey: new Map(), byNamespace: new Map(), sortedKeys: undefined, sortedNames: new Map() };
      this.buckets.set(k, b);
    }
    this.byType.set(rt, b);
    return b;
  }

  /** By namespace, then name: no key string to build and hash. */
  private slot(b: Bucket, rt: ResourceType, namespace: string | undefined, name: string): Slot | undefined {
    return rt.namespaced ? b.byNamespace.get(namespace ?? '')?.get(name) : b.byKey.get(name);
  }

  get(rt: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.slot(this.bucket(rt), rt, namespace, name)?.obj;
  }

  /** Stores a frozen object, replacing the one under its key (in place: only a new key touches the key maps). */
  put(rt: ResourceType, obj: KubeObject): void {
    const b = this.bucket(rt);
    const name = obj.metadata.name ?? '';
    const slot = this.slot(b, rt, obj.metadata.namespace, name);
    if (slot) {
      const old = slot.obj;
      slot.obj = obj;
      this.index(old, obj);
      return;
    }
    const fresh: Slot = { obj };
    b.byKey.set(key(rt, obj.metadata.namespace, name), fresh);
    b.sortedKeys = undefined;
    if (rt.namespaced) {
      const ns = obj.metadata.namespace ?? '';
      let names = b.byNamespace.get(ns);
      if (!names) {
        names = new Map();
        b.byNamespace.set(ns, names);
      }
      names.set(name, fresh);
      b.sortedNames.delete(ns);
    }
    this.index(undefined, obj);
  }

  remove(rt: ResourceType, namespace: string | undefined, name: string): void {
    const b = this.bucket(rt);
    const slot = this.slot(b, rt, namespace, name);
    if (!slot) return;
    b.byKey.delete(key(rt, namespace, name));
    b.sortedKeys = undefined;
    if (rt.namespaced) {
      const ns = namespace ?? '';
      const names = b.byNamespace.get(ns);
      names?.delete(name);
      if (names?.size === 0) b.byNamespace.delete(ns);
      b.sortedNames.delete(ns);
    }
    this.index(slot.obj, undefined);
  }

  /** Objects of one resource, optionally in one namespace, in key order (a new array). */
  list(rt: ResourceType, namespace?: string): KubeObject[] {
    const b = this.bucket(rt);
    if (rt.namespaced && namespace !== undefined) {
      const names = b.byNamespace.get(namespace);
      if (!names) return [];
      let order = b.sortedNames.get(namespace);
      if (!order) {
        order = [...names.entries()].sort(byFirst).map((e) => e[1]);
        b.sortedNames.set(namespace, order);
      }
      return order.map(objectOf);
    }
    b.sortedKeys ??= [...b.byKey.entries()].sort(byFirst).map((e) => e[1]);
    return b.sortedKeys.map(objectOf);
  }

  byUidOf(uid: string): KubeObject | undefined {
    return this.byUid.get(uid);
  }

  /** Objects with an ownerReference to `ownerUid`, any kind, in no particular order. */
  dependentsOf(ownerUid: string): KubeObject[] {
    const m = this.owned.get(ownerUid);
    return m ? [...m.values()] : [];
  }

  /** Dependents of `ownerUid` of one kind and apiVersion, in no particular order. */
  dependentsOfKind(ownerUid: string, kind: string, apiVersion: string): KubeObject[] {
    const out: KubeObject[] = [];
    const m = this.owned.get(ownerUid);
    if (m) for (const o of m.values()) if (o.kind === kind && o.apiVersion === apiVersion) out.push(o);
    return out;
  }

  /** Whether any namespaced object lives in `namespace`. */
  hasObjectsIn(namespace: string): boolean {
    for (const b of this.buckets.values()) if ((b.byNamespace.get(namespace)?.size ?? 0) > 0) return true;
    return false;
  }

  /** Every stored object (for namespace deletion). */
  all(): KubeObject[] {
    const out: KubeObject[] = [];
    for (const b of this.buckets.values()) for (const s of b.byKey.values()) out.push(s.obj);
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

function objectOf(s: Slot): KubeObject {
  return s.obj;
}

/** Entries by key, in code-unit order (keys are unique). */
function byFirst(a: [string, Slot], b: [string, Slot]): number {
  return a[0] < b[0] ? -1 : 1;
}
