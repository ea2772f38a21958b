// Layer k8s: the apiserver's storage (etcd in a real cluster): objects by resource and key,
// one global resourceVersion counter, listings in key order (namespace/name) as etcd returns them.

import type { KubeObject } from '../objects/meta.js';
import type { ResourceType } from '../resource-registry.js';

export function storageKey(rt: ResourceType): string {
  return `${rt.group}/${rt.kind}`;
}

export class ObjectStore {
  private readonly buckets = new Map<string, Map<string, KubeObject>>();
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

  private bucket(rt: ResourceType): Map<string, KubeObject> {
    const k = storageKey(rt);
    let b = this.buckets.get(k);
    if (!b) {
      b = new Map();
      this.buckets.set(k, b);
    }
    return b;
  }

  get(rt: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.bucket(rt).get(key(rt, namespace, name));
  }

  put(rt: ResourceType, obj: KubeObject): void {
    this.bucket(rt).set(key(rt, obj.metadata.namespace, obj.metadata.name ?? ''), obj);
  }

  remove(rt: ResourceType, namespace: string | undefined, name: string): void {
    this.bucket(rt).delete(key(rt, namespace, name));
  }

  /** Objects of one resource, optionally in one namespace, sorted by key. */
  list(rt: ResourceType, namespace?: string): KubeObject[] {
    const out: { k: string; o: KubeObject }[] = [];
    for (const [k, o] of this.bucket(rt)) if (namespace === undefined || o.metadata.namespace === namespace) out.push({ k, o });
    out.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
    return out.map((e) => e.o);
  }

  /** Every stored object (for the garbage collector and namespace deletion). */
  all(): KubeObject[] {
    const out: KubeObject[] = [];
    for (const b of this.buckets.values()) out.push(...b.values());
    return out;
  }
}

function key(rt: ResourceType, namespace: string | undefined, name: string): string {
  return rt.namespaced ? `${namespace ?? ''}/${name}` : name;
}
