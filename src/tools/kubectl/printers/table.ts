// Layer tools (kubectl): metav1.Table as the apiserver returns it for `kubectl get` (columns with a priority;
// priority 1 only with -o wide) and cli-runtime's tableprinter.go: decorateTable (NAMESPACE first with -A,
// LABELS / label columns last, "kind/" before the name when several kinds print) and printTable (upper-case
// headers, headers only when rows exist, cells after a newline cut with "...", nil cells empty).

import type { KubeObject } from '../../../k8s/index.js';
import { formatLabels } from './format.js';

export type Cell = string | number | boolean | null;

export interface Column {
  readonly name: string;
  readonly priority?: number;
  /** "name": the object name column that gets the kind prefix. */
  readonly format?: 'name';
}

export interface Row {
  readonly cells: Cell[];
  readonly object: KubeObject;
}

export interface Table {
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
}

export interface PrintOptions {
  readonly wide: boolean;
  readonly noHeaders: boolean;
  readonly withNamespace: boolean;
  readonly showLabels: boolean;
  readonly labelColumns: readonly string[];
  /** "deployment.apps": prefix names with it (several kinds requested). */
  readonly kindPrefix?: string;
}

/** decorateTable. */
export function decorate(t: Table, o: PrintOptions): Table {
  const labelHeaders = o.labelColumns.map((l) => (l.split('/').pop() ?? l).toUpperCase());
  const columns: Column[] = [
    ...(o.withNamespace ? [{ name: 'Namespace' }] : []),
    ...t.columns,
    ...labelHeaders.map((name) => ({ name })),
    ...(o.showLabels ? [{ name: 'Labels' }] : []),
  ];
  const nameIdx = o.kindPrefix ? t.columns.findIndex((c) => c.format === 'name') : -1;
  const rows = t.rows.map((r) => {
    const cells = [...r.cells];
    if (nameIdx >= 0) cells[nameIdx] = `${o.kindPrefix ?? ''}/${String(cells[nameIdx])}`;
    const labels = r.object.metadata.labels ?? {};
    return {
      object: r.object,
      cells: [
        ...(o.withNamespace ? [r.object.metadata.namespace ?? ''] : []),
        ...cells,
        ...o.labelColumns.map((k) => labels[k] ?? ''),
        ...(o.showLabels ? [formatLabels(labels)] : []),
      ],
    };
  });
  return { columns, rows };
}

/** printTable: the tab-separated text for a tabwriter. */
export function tableText(t: Table, o: Pick<PrintOptions, 'wide' | 'noHeaders'>): string {
  const shown = t.columns.map((c) => o.wide || (c.priority ?? 0) === 0);
  let s = '';
  if (!o.noHeaders) {
    if (t.rows.length === 0) return '';
    s += `${t.columns.filter((_, i) => shown[i]).map((c) => c.name.toUpperCase()).join('\t')}\n`;
  }
  for (const r of t.rows) s += `${r.cells.filter((_, i) => i < t.columns.length && shown[i]).map(cellText).join('\t')}\n`;
  return s;
}

function cellText(c: Cell): string {
  if (c === null) return '';
  const s = String(c);
  const cut = s.search(/[\f\n\r]/);
  return escapeTerminal(cut >= 0 ? `${s.slice(0, cut)}...` : s);
}

/** printers.EscapeTerminal: ESC as "^[" and CR as "\\r", against terminal escape attacks. */
export function escapeTerminal(s: string): string {
  return s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}
