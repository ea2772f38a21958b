// Layer k8s: what the apiserver's JSON decoder reports before validation runs
// (sigs.k8s.io/json UnmarshalStrict as used by k8s.io/apiserver's create/update handlers):
// the first type mismatch (`json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas
// of type int32`), else every unknown or duplicate field (`strict decoding error: unknown field "spec.replica"`).

import { isRecord } from '../objects/json.js';
import { goTypeName, type FieldType, type StructDef } from './schema-types.js';

export interface DecodeResult {
  /** The first type error's message, if any (it wins over unknown fields). */
  readonly typeError?: string;
  /** `unknown field "a.b"` entries in document order. */
  readonly unknownFields: readonly string[];
}

function jsonTypeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return 'string';
}

const QUANTITY_RE = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

interface Ctx {
  typeError: string | undefined;
  readonly unknown: string[];
}

/** Checks `value` against `type`; `path` is the JSON path so far, `owner` the innermost struct. */
function check(value: unknown, type: FieldType, path: string, typePath: string, owner: StructDef | undefined, ctx: Ctx): void {
  if (value === null || type.t === 'any') return;
  const jt = jsonTypeOf(value);
  const mismatch = (): void => {
    if (ctx.typeError !== undefined) return;
    const structName = owner === undefined ? '' : owner.goName.slice(owner.goName.indexOf('.') + 1);
    const shown = jt === 'number' && !Number.isInteger(value) ? `number ${String(value)}` : jt;
    ctx.typeError =
      owner === undefined
        ? `json: cannot unmarshal ${shown} into Go value of type ${goTypeName(type)}`
        : `json: cannot unmarshal ${shown} into Go struct field ${structName}.${typePath} of type ${goTypeName(type)}`;
  };
  switch (type.t) {
    case 'string':
      if (jt !== 'string') mismatch();
      return;
    case 'bytes':
      if (jt !== 'string') mismatch();
      return;
    case 'bool':
      if (jt !== 'bool') mismatch();
      return;
    case 'int32':
    case 'int64':
      if (jt !== 'number' || !Number.isInteger(value)) mismatch();
      return;
    case 'float64':
      if (jt !== 'number') mismatch();
      return;
    case 'intstr':
      if (jt !== 'number' && jt !== 'string') mismatch();
      return;
    case 'quantity':
      if (jt === 'string' && !QUANTITY_RE.test(String(value)) && ctx.typeError === undefined)
        ctx.typeError = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
      else if (jt !== 'string' && jt !== 'number') mismatch();
      return;
    case 'map':
      if (!isRecord(value)) return mismatch();
      for (const [k, v] of Object.entries(value)) check(v, type.value, `${path}.${k}`, typePath, owner, ctx);
      return;
    case 'list':
      if (!Array.isArray(value)) return mismatch();
      value.forEach((v, i) => check(v, type.item, `${path}[${i}]`, typePath, owner, ctx));
      return;
    case 'struct':
      if (!isRecord(value)) return mismatch();
      checkStruct(value, type.def, path, typePath, ctx);
  }
}

function checkStruct(value: Record<string, unknown>, def: StructDef, path: string, typePath: string, ctx: Ctx): void {
  const fields = def.fields();
  for (const [k, v] of Object.entries(value)) {
    const sub = path === '' ? k : `${path}.${k}`;
    const subType = typePath === '' ? k : `${typePath}.${k}`;
    const ft = fields[k];
    if (ft === undefined) ctx.unknown.push(`unknown field ${JSON.stringify(sub)}`);
    else check(v, ft, sub, subType, def, ctx);
  }
}

/** Decodes `obj` against a top-level schema. @example strictDecode(manifest, schemaForKind('apps/v1', 'Deployment')) */
export function strictDecode(obj: unknown, schema: FieldType): DecodeResult {
  const ctx: Ctx = { typeError: undefined, unknown: [] };
  check(obj, schema, '', '', undefined, ctx);
  return ctx.typeError === undefined ? { unknownFields: ctx.unknown } : { typeError: ctx.typeError, unknownFields: ctx.unknown };
}

/**
 * The apiserver's BadRequest text for a decode failure (transformDecodeError):
 * `Deployment in version "v1" cannot be handled as a Deployment: <decode error>`.
 */
export function decodeErrorMessage(kind: string, version: string, r: DecodeResult): string | undefined {
  let detail: string | undefined;
  if (r.typeError !== undefined) detail = r.typeError;
  else if (r.unknownFields.length > 0) detail = `strict decoding error: ${r.unknownFields.join(', ')}`;
  return detail === undefined ? undefined : `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: ${detail}`;
}
