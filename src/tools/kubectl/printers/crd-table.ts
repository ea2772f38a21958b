// Layer tools (kubectl): tables for custom resources, as apiextensions-apiserver's tableconvertor builds them
// from additionalPrinterColumns: each column's JSONPath (missing keys allowed, first result only); string
// columns print the value as JSONPath text, integer/number/boolean columns the value, date columns an AGE;
// no value leaves the cell empty. A CRD without printer columns gets NAME and AGE.

import type { KubeObject, PrinterColumn } from '../../../k8s/index.js';
import { JsonPath } from '../jsonpath/evaluate.js';
import { age } from './format.js';
import type { Cell, Column } from './table.js';

export interface CrdTable {
  readonly columns: readonly Column[];
  row(obj: KubeObject, nowMs: number): Cell[];
}

/** @example crdTable(rt.printerColumns ?? []).row(ciliumNode, nowMs) */
export function crdTable(printerColumns: readonly PrinterColumn[]): CrdTable {
  const cols = printerColumns.length > 0 ? printerColumns : [{ name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' } as const];
  const paths = cols.map((c) => {
    const j = new JsonPath(`{${c.jsonPath}}`);
    j.allowMissingKeys = true;
    return j;
  });
  return {
    columns: [{ name: 'Name', format: 'name' }, ...cols.map((c) => ({ name: c.name, priority: c.priority ?? 0 }))],
    row: (obj, nowMs) => [obj.metadata.name ?? '', ...cols.map((c, i) => cell(c, paths[i], obj, nowMs))],
  };
}

function cell(col: PrinterColumn, path: JsonPath | undefined, obj: KubeObject, nowMs: number): Cell {
  let value: unknown;
  try {
    value = path?.findResults(obj)[0]?.[0];
  } catch {
    return null;
  }
  if (value === undefined) return null;
  switch (col.type) {
    case 'string':
      return path?.printResults([value]) ?? null;
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date':
      return typeof value === 'string' ? age(value, nowMs) : null;
  }
}
