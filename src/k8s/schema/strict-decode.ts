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

/** Walk state: the JSON path and Go field path as segment stacks, joined only when an error is reported. */
interface Ctx {
  typeError: string | undefined;
  unknown: string[];
  /** JSON path segments: member names, and numbers for list items. */
  readonly path: (string | number)[];
  /** Go struct field names from the top (no indices, no map keys). */
  readonly typePath: string[];
  /** Objects and lists walked so far. */
  visited: number;
}

function jsonPath(ctx: Ctx, last: string): string {
  const p = ctx.path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('') + `.${last}`;
  return p.startsWith('.') ? p.slice(1) : p;
}

function mismatch(value: unknown, type: FieldType, owner: StructDef | undefined, ctx: Ctx): void {
  if (ctx.typeError !== undefined) return;
  const jt = jsonTypeOf(value);
  const shown = jt === 'number' && !Number.isInteger(value) ? `number ${String(value)}` : jt;
  if (owner === undefined) {
    ctx.typeError = `json: cannot unmarshal ${shown} into Go value of type ${goTypeName(type)}`;
    return;
  }
  const structName = owner.goName.slice(owner.goName.indexOf('.') + 1);
  ctx.typeError = `json: cannot unmarshal ${shown} into Go struct field ${structName}.${ctx.typePath.join('.')} of type ${goTypeName(type)}`;
}

/** Stored (frozen) subtrees that decoded cleanly, by the type they were checked against. */
const clean = new WeakMap<object, FieldType>();

/**
 * A frozen subtree is remembered as clean once it has this many objects and lists: remembering costs
 * more than walking a small one again (most small ones, like a write's metadata, are never seen again).
 */
const REMEMBER_FROM = 8;

/** Checks `value` against `type`; `owner` is the innermost struct. A large frozen subtree decodes once. */
function check(value: unknown, type: FieldType, owner: StructDef | undefined, ctx: Ctx): void {
  if (value === null || type.t === 'any') return;
  if (typeof value !== 'object' || !Object.isFrozen(value)) return checkValue(value, type, owner, ctx);
  if (clean.get(value) === type) return;
  const errors = ctx.unknown.length;
  const from = ctx.visited;
  checkValue(value, type, owner, ctx);
  if (ctx.visited - from >= REMEMBER_FROM && ctx.unknown.length === errors && ctx.typeError === undefined) clean.set(value, type);
}

/** Whether a non-object member value decodes as `type` without a word (the common case, checked in place). */
function primitiveFits(value: unknown, type: FieldType): boolean {
  switch (type.t) {
    case 'string':
    case 'bytes':
      return typeof value === 'string';
    case 'bool':
      return typeof value === 'boolean';
    case 'int32':
    case 'int64':
      return Number.isInteger(value);
    case 'float64':
      return typeof value === 'number';
    case 'intstr':
      return typeof value === 'number' || typeof value === 'string';
    case 'any':
      return true;
    default:
      return false;
  }
}

function checkValue(value: unknown, type: FieldType, owner: StructDef | undefined, ctx: Ctx): void {
  if (typeof value === 'object') ctx.visited++;
  switch (type.t) {
    case 'string':
    case 'bytes':
      if (typeof value !== 'string') mismatch(value, type, owner, ctx);
      return;
    case 'bool':
      if (typeof value !== 'boolean') mismatch(value, type, owner, ctx);
      return;
    case 'int32':
    case 'int64':
      if (typeof value !== 'number' || !Number.isInteger(value)) mismatch(value, type, owner, ctx);
      return;
    case 'float64':
      if (typeof value !== 'number') mismatch(value, type, owner, ctx);
      return;
    case 'intstr':
      if (typeof value !== 'number' && typeof value !== 'string') mismatch(value, type, owner, ctx);
      return;
    case 'quantity':
      if (typeof value === 'string' && !QUANTITY_RE.test(value) && ctx.typeError === undefined)
        ctx.typeError = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
      else if (typeof value !== 'string' && typeof value !== 'number') mismatch(value, type, owner, ctx);
      return;
    case 'map': {
      if (!isRecord(value)) return mismatch(value, type, owner, ctx);
      const vt = type.value;
      for (const k in value) {
        const x = value[k];
        if (x === null || (typeof x !== 'object' && primitiveFits(x, vt))) continue;
        ctx.path.push(k);
        check(x, vt, owner, ctx);
        ctx.path.pop();
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) return mismatch(value, type, owner, ctx);
      const it = type.item;
      for (let i = 0; i < value.length; i++) {
        const x: unknown = value[i];
        if (x === null || (typeof x !== 'object' && primitiveFits(x, it))) continue;
        ctx.path.push(i);
        check(x, it, owner, ctx);
        ctx.path.pop();
      }
      return;
    }
    case 'struct':
      if (!isRecord(value)) return mismatch(value, type, owner, ctx);
      checkStruct(value, type.def, ctx);
  }
}

function checkStruct(value: Record<string, unknown>, def: StructDef, ctx: Ctx): void {
  const fields = def.fields();
  for (const k in value) {
    const ft = fields[k];
    if (ft === undefined) {
      if (ctx.unknown === NO_UNKNOWN) ctx.unknown = [];
      ctx.unknown.push(`unknown field ${JSON.stringify(jsonPath(ctx, k))}`);
      continue;
    }
    const x = value[k];
    if (x === null || (typeof x !== 'object' && primitiveFits(x, ft))) continue;
    ctx.path.push(k);
    ctx.typePath.push(k);
    check(x, ft, def, ctx);
    ctx.path.pop();
    ctx.typePath.pop();
  }
}

/** The common outcome, shared: no type error, no unknown field (the list is replaced at the first one). */
const NO_UNKNOWN = Object.freeze([]) as unknown as string[];
const CLEAN: DecodeResult = Object.freeze({ unknownFields: Object.freeze([]) });
const PATH: (string | number)[] = [];
const TYPE_PATH: string[] = [];

/** Decodes `obj` against a top-level schema. @example strictDecode(manifest, schemaForKind('apps/v1', 'Deployment')) */
export function strictDecode(obj: unknown, schema: FieldType): DecodeResult {
  // The path stacks are shared (a decode never starts inside another); each decode leaves them empty.
  PATH.length = 0;
  TYPE_PATH.length = 0;
  const ctx: Ctx = { typeError: undefined, unknown: NO_UNKNOWN, path: PATH, typePath: TYPE_PATH, visited: 0 };
  check(obj, schema, undefined, ctx);
  return ctx.typeError === undefined ? (ctx.unknown === NO_UNKNOWN ? CLEAN : { unknownFields: ctx.unknown }) : { typeError: ctx.typeError, unknownFields: ctx.unknown };
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
