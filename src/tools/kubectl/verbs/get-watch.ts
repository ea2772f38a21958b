// Layer tools (kubectl): `kubectl get -w` / `--watch-only` (GetOptions.watch): one resource type only; the
// current objects print as a table, then one row per watch event (ADDED/MODIFIED/DELETED, with an EVENT
// column under --output-watch-events) through a tabwriter that remembers its widths, until Ctrl-C (exit 1).

import { matches, matchesFields, parseFieldSelector, parseSelector, type KubeObject, type WatchEvent } from '../../../k8s/index.js';
import type { Ctx } from '../cli/context.js';
import { KubectlError, interrupted } from '../cli/errors.js';
import { fetchAll, infosOf, type FetchOptions, type Request } from '../server/builder.js';
import type { OutputFormat } from '../printers/output.js';
import { buildTable } from '../printers/tables.js';
import { decorate, tableText, type Table } from '../printers/table.js';
import { Tabwriter } from '../text/tabwriter.js';

export async function watchGet(ctx: Ctx, requests: readonly Request[], opts: FetchOptions, format: OutputFormat): Promise<void> {
  if (new Set(requests.map((r) => r.rt.kind)).size > 1 || requests.length > 1) {
    throw new KubectlError('watch is only supported on individual resources and resource collections - more than 1 resource was found');
  }
  const req = requests[0];
  if (!req) throw new KubectlError('you must provide one or more resources by argument or filename (.json|.yaml|.yml|.txt)');
  const f = ctx.flags;
  const fetched = fetchAll(ctx, [req], opts);
  if (fetched.errors.length > 0) throw fetched.errors[0];
  const events = f.bool('output-watch-events');
  const tw = new Tabwriter((s) => ctx.out(s));
  let headerDone = false;
  /** One PrintObj and Flush: the initial list as one table, then each event's object. */
  const emit = (objs: readonly KubeObject[], type: string): void => {
    if (format.printer) return ctx.out(objs.map((o) => format.printer?.(o) ?? '').join(''));
    const o = { wide: format.wide, noHeaders: f.bool('no-headers') || headerDone, withNamespace: opts.allNamespaces === true && req.rt.namespaced, showLabels: f.bool('show-labels'), labelColumns: f.strings('label-columns') };
    let table: Table = decorate(buildTable(req.rt, objs, ctx.nowMs()), o);
    if (events) table = { columns: [{ name: 'Event' }, ...table.columns], rows: table.rows.map((r) => ({ object: r.object, cells: [type, ...r.cells] })) };
    tw.write(tableText(table, o));
    tw.flush();
    headerDone = headerDone || table.rows.length > 0;
  };
  if (!f.bool('watch-only')) emit(infosOf(fetched).map((i) => i.obj), 'ADDED');
  const pending: WatchEvent[] = [];
  const keep = eventFilter(ctx, req, opts);
  const stop = ctx.api().on(req.rt.kind, (e) => {
    if (keep(e.object)) pending.push(e);
  });
  try {
    for (;;) {
      await ctx.p.until(() => pending.length > 0 || ctx.p.isInterrupted);
      if (ctx.p.isInterrupted) throw interrupted();
      for (const e of pending.splice(0)) emit([e.object], e.type);
    }
  } finally {
    stop();
  }
}

/** Which watch events belong to the request: its namespace, name and selectors. */
function eventFilter(ctx: Ctx, req: Request, opts: FetchOptions): (o: KubeObject) => boolean {
  const ns = req.rt.namespaced && !(opts.allNamespaces && req.names.length === 0) ? ctx.namespace() : undefined;
  const labels = parseSelector(opts.labelSelector ?? '');
  const fields = parseFieldSelector(opts.fieldSelector ?? '');
  return (o) =>
    (ns === undefined || o.metadata.namespace === ns) &&
    (req.names.length === 0 || req.names.includes(o.metadata.name ?? '')) &&
    matches(labels, o.metadata.labels) &&
    matchesFields(o, fields);
}
