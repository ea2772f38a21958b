// Layer k8s: JSON merge patch (RFC 7386), `kubectl patch --type merge`. Objects merge recursively,
// `null` deletes a member, and anything else (lists included) replaces the target value.

import { deepClone, isRecord } from '../objects/json.js';

/** Applies `patch` to `target`; neither argument is modified. @example mergePatch({a:1}, {b:2}) */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return deepClone(patch);
  const out: Record<string, unknown> = isRecord(target) ? deepClone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** The merge patch that turns `from` into `to` (CreateMergePatch), used for kubectl's dry-run diffs. */
export function createMergePatch(from: unknown, to: unknown): unknown {
  if (!isRecord(from) || !isRecord(to)) return deepClone(to);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(from)) if (!(k in to)) out[k] = null;
  for (const [k, v] of Object.entries(to)) {
    const old = from[k];
    if (JSON.stringify(old) === JSON.stringify(v)) continue;
    out[k] = isRecord(old) && isRecord(v) ? createMergePatch(old, v) : deepClone(v);
  }
  return out;
}
