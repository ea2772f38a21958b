// Layer cilium: the cluster-wide identity allocator (pkg/allocator with the CRD backend): one numeric
// identity per filtered label set, drawn at random from 256..65535 (the idpool hands out an arbitrary free
// id), reference-counted so an identity is released when its last endpoint goes. Labels are filtered as
// pkg/labelsfilter does: pod-template-hash, controller-revision-hash and pod-template-generation are dropped.

import type { Rng } from '../../sim/index.js';
import { MAX_ALLOCATED_IDENTITY, MIN_ALLOCATED_IDENTITY } from './numeric-identity.js';

export interface Identity {
  readonly id: number;
  /** Sorted "source:key=value" labels, e.g. "k8s:app=webpod". */
  readonly labels: readonly string[];
  refs: number;
}

const DROPPED_LABELS = new Set(['pod-template-hash', 'controller-revision-hash', 'pod-template-generation', 'statefulset.kubernetes.io/pod-name']);

/** The identity-relevant labels of a pod, in Cilium's "k8s:key=value" form, sorted. */
export function identityLabels(podLabels: Readonly<Record<string, string>>, namespace: string, serviceAccount: string, namespaceLabels: Readonly<Record<string, string>> = {}): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(podLabels)) if (!DROPPED_LABELS.has(k)) out.push(`k8s:${k}=${v}`);
  for (const [k, v] of Object.entries(namespaceLabels)) out.push(`k8s:io.cilium.k8s.namespace.labels.${k}=${v}`);
  out.push(`k8s:io.cilium.k8s.policy.cluster=default`);
  out.push(`k8s:io.cilium.k8s.policy.serviceaccount=${serviceAccount}`);
  out.push(`k8s:io.kubernetes.pod.namespace=${namespace}`);
  return out.sort();
}

export class IdentityAllocator {
  private readonly byKey = new Map<string, Identity>();
  private readonly byId = new Map<number, Identity>();

  constructor(private readonly rng: Rng) {}

  /** Takes a reference on the identity of `labels`, allocating a random free id the first time. */
  acquire(labels: readonly string[]): Identity {
    const key = labels.join(';');
    let ident = this.byKey.get(key);
    if (!ident) {
      ident = { id: this.freeId(), labels: [...labels], refs: 0 };
      this.byKey.set(key, ident);
      this.byId.set(ident.id, ident);
    }
    ident.refs++;
    return ident;
  }

  release(id: number): void {
    const ident = this.byId.get(id);
    if (!ident) return;
    if (--ident.refs > 0) return;
    this.byId.delete(id);
    this.byKey.delete(ident.labels.join(';'));
  }

  get(id: number): Identity | undefined {
    return this.byId.get(id);
  }

  list(): Identity[] {
    return [...this.byId.values()].sort((a, b) => a.id - b.id);
  }

  private freeId(): number {
    const span = MAX_ALLOCATED_IDENTITY - MIN_ALLOCATED_IDENTITY + 1;
    if (this.byId.size >= span) throw new Error('identity space exhausted');
    for (;;) {
      const id = this.rng.int(MIN_ALLOCATED_IDENTITY, MAX_ALLOCATED_IDENTITY);
      if (!this.byId.has(id)) return id;
    }
  }
}
