// Layer k8s: JSON patch (RFC 6902), `kubectl patch --type json`: add, remove, replace, move, copy
// and test over JSON pointers (RFC 6901). Errors follow evanphx/json-patch, which the apiserver uses.

import { deepClone, deepEqual, isRecord } from '../objects/json.js';

export class JsonPatchError extends Error {}

interface Op {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

function parsePointer(ptr: string): string[] {
  if (ptr === '') return [];
  if (!ptr.startsWith('/')) throw new JsonPatchError(`invalid JSON pointer: ${JSON.stringify(ptr)}`);
  return ptr
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function toOps(patch: unknown): Op[] {
  if (!Array.isArray(patch)) throw new JsonPatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  return patch.map((o) => {
    if (!isRecord(o) || typeof o['op'] !== 'string' || typeof o['path'] !== 'string')
      throw new JsonPatchError('operation missing op or path');
    const op: Op = { op: o['op'], path: o['path'] };
    if (typeof o['from'] === 'string') op.from = o['from'];
    if ('value' in o) op.value = o['value'];
    return op;
  });
}

/** Resolves the container (object or array) holding the last segment of `path`. */
function parent(doc: unknown, segs: string[], ptr: string): { holder: unknown; key: string } {
  let cur = doc;
  for (const s of segs.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[Number(s)];
    else if (isRecord(cur)) cur = cur[s];
    else cur = undefined;
    if (cur === undefined) throw new JsonPatchError(`doc is missing path: ${JSON.stringify(ptr)}: missing value`);
  }
  return { holder: cur, key: segs[segs.length - 1] ?? '' };
}

function getAt(doc: unknown, ptr: string): unknown {
  const segs = parsePointer(ptr);
  if (segs.length === 0) return doc;
  const { holder, key } = parent(doc, segs, ptr);
  const v = Array.isArray(holder) ? holder[Number(key)] : isRecord(holder) ? holder[key] : undefined;
  if (v === undefined) throw new JsonPatchError(`doc is missing path: ${JSON.stringify(ptr)}: missing value`);
  return v;
}

function add(doc: unknown, ptr: string, value: unknown): unknown {
  const segs = parsePointer(ptr);
  if (segs.length === 0) return value;
  const { holder, key } = parent(doc, segs, ptr);
  if (Array.isArray(holder)) {
    const idx = key === '-' ? holder.length : Number(key);
    if (!Number.isInteger(idx) || idx < 0 || idx > holder.length) throw new JsonPatchError(`Unable to access invalid index: ${key}: invalid index referenced`);
    holder.splice(idx, 0, value);
  } else if (isRecord(holder)) holder[key] = value;
  else throw new JsonPatchError(`doc is missing path: ${JSON.stringify(ptr)}: missing value`);
  return doc;
}

function remove(doc: unknown, ptr: string, opName: string): unknown {
  const segs = parsePointer(ptr);
  const { holder, key } = parent(doc, segs, ptr);
  if (Array.isArray(holder)) {
    const idx = Number(key);
    if (!Number.isInteger(idx) || idx < 0 || idx >= holder.length)
      throw new JsonPatchError(`Unable to ${opName} invalid index: ${key}: invalid index referenced`);
    holder.splice(idx, 1);
  } else if (isRecord(holder) && key in holder) delete holder[key];
  else throw new JsonPatchError(`Unable to ${opName} nonexistent key: ${key}: missing value`);
  return doc;
}

/** Applies an RFC 6902 patch to a copy of `doc`. Throws JsonPatchError. */
export function applyJsonPatch(doc: unknown, patch: unknown): unknown {
  let out = deepClone(doc);
  for (const op of toOps(patch)) {
    switch (op.op) {
      case 'add':
        out = add(out, op.path, deepClone(op.value));
        break;
      case 'remove':
        out = remove(out, op.path, 'remove');
        break;
      case 'replace':
        getAt(out, op.path);
        out = remove(out, op.path, 'replace');
        out = add(out, op.path, deepClone(op.value));
        break;
      case 'move': {
        const v = getAt(out, op.from ?? '');
        out = remove(out, op.from ?? '', 'remove');
        out = add(out, op.path, v);
        break;
      }
      case 'copy':
        out = add(out, op.path, deepClone(getAt(out, op.from ?? '')));
        break;
      case 'test':
        if (!deepEqual(getAt(out, op.path), op.value)) throw new JsonPatchError(`testing value ${op.path} failed: test failed`);
        break;
      default:
        throw new JsonPatchError(`Unexpected kind: ${op.op}`);
    }
  }
  return out;
}
