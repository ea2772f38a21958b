// Layer cilium (chart): the types the cilium 1.18.0 chart's values.schema.json gives the values in
// chart-defaults.ts, and Helm's check of the coalesced values against them (pkg/chartutil/jsonschema.go,
// xeipuuv/gojsonschema): one "- <field>: Invalid type. Expected: <t>, given: <t>" line per violation,
// "[a,b]" for a list of types, numbers without a fraction counting as "integer".

import { isTable, type HelmValue, type HelmValues } from './helm-values.js';
import { SCHEMA } from './values-schema-table.js';

const TYPES = new Map(SCHEMA.map(([path, types, items]) => [path, { types: types.split(','), items: items?.split(',') }]));

/** gojsonschema's name for a value's type. */
function jsonType(v: HelmValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

function allows(types: readonly string[], v: HelmValue): boolean {
  const t = jsonType(v);
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

function expected(types: readonly string[]): string {
  return types.length > 1 ? `[${types.join(',')}]` : (types[0] ?? '');
}

function check(path: string, v: HelmValue, out: string[]): void {
  const rule = TYPES.get(path);
  if (rule && !allows(rule.types, v)) {
    out.push(`- ${path}: Invalid type. Expected: ${expected(rule.types)}, given: ${jsonType(v)}`);
    return;
  }
  if (rule?.items && Array.isArray(v)) {
    v.forEach((item: HelmValue, i: number) => {
      if (rule.items && !allows(rule.items, item)) out.push(`- ${path}.${i}: Invalid type. Expected: ${expected(rule.items)}, given: ${jsonType(item)}`);
    });
  }
  if (isTable(v)) for (const key of Object.keys(v).sort()) check(`${path}.${key}`, v[key] as HelmValue, out);
}

/**
 * The violations of the coalesced values, as Helm lists them; empty when they pass.
 * @example schemaErrors({ MTU: 'big' }) // ['- MTU: Invalid type. Expected: integer, given: string']
 */
export function schemaErrors(values: HelmValues): string[] {
  const out: string[] = [];
  for (const key of Object.keys(values).sort()) check(key, values[key] as HelmValue, out);
  return out;
}
