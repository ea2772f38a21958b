// Layer tools (kubectl): the multi-line fields every describer shares (kubectl/pkg/describe/describe.go):
// Labels and Annotations (sorted, the last-applied annotation skipped, long values wrapped), Taints,
// Tolerations, and the Events table sorted by last timestamp with "(xN over T)" for repeats.

import type { Event, KubeObject, Taint, Toleration } from '../../../k8s/index.js';
import type { Ctx } from '../cli/context.js';
import { age } from '../printers/format.js';
import type { PrefixWriter } from './prefix-writer.js';

const MAX_ANNOTATION_LEN = 140;
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** printLabelsMultilineWithIndent. */
export function printLabels(w: PrefixWriter, title: string, labels: Readonly<Record<string, string>> | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return w.line('<none>');
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, `${initialIndent}${innerIndent}`);
    w.write(0, `${k}=${labels?.[k] ?? ''}\n`);
  });
}

/** printAnnotationsMultiline. */
export function printAnnotations(w: PrefixWriter, title: string, annotations: Readonly<Record<string, string>> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIP_ANNOTATIONS.has(k)).sort();
  if (keys.length === 0) return w.line('<none>');
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = (annotations?.[k] ?? '').replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const s of value.split('\n')) w.write(0, `\t  ${s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 2)}...` : s}\n`);
    } else w.write(0, `${k}: ${value}\n`);
  });
}

/** printTaintsMultilineWithIndent (taint.ToString: key=value:effect). */
export function printTaints(w: PrefixWriter, title: string, taints: readonly Taint[] | undefined): void {
  w.write(0, `${title}:\t`);
  const list = [...(taints ?? [])].sort((a, b) => (`${a.effect},${a.key}` < `${b.effect},${b.key}` ? -1 : 1));
  if (list.length === 0) return w.line('<none>');
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${t.key}${t.value ? `=${t.value}` : ''}${t.effect ? `:${t.effect}` : ''}\n`);
  });
}

/** printTolerationsMultilineWithIndent. */
export function printTolerations(w: PrefixWriter, title: string, tolerations: readonly Toleration[] | undefined, initialIndent = ''): void {
  w.write(0, `${initialIndent}${title}:\t`);
  const list = [...(tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  if (list.length === 0) return w.line('<none>');
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, `${initialIndent}\t`);
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${s}\n`);
  });
}

/** searchEvents: the events about `obj` (by name, namespace, uid and, unless `anyKind`, kind). */
export function eventsFor(ctx: Ctx, obj: KubeObject, anyKind = false, uid = obj.metadata.uid): Event[] {
  const fields = [`involvedObject.name=${obj.metadata.name ?? ''}`, `involvedObject.namespace=${obj.metadata.namespace ?? ''}`];
  if (!anyKind) fields.push(`involvedObject.kind=${obj.kind}`);
  if (uid) fields.push(`involvedObject.uid=${uid}`);
  return ctx.api().list('Event', { ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}), fieldSelector: fields.join(',') });
}

/** DescribeEvents. */
export function describeEvents(w: PrefixWriter, events: readonly Event[], nowMs: number): void {
  if (events.length === 0) return w.write(0, 'Events:\t<none>\n');
  w.flush();
  const last = (e: Event): number => Date.parse(e.lastTimestamp ?? '') || 0;
  const sorted = [...events].map((e, i) => ({ e, i })).sort((a, b) => last(a.e) - last(b.e) || a.i - b.i).map((x) => x.e);
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? age(e.eventTime, nowMs) : age(e.firstTimestamp, nowMs);
    let interval = first;
    if (e.series) interval = `${age(e.series.lastObservedTime, nowMs)} (x${e.series.count} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${age(e.lastTimestamp, nowMs)} (x${e.count ?? 0} over ${first})`;
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${e.source.component || e.reportingComponent}\t${e.message.trim()}\n`);
  }
}
