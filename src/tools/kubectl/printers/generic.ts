// Layer tools (kubectl): get's printGeneric — one object when a single item was asked for by name, otherwise
// every item in a v1 List (metadata.resourceVersion ""), through the -o printer; --sort-by orders the items.

import type { KubeObject } from '../../../k8s/index.js';
import type { ObjectPrinter } from './output.js';
import { sortByField } from './sort-by.js';

/** What the printer receives. @example genericOutput([pod], true, printer, '') */
export function genericOutput(items: readonly KubeObject[], singleItemImplied: boolean, printer: ObjectPrinter, sortBy: string): string {
  if (singleItemImplied && items.length === 1 && items[0]) return printer(items[0]);
  const sorted = sortBy ? sortByField(items, (o) => o, sortBy) : items;
  const list = { apiVersion: 'v1', items: sorted, kind: 'List', metadata: { resourceVersion: '' } };
  return printer(list as unknown as KubeObject);
}
