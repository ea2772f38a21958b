// Layer k8s: the PATCH verb (k8s.io/apiserver/pkg/endpoints/handlers/patch.go): applies a JSON merge,
// strategic merge or JSON patch to the stored object and writes the result as an update, so
// validation, defaulting and generation bumps apply. Patch errors surface as the apiserver reports them.

import type { ApiServer, UpdateOptions } from './api-server.js';
import { K8sError, badRequest } from '../errors.js';
import type { ObjectFor } from '../objects/kind-map.js';
import type { KubeObject } from '../objects/meta.js';
import { mergePatch } from '../patch/json-merge-patch.js';
import { applyJsonPatch, JsonPatchError } from '../patch/json-patch.js';
import { strategicMergePatch, StrategicMergePatchError } from '../patch/strategic-merge-patch.js';
import { isRecord } from '../objects/json.js';

export type PatchType = 'merge' | 'strategic' | 'json';

/** Patches one object. @example patchObject(api, 'Deployment', 'default', 'webpod', { spec: { replicas: 5 } }, 'strategic') */
export function patchObject<K extends string>(
  api: ApiServer, kind: K, namespace: string | undefined, name: string, patch: unknown, type: PatchType, opts: UpdateOptions = {},
): ObjectFor<K> {
  const cur = api.get(kind, namespace, name);
  let next: unknown;
  try {
    if (type === 'json') next = applyJsonPatch(cur, patch);
    else if (!isRecord(patch)) throw badRequest(`json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`);
    else next = type === 'merge' ? mergePatch(cur, patch) : strategicMergePatch(cur, patch);
  } catch (e) {
    // DecodePatch errors are a bad request; Apply errors a 422 whose generic text replaces json-patch's.
    if (e instanceof JsonPatchError) throw e.message.startsWith('json: ') ? badRequest(e.message) : new K8sError('Invalid', 'the server rejected our request due to an error in our request');
    if (e instanceof StrategicMergePatchError) throw new K8sError('Invalid', e.message);
    throw e;
  }
  if (!isRecord(next)) throw badRequest('the patch produced a value that is not an object');
  const obj = next as unknown as KubeObject;
  obj.metadata ??= {};
  obj.metadata.name = name;
  if (namespace !== undefined) obj.metadata.namespace = namespace;
  // A patch may carry metadata.resourceVersion as an optimistic lock; otherwise it applies to whatever is stored.
  const patchRv = isRecord(patch) && isRecord(patch['metadata']) ? patch['metadata']['resourceVersion'] : undefined;
  if (typeof patchRv === 'string') obj.metadata.resourceVersion = patchRv;
  else delete obj.metadata.resourceVersion;
  return api.update(obj, opts) as ObjectFor<K>;
}
