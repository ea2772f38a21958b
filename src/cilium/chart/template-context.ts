// Layer cilium (chart): what the chart's Go templates do with a value, for the TypeScript port of its
// templates: truthiness (text/template's `if`), `%v` printing, sprig's quote/coalesce/default/join/int,
// `kindIs "invalid"`, `hasKey`, a template `fail` (Helm reports it as "execution error at (FILE:LINE:COL)"),
// and the chart's upgradeCompatibility tests (`semverCompare ">=1.x" (default "1.x" .Values.upgradeCompatibility)`).

import { hasKey, isTable, valueAt, type HelmValue, type HelmValues } from './helm-values.js';

/** A `fail` in a template: Helm prints `execution error at (<file>:<line>:<col>): <message>`. */
export class TemplateFail extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly col: number,
    readonly reason: string,
  ) {
    super(`execution error at (cilium/templates/${file}:${line}:${col}): ${reason}`);
  }
}

/** text/template truth: false, 0, nil and empty strings, lists and maps are false. */
export function truthy(v: HelmValue | undefined): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isTable(v)) return Object.keys(v).length > 0;
  return true;
}

/** fmt's %v, as `{{ x }}` prints a value (nil prints "<no value>", which Helm's engine erases). */
export function goString(v: HelmValue | undefined): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return `[${v.map((x) => goString(x)).join(' ')}]`;
  if (isTable(v)) return `map[${Object.keys(v).sort().map((k) => `${k}:${goString(v[k])}`).join(' ')}]`;
  return String(v);
}

/** `{{ x | quote }}` and `"{{ x }}"` both end up as the string the ConfigMap holds; nil quotes as "". */
export function quote(v: HelmValue | undefined): string {
  return v === undefined || v === null ? '' : goString(v);
}

/** sprig coalesce: the first non-empty argument. */
export function coalesce(...vs: Array<HelmValue | undefined>): HelmValue | undefined {
  return vs.find((v) => truthy(v));
}

/** sprig join: a list's items as strings joined by `sep` (a single value prints as itself). */
export function join(sep: string, v: HelmValue | undefined): string {
  if (Array.isArray(v)) return v.map((x) => quote(x)).join(sep);
  return v === undefined || v === null ? '' : goString(v);
}

/** sprig int: numbers truncate, numeric strings parse, the rest is 0. */
export function toInt(v: HelmValue | undefined): number {
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'string' && /^[+-]?\d+$/.test(v)) return Number(v);
  if (v === true) return 1;
  return 0;
}

/** The view a template has of `.Values`: lookups by dotted path. */
export class Values {
  constructor(readonly all: HelmValues) {}

  get(path: string): HelmValue | undefined {
    return valueAt(this.all, path);
  }

  is(path: string): boolean {
    return truthy(this.get(path));
  }

  str(path: string): string {
    return quote(this.get(path));
  }

  /** `hasKey .Values.<table> "<key>"` (table '' is .Values itself). */
  has(table: string, key: string): boolean {
    return hasKey(this.all, table, key);
  }

  /** `kindIs "invalid" .Values.<path>`: the value is nil or absent. */
  isNil(path: string): boolean {
    const v = this.get(path);
    return v === undefined || v === null;
  }

  /** `semverCompare ">=M.m" (default "M.m" .Values.upgradeCompatibility)`. */
  installedSince(minor: number): boolean {
    const uc = this.get('upgradeCompatibility');
    if (!truthy(uc)) return true;
    const m = /^v?(\d+)(?:\.(\d+))?/.exec(goString(uc));
    if (!m) return false;
    const major = Number(m[1]);
    return major > 1 || (major === 1 && Number(m[2] ?? '0') >= minor);
  }
}
