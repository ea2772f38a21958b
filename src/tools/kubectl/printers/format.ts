// Layer tools (kubectl): small formatters the printers share — labels.FormatLabels, a LabelSelector's string
// form (metav1.FormatLabelSelector and LabelSelectorAsSelector().String()), AGE from a timestamp, and the
// container name/image cells (layoutContainerCells).

import { fromLabelSelector, formatSelector, type Container, type LabelSelector } from '../../../k8s/index.js';
import { humanDuration } from '../text/human-duration.js';

/** labels.FormatLabels: sorted `k=v` pairs joined by ",", or "<none>". */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels?.[k] ?? ''}`).join(',');
}

/** metav1.FormatLabelSelector: "<none>" for an empty selector, "<error>" for a bad one. */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  if (sel === undefined) return '<none>';
  const s = selectorString(sel);
  return s === '' ? '<none>' : s;
}

/** translateTimestampSince: HumanDuration(now - t), "<unknown>" without a time. */
export function age(timestamp: string | null | undefined, nowMs: number): string {
  if (!timestamp) return '<unknown>';
  const t = Date.parse(timestamp);
  if (Number.isNaN(t)) return '<unknown>';
  return humanDuration((nowMs - t) * 1000);
}

export function containerCells(containers: readonly Container[] | undefined): [string, string] {
  const cs = containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image ?? '').join(',')];
}

/** LabelSelectorAsSelector(sel).String(): requirements sorted by key, as selector.Add keeps them. */
export function selectorString(sel: LabelSelector): string {
  const reqs = [...fromLabelSelector(sel)].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return formatSelector(reqs);
}
