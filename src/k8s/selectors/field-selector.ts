// Layer k8s: field selectors (`--field-selector spec.nodeName=k8s-w0,status.phase!=Running`), parsed
// as k8s.io/apimachinery/pkg/fields/selector.go ParseSelector does, and checked against the field
// labels each kind's registry supports (pkg/registry/core/pod/strategy.go ToSelectableFields, ...).

import type { ResourceType } from '../resource-registry.js';
import { getPath, isRecord } from '../objects/json.js';
import { badRequest } from '../errors.js';

export interface FieldRequirement {
  readonly field: string;
  readonly operator: '=' | '!=';
  readonly value: string;
}

export type FieldSelector = readonly FieldRequirement[];

/** fields.ParseSelector; throws BadRequest with the apimachinery message. */
export function parseFieldSelector(selector: string): FieldSelector {
  const out: FieldRequirement[] = [];
  if (selector.trim() === '') return out;
  for (const part of splitTerms(selector)) {
    if (part === '') continue;
    const m = /^(.*?)(!=|==|=)(.*)$/s.exec(part);
    if (!m) throw badRequest(`invalid selector: '${selector}'; can't understand '${part}'`);
    const field = (m[1] ?? '').trim();
    out.push({ field, operator: m[2] === '!=' ? '!=' : '=', value: unescapeValue(m[3] ?? '') });
  }
  return out;
}

/** Splits on commas that are not escaped with a backslash. */
function splitTerms(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c === '\\' && i + 1 < s.length) {
      cur += c + (s[i + 1] ?? '');
      i++;
    } else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function unescapeValue(v: string): string {
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i] ?? '';
    if (c === '\\') {
      const n = v[i + 1] ?? '';
      if (n !== '\\' && n !== ',' && n !== '=') throw badRequest(`invalid field selector: invalid escape sequence: \\${n}`);
      out += n;
      i++;
    } else if (c === ',' || c === '=') throw badRequest(`invalid field selector: unescaped character in value: ${c}`);
    else out += c;
  }
  return out;
}

/** Checks every field label is supported by the kind: `field label not supported: spec.foo`. */
export function checkFieldLabels(rt: ResourceType, sel: FieldSelector): void {
  for (const r of sel) {
    const ok = r.field === 'metadata.name' || (r.field === 'metadata.namespace' && rt.namespaced) || rt.fieldSelectors.includes(r.field);
    if (!ok) throw badRequest(`field label not supported: ${r.field}`);
  }
}

/** The value a field label has on an object, as the registry's selectable fields render it. */
export function fieldValue(obj: unknown, field: string): string {
  if (field === 'spec.hostNetwork' || field === 'spec.unschedulable') return String(getPath(obj, field.split('.')) === true);
  if (field === 'status.podIPs') {
    const ips = getPath(obj, ['status', 'podIPs']);
    return Array.isArray(ips) ? ips.map((x) => (isRecord(x) ? String(x['ip'] ?? '') : '')).join(',') : '';
  }
  if (field === 'source') {
    const c = getPath(obj, ['source', 'component']);
    return typeof c === 'string' ? c : '';
  }
  if (field === 'status.replicas') {
    const n = getPath(obj, ['status', 'replicas']);
    return typeof n === 'number' ? String(n) : '0';
  }
  const v = getPath(obj, field.split('.'));
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

export function matchesFields(obj: unknown, sel: FieldSelector): boolean {
  return sel.every((r) => (fieldValue(obj, r.field) === r.value) === (r.operator === '='));
}
