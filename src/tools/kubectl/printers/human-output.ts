// Layer tools (kubectl): the human-readable output of `kubectl get` (GetOptions.Run): one table per response
// through one tabwriter, flushed and its widths forgotten when the resource type changes, a blank line
// between types (once something was written), "kind/" names when several kinds are printed, one header per
// run of the same type.

import { kindPrefix } from '../server/discovery.js';
import type { Group } from '../server/builder.js';
import { Tabwriter } from '../text/tabwriter.js';
import { sortByField } from './sort-by.js';
import { buildTable } from './tables.js';
import { decorate, tableText, type PrintOptions } from './table.js';

export interface HumanOptions {
  readonly wide: boolean;
  readonly noHeaders: boolean;
  readonly allNamespaces: boolean;
  readonly showLabels: boolean;
  readonly showKind: boolean;
  readonly labelColumns: readonly string[];
  readonly sortBy: string;
  readonly nowMs: number;
}

export interface HumanResult {
  readonly text: string;
  /** Every response was namespaced (and -A not given): "No resources found in <ns> namespace." */
  readonly allNamespaced: boolean;
}

/** @example humanOutput(fetched.groups, { wide: true, ... }).text */
export function humanOutput(groups: readonly Group[], o: HumanOptions): HumanResult {
  const withKind = o.showKind || new Set(groups.map((g) => `${g.rt.group}/${g.rt.kind}`)).size > 1;
  let text = '';
  let separator = false;
  const tw = new Tabwriter((s) => {
    if (s === '') return;
    if (separator) {
      text += '\n';
      separator = false;
    }
    text += s;
  });
  let lastType: string | undefined;
  let headersPrinted = false;
  let allNamespaced = !o.allNamespaces;
  for (const g of groups) {
    allNamespaced = allNamespaced && g.rt.namespaced;
    const type = `${g.rt.group}/${g.rt.plural}`;
    if (type !== lastType) {
      tw.flush();
      tw.forgetWidths();
      if (lastType !== undefined && !o.noHeaders && text !== '') separator = true;
      lastType = type;
      headersPrinted = false;
    }
    const objs = o.sortBy ? sortByField(g.objs, (x) => x, o.sortBy) : g.objs;
    const opts: PrintOptions = {
      wide: o.wide, noHeaders: o.noHeaders || headersPrinted, withNamespace: o.allNamespaces && g.rt.namespaced,
      showLabels: o.showLabels, labelColumns: o.labelColumns, ...(withKind ? { kindPrefix: kindPrefix(g.rt) } : {}),
    };
    const table = decorate(buildTable(g.rt, objs, o.nowMs), opts);
    if (table.rows.length > 0) headersPrinted = true;
    tw.write(tableText(table, opts));
  }
  tw.flush();
  return { text, allNamespaced };
}
