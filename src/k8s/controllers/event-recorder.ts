// Layer k8s: records core/v1 Events the way client-go's EventRecorder does (tools/record): name
// `<object>.<hex unix nanos>`, involvedObject reference, source, and a count bumped when the same
// event repeats (the EventCorrelator's dedup). Scheduler events use the events.k8s.io shape
// (eventTime, reportingComponent, action, no first/last timestamps).

import type { Event, ObjectReference } from '../objects/core.js';
import type { KubeObject } from '../objects/meta.js';
import type { ApiServer } from '../api/api-server.js';
import { isK8sError } from '../errors.js';

export interface EventSourceInfo {
  readonly component: string;
  readonly host?: string;
}

export interface RecordOptions {
  readonly fieldPath?: string;
  /** events.k8s.io-style event (the scheduler): action plus reporting instance. */
  readonly action?: string;
  readonly reportingInstance?: string;
}

export class EventRecorder {
  private readonly seen = new Map<string, string>();
  private lastNanos = 0n;

  constructor(private readonly api: ApiServer) {}

  /** Records an event about `obj`. @example rec.record(pod, 'Normal', 'Pulled', 'Container image "x" already present on machine', kubelet) */
  record(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSourceInfo, opts: RecordOptions = {}): void {
    const ref = this.reference(obj, opts.fieldPath);
    const namespace = obj.metadata.namespace ?? 'default';
    const key = `${ref.uid ?? ''}\u0000${ref.fieldPath ?? ''}\u0000${reason}\u0000${message}\u0000${source.component}\u0000${source.host ?? ''}`;
    const existing = this.seen.get(key);
    try {
      if (existing !== undefined && this.bump(namespace, existing, opts)) return;
      const ev = this.newEvent(ref, namespace, type, reason, message, source, opts);
      this.api.create(ev, { handOver: true, typed: true });
      this.seen.set(key, ev.metadata.name ?? '');
    } catch (e) {
      // Events are best effort: a namespace being deleted refuses them, as in a real cluster.
      if (!isK8sError(e)) throw e;
    }
  }

  private reference(obj: KubeObject, fieldPath: string | undefined): ObjectReference {
    const ref: ObjectReference = { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name ?? '' };
    if (obj.metadata.namespace !== undefined) ref.namespace = obj.metadata.namespace;
    if (obj.metadata.resourceVersion !== undefined) ref.resourceVersion = obj.metadata.resourceVersion;
    if (obj.metadata.uid !== undefined) ref.uid = obj.metadata.uid;
    if (fieldPath !== undefined) ref.fieldPath = fieldPath;
    return ref;
  }

  private bump(namespace: string, name: string, opts: RecordOptions): boolean {
    const clock = this.api.clock;
    const updated = this.api.mutate('Event', namespace, name, (ev) => {
      if (opts.action !== undefined) ev.series = { count: (ev.series?.count ?? 1) + 1, lastObservedTime: clock.microTime() };
      else {
        ev.count = (ev.count ?? 1) + 1;
        ev.lastTimestamp = clock.time();
      }
    }, { shallow: true });
    return updated !== undefined;
  }

  private newEvent(
    ref: ObjectReference, namespace: string, type: 'Normal' | 'Warning', reason: string, message: string,
    source: EventSourceInfo, opts: RecordOptions,
  ): Event {
    const clock = this.api.clock;
    let nanos = BigInt(Math.round(clock.wallMs() * 1000)) * 1000n;
    if (nanos <= this.lastNanos) nanos = this.lastNanos + 1n;
    this.lastNanos = nanos;
    const name = `${ref.name ?? ''}.${nanos.toString(16)}`;
    const newStyle = opts.action !== undefined;
    const ev: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: ref,
      reason,
      message,
      source: newStyle ? {} : source.host !== undefined ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: newStyle ? null : clock.time(),
      lastTimestamp: newStyle ? null : clock.time(),
      type,
      eventTime: newStyle ? clock.microTime() : null,
      reportingComponent: source.component,
      reportingInstance: opts.reportingInstance ?? source.host ?? '',
    };
    if (!newStyle) ev.count = 1;
    if (opts.action !== undefined) ev.action = opts.action;
    return ev;
  }
}
