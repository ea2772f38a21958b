// Layer tools (kubectl): the patch `kubectl apply` sends for an existing object — strategicpatch's
// CreateThreeWayMergePatch for built-in kinds (lists with a patch merge key diffed element by element, with
// $setElementOrder and `$patch: delete`; other lists replaced) and jsonmergepatch's three-way JSON merge
// patch for custom resources. Additions and changes come from current→modified; deletions are the fields
// of the last-applied configuration (original) that the new configuration dropped.

import { deepEqual, isRecord, listStrategyFor } from '../../../k8s/index.js';

type Json = Record<string, unknown>;

/** @example threeWayPatch(lastApplied, newConfig, live, { strategic: true }) */
export function threeWayPatch(original: Json | undefined, modified: Json, current: Json, opts: { readonly strategic: boolean }): Json {
  return diffMaps(original, modified, current, [], opts.strategic);
}

function diffMaps(original: Json | undefined, modified: Json, current: Json, path: string[], strategic: boolean): Json {
  const patch: Json = {};
  for (const [k, m] of Object.entries(modified)) {
    const c = current[k];
    const sub = [...path, k];
    const o = original?.[k];
    if (isRecord(m) && isRecord(c)) {
      const p = diffMaps(isRecord(o) ? o : undefined, m, c, sub, strategic);
      if (Object.keys(p).length > 0) patch[k] = p;
    } else if (Array.isArray(m) && Array.isArray(c) && strategic) {
      Object.assign(patch, diffList(k, Array.isArray(o) ? o : undefined, m, c, sub));
    } else if (!(k in current) || !deepEqual(m, c)) patch[k] = m;
  }
  for (const k of Object.keys(original ?? {})) if (!(k in modified)) patch[k] = null;
  return patch;
}

/** The patch entries for one list field (the field itself and its $setElementOrder directive). */
function diffList(field: string, original: unknown[] | undefined, modified: unknown[], current: unknown[], path: string[]): Json {
  const strategy = listStrategyFor(path);
  if (strategy === undefined || strategy === 'merge-primitives' || !modified.every(isRecord)) {
    return deepEqual(modified, current) ? {} : { [field]: modified };
  }
  const key = strategy.mergeKey;
  const keyOf = (x: unknown): unknown => (isRecord(x) ? x[key] : undefined);
  const items: unknown[] = [];
  for (const m of modified as Json[]) {
    const c = current.find((x) => deepEqual(keyOf(x), m[key]));
    const o = original?.find((x) => deepEqual(keyOf(x), m[key]));
    if (!isRecord(c)) items.push(m);
    else {
      const p = diffMaps(isRecord(o) ? o : undefined, m, c, path, true);
      if (Object.keys(p).length > 0) items.push({ [key]: m[key], ...p });
    }
  }
  for (const o of original ?? []) {
    if (!modified.some((m) => deepEqual(keyOf(m), keyOf(o)))) items.push({ [key]: keyOf(o), $patch: 'delete' });
  }
  if (items.length === 0) return {};
  return { [`$setElementOrder/${field}`]: (modified as Json[]).map((m) => ({ [key]: m[key] })), [field]: items };
}
