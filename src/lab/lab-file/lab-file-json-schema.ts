// Layer lab (lab file): the JSON Schema of the lab file (draft 2020-12), generated from the zod schema,
// checked in as docs/lab-file.schema.json so editors (yaml-language-server) can validate and complete
// lab files. It describes the input shape; the cross-field checks exist only in the loader.

import { z } from 'zod';
import { labFileFields } from './lab-file-schema.js';

type JsonSchema = { readonly [key: string]: unknown };

let cached: JsonSchema | undefined;

/** The lab file's JSON Schema. @example JSON.stringify(labFileJsonSchema(), null, 2) */
export function labFileJsonSchema(): JsonSchema {
  cached ??= z.toJSONSchema(labFileFields, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return cached;
}

function isObject(v: unknown): v is JsonSchema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function deref(root: JsonSchema, s: JsonSchema): JsonSchema {
  const ref = s['$ref'];
  if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) return s;
  const defs = root['$defs'];
  const target = isObject(defs) ? defs[ref.slice('#/$defs/'.length)] : undefined;
  return isObject(target) ? target : s;
}

/** The schemas a value at `path` may match (several under anyOf/oneOf). */
function schemasAt(root: JsonSchema, path: readonly (string | number)[]): JsonSchema[] {
  let cur: JsonSchema[] = [root];
  for (const step of path) {
    const next: JsonSchema[] = [];
    const expand = (s: JsonSchema): JsonSchema[] => {
      const d = deref(root, s);
      const alts = d['anyOf'] ?? d['oneOf'];
      return Array.isArray(alts) ? alts.filter(isObject).flatMap(expand) : [d];
    };
    for (const s of cur.flatMap(expand)) {
      const props = s['properties'];
      const child = typeof step === 'number' ? s['items'] : isObject(props) && isObject(props[step]) ? props[step] : s['additionalProperties'];
      if (isObject(child)) next.push(child);
    }
    cur = next;
  }
  return cur.flatMap((s) => {
    const d = deref(root, s);
    const alts = d['anyOf'] ?? d['oneOf'];
    return Array.isArray(alts) ? alts.filter(isObject) : [d];
  });
}

/** The field names an object at `path` accepts (for "did you mean" on unknown fields). */
export function knownFieldsAt(path: readonly (string | number)[]): string[] {
  const names = new Set<string>();
  for (const s of schemasAt(labFileJsonSchema(), path)) {
    const props = s['properties'];
    if (isObject(props)) Object.keys(props).forEach((k) => names.add(k));
  }
  return [...names];
}
