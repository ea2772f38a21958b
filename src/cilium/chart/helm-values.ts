// Layer cilium (chart): Helm values as the JSON trees Helm keeps (release Config, chart values.yaml), and
// the two merges Helm applies to them (helm pkg/chartutil/coalesce.go): CoalesceValues lays user values
// over the chart's defaults, a null user value deleting the default; CoalesceTables fills keys missing
// from dst with src's (`--reuse-values`), a null in dst deleting the key.

export type HelmValue = string | number | boolean | null | readonly HelmValue[] | { readonly [key: string]: HelmValue };
export type HelmValues = { readonly [key: string]: HelmValue };
type Table = { [key: string]: HelmValue };

export function isTable(v: unknown): v is HelmValues {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at a dotted path ("ipam.operator.clusterPoolIPv4MaskSize"); undefined when a key is absent. */
export function valueAt(values: HelmValues, dotted: string): HelmValue | undefined {
  let cur: HelmValue | undefined = values;
  let from = 0;
  for (;;) {
    const dot = dotted.indexOf('.', from);
    const key = dot < 0 ? dotted.slice(from) : dotted.slice(from, dot);
    if (!isTable(cur) || !Object.hasOwn(cur, key)) return undefined;
    cur = cur[key];
    if (dot < 0) return cur;
    from = dot + 1;
  }
}

/** Whether the table at `dotted` (or the root for '') has `key`: the chart's `hasKey`. */
export function hasKey(values: HelmValues, dotted: string, key: string): boolean {
  const t = dotted === '' ? values : valueAt(values, dotted);
  return isTable(t) && Object.hasOwn(t, key);
}

/** Freezes constant values (chart defaults) all the way down, so the merges can share them. */
export function freezeValues<T extends HelmValue>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) freezeValues(x as HelmValue);
  }
  return v;
}

/** A deep copy, so merges never alias a stored release's values. */
export function cloneValues<T extends HelmValue>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => cloneValues(x)) as unknown as T;
  if (isTable(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cloneValues(x)])) as unknown as T;
  return v;
}

/**
 * chartutil.CoalesceValues: `user` over `defaults` (a null user value removes the key). The user's values
 * are copied; subtrees only the defaults have are shared with them, so `defaults` must never be edited.
 */
export function coalesceValues(defaults: HelmValues, user: HelmValues): HelmValues {
  const out: Table = cloneValues(user) as Table;
  coalesceInto(out, defaults);
  return out;
}

function coalesceInto(dst: Table, defaults: HelmValues): void {
  for (const key in defaults) {
    const dv = defaults[key] as HelmValue;
    if (!Object.hasOwn(dst, key)) {
      dst[key] = dv;
      continue;
    }
    const uv = dst[key];
    if (uv === null) delete dst[key];
    else if (isTable(uv) && isTable(dv)) coalesceInto(uv as Table, dv);
  }
}

/** chartutil.CoalesceTables(dst, src): keys of src that dst lacks are copied; dst keeps its own. */
export function coalesceTables(dst: HelmValues, src: HelmValues): HelmValues {
  const out: Table = cloneValues(dst) as Table;
  mergeTables(out, src);
  return out;
}

function mergeTables(dst: Table, src: HelmValues): void {
  for (const [key, sv] of Object.entries(src)) {
    const has = Object.hasOwn(dst, key);
    const dv = dst[key];
    if (has && dv === null) delete dst[key];
    else if (!has) dst[key] = cloneValues(sv);
    else if (isTable(sv) && isTable(dv)) mergeTables(dv as Table, sv);
  }
}
