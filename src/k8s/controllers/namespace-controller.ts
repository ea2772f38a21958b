// Layer k8s: namespace housekeeping: the namespace controller (pkg/controller/namespace) empties a
// Terminating namespace and finalizes it; the serviceaccounts controller creates `default` in every
// namespace; the root-ca-cert-publisher creates the `kube-root-ca.crt` ConfigMap.

import type { Scheduler } from '../../sim/scheduler.js';
import type { ApiServer } from '../api/api-server.js';
import { isK8sError } from '../errors.js';
import { WorkQueue } from './work-queue.js';

const NS_SYNC_DELAY_US = 5_000;
const NS_RESYNC_US = 200_000;

export class NamespaceController {
  private readonly queue: WorkQueue;

  constructor(
    private readonly api: ApiServer,
    scheduler: Scheduler,
    private readonly caCert: string,
  ) {
    this.queue = new WorkQueue(scheduler, (ns) => this.sync(ns));
    api.on('Namespace', (e) => {
      if (e.type !== 'DELETED') this.queue.add(e.object.metadata.name ?? '', NS_SYNC_DELAY_US);
    });
    api.on('ServiceAccount', (e) => {
      if (e.type === 'DELETED') this.queue.add(e.object.metadata.namespace ?? '', NS_SYNC_DELAY_US);
    });
  }

  private sync(name: string): void {
    const ns = this.api.tryGet('Namespace', undefined, name);
    if (!ns) return;
    if (ns.metadata.deletionTimestamp !== undefined) return this.drain(name);
    this.ensureDefaults(name);
  }

  /** The `default` ServiceAccount and `kube-root-ca.crt` of a namespace (optionally backdated). */
  ensureDefaults(name: string, atUs?: number): void {
    const opts = atUs === undefined ? { typed: true } : { atUs, typed: true };
    this.ensure(() => {
      if (!this.api.tryGet('ServiceAccount', name, 'default'))
        this.api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } }, opts);
    });
    this.ensure(() => {
      if (!this.api.tryGet('ConfigMap', name, 'kube-root-ca.crt'))
        this.api.create(
          {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: 'kube-root-ca.crt', namespace: name, annotations: { 'kubernetes.io/description': ROOT_CA_DESCRIPTION } },
            data: { 'ca.crt': this.caCert },
          },
          opts,
        );
    });
  }

  /** Deletes everything in a Terminating namespace, then finalizes it once empty. */
  private drain(name: string): void {
    const left = this.api.allObjects().filter((o) => o.metadata.namespace === name);
    for (const o of left) {
      if (o.metadata.deletionTimestamp !== undefined) continue;
      this.ensure(() => this.api.delete(o.kind, name, o.metadata.name ?? '', { propagationPolicy: 'Background' }));
    }
    if (!this.api.finalizeNamespace(name)) this.queue.add(name, NS_RESYNC_US);
  }

  private ensure(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      if (!isK8sError(e)) throw e;
    }
  }
}

const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';
