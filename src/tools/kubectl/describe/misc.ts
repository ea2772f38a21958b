// Layer tools (kubectl): the remaining describers — Namespace (status, no quota or limit ranges),
// ConfigMap (each data key in a "----" block), and the generic describer for kinds without one (custom
// resources): every field of the object, keys smart-cased ("API Version", "Creation Timestamp").

import type { ConfigMap, KubeObject, Namespace } from '../../../k8s/index.js';
import { isRecord } from '../../../k8s/index.js';
import type { Ctx } from '../cli/context.js';
import { goSprint } from '../text/go-fmt.js';
import { describeEvents, eventsFor, printAnnotations, printLabels } from './common.js';
import { PrefixWriter, rfc1123z } from './prefix-writer.js';

export function describeNamespace(ctx: Ctx, ns: Namespace): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ns.metadata.name ?? ''}\n`);
  printLabels(w, 'Labels', ns.metadata.labels);
  printAnnotations(w, 'Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`);
  const conds = ns.status?.conditions ?? [];
  if (conds.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t------------------\t------\t-------\n');
    for (const c of conds) w.write(1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime, ctx.lab.spec.clock.timezone)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  w.write(0, '\nNo resource quota.\n');
  w.write(0, '\nNo LimitRange resource.\n');
  return w.text();
}

export function describeConfigMap(ctx: Ctx, cm: ConfigMap): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${cm.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${cm.metadata.namespace ?? ''}\n`);
  printLabels(w, 'Labels', cm.metadata.labels);
  printAnnotations(w, 'Annotations', cm.metadata.annotations);
  w.write(0, '\nData\n====\n');
  for (const k of Object.keys(cm.data ?? {}).sort()) w.write(0, `${k}:\n----\n${cm.data?.[k] ?? ''}\n\n`);
  w.write(0, '\nBinaryData\n====\n');
  for (const k of Object.keys(cm.binaryData ?? {}).sort()) w.write(0, `${k}: ${atob(cm.binaryData?.[k] ?? '').length} bytes\n`);
  w.write(0, '\n');
  describeEvents(w, eventsFor(ctx, cm), ctx.nowMs());
  return w.text();
}

/** fatih/camelcase Split: runs of lower, upper, digit and other characters; "HTTPServer" → HTTP, Server. */
export function camelSplit(s: string): string[] {
  const cls = (r: string): number => (/\p{Ll}/u.test(r) ? 1 : /\p{Lu}/u.test(r) ? 2 : /\p{Nd}/u.test(r) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const r of s) {
    const c = cls(r);
    if (c === last) runs[runs.length - 1]?.push(r);
    else runs.push([r]);
    last = c;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const a = runs[i] ?? [];
    const b = runs[i + 1] ?? [];
    if (cls(a[0] ?? '') === 2 && cls(b[0] ?? '') === 1) b.unshift(a.pop() ?? '');
  }
  return runs.map((r) => r.join('')).filter((x) => x !== '');
}

/** smartLabelFor: "apiVersion" → "API Version"; names with characters other than letters and '-' stay. */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (['API', 'URL', 'UID', 'OSB', 'GUID'].includes(p.toUpperCase()) ? p.toUpperCase() : p.replace(/(^|[^\p{L}])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase())))
    .join(' ');
}

const SKIP = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);

function printContent(w: PrefixWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    if (isRecord(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      printContent(w, level + 1, value, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (isRecord(child)) printContent(w, level + 1, child, path);
        else w.write(level + 1, `${goSprint(child)}\n`);
      }
    } else w.write(level, `${smartLabel(field)}:\t${goSprint(value)}\n`);
  }
}

export function describeGeneric(ctx: Ctx, obj: KubeObject): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  printLabels(w, 'Labels', obj.metadata.labels);
  printAnnotations(w, 'Annotations', obj.metadata.annotations);
  printContent(w, 0, obj as unknown as Record<string, unknown>, '');
  describeEvents(w, eventsFor(ctx, obj), ctx.nowMs());
  return w.text();
}
