// Layer tools (kubectl): reading `-f FILE|-` as cli-runtime's builder does — a YAML or JSON stream of
// documents (YAML 1.1 like go-yaml v2), v1 List items flattened; with a schema (apply, create) each document
// is validated (apiVersion/kind set, then the server's OpenAPI fetched), else decoded (kind required); then
// mapped to its resource type and namespaced: the default namespace when it names none, an error when it
// names another than an explicit -n.

import YAML from 'yaml';
import { goQuote, type GenericObject, type ResourceType } from '../../../k8s/index.js';
import type { Ctx } from '../cli/context.js';
import { KubectlError, RawMessageError } from '../cli/errors.js';
import { goJson } from '../text/go-json.js';

export interface ManifestInfo {
  readonly source: string;
  readonly rt: ResourceType;
  readonly obj: GenericObject;
  readonly namespace: string | undefined;
  readonly name: string;
}

export interface Manifests {
  readonly infos: ManifestInfo[];
  readonly errors: unknown[];
}

const STOP_VALIDATE = 'if you choose to ignore these errors, turn validation off with --validate=false';

/** --validate: anything but false/ignore validates (strict by default). */
export function validationEnabled(ctx: Ctx): boolean {
  const v = ctx.flags.string('validate').toLowerCase();
  return v !== 'false' && v !== 'ignore';
}

/** Reads every -f source. Reading a source stops at its first unparsable or invalid document. */
export async function readManifests(ctx: Ctx, filenames: readonly string[], validate = false): Promise<Manifests> {
  const infos: ManifestInfo[] = [];
  const errors: unknown[] = [];
  for (const f of filenames) {
    const source = f === '-' ? 'STDIN' : f;
    const text = f === '-' ? await ctx.p.stdin.readAll() : ctx.p.host.readFile(f);
    if (text === undefined) throw new KubectlError(`the path ${JSON.stringify(f)} does not exist`);
    try {
      for (const obj of documents(text, source, validate ? (ctx.connected() ? 'validate' : 'validate-offline') : 'decode')) {
        try {
          infos.push(mapObject(ctx, obj, source));
        } catch (e) {
          if (e instanceof RawMessageError) throw e;
          errors.push(e);
        }
      }
    } catch (e) {
      if (e instanceof RawMessageError) throw e;
      errors.push(e);
    }
  }
  return { infos, errors };
}

type Check = 'validate' | 'validate-offline' | 'decode';

function* documents(text: string, source: string, check: Check): Generator<GenericObject> {
  for (const doc of YAML.parseAllDocuments(text, { version: '1.1', uniqueKeys: false })) {
    const err = doc.errors[0];
    if (err) throw new KubectlError(`error parsing ${source}: error converting YAML to JSON: yaml: line ${(err.linePos?.[0].line ?? 1) - 1}: ${goYamlMessage(err.message)}`);
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    if (check === 'decode') decodeCheck(value, source);
    else validateCheck(value, source, check === 'validate-offline');
    const obj = value as GenericObject;
    if (obj.kind === 'List' && obj.apiVersion === 'v1' && Array.isArray(obj['items'])) yield* obj['items'] as GenericObject[];
    else yield obj;
  }
}

/** schema.ValidateBytes via paramVerifyingSchema: kind checks, then QueryParamVerifier needs the OpenAPI. */
function validateCheck(value: unknown, source: string, offline: boolean): void {
  const kindErrors = objectKindErrors(value);
  let detail: string | undefined;
  if (kindErrors.length > 0) detail = kindErrors.length === 1 ? kindErrors[0] : `[${kindErrors.join(', ')}]`;
  else if (offline && !isV1List(value)) {
    detail = 'failed to download openapi: Get "http://localhost:8080/openapi/v2?timeout=32s": dial tcp 127.0.0.1:8080: connect: connection refused';
  }
  if (detail !== undefined) throw new KubectlError(`error validating ${JSON.stringify(source)}: error validating data: ${detail}; ${STOP_VALIDATE}`);
}

const isV1List = (v: unknown): boolean => (v as GenericObject).kind === 'List' && (v as GenericObject).apiVersion === 'v1';

/** The unstructured decoder: an object needs a kind (runtime.NewMissingKindErr over the document as JSON). */
function decodeCheck(value: unknown, source: string): void {
  const kind = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)['kind'] : undefined;
  if (typeof kind !== 'string' || kind === '') throw new KubectlError(`unable to decode ${goQuote(source)}: Object 'Kind' is missing in '${goJson(value)}'`);
}

/** getObjectKind's checks (kubectl/pkg/validation). */
function objectKindErrors(v: unknown): string[] {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return ['invalid object to validate'];
  const o = v as Record<string, unknown>;
  const errs: string[] = [];
  if (o['apiVersion'] === undefined || o['apiVersion'] === null) errs.push('apiVersion not set');
  else if (typeof o['apiVersion'] !== 'string') errs.push("apiVersion isn't string type");
  if (o['kind'] === undefined || o['kind'] === null) errs.push('kind not set');
  else if (typeof o['kind'] !== 'string') errs.push("kind isn't string type");
  return errs;
}

function goYamlMessage(message: string): string {
  if (/nested mappings|implicit map keys|compact mapping/i.test(message)) return 'mapping values are not allowed in this context';
  if (/tab/i.test(message)) return 'found character that cannot start any token';
  return 'did not find expected key';
}

function mapObject(ctx: Ctx, obj: GenericObject, source: string): ManifestInfo {
  const name = obj.metadata?.name ?? '';
  const registry = ctx.discoveryApi().registry;
  // no apiVersion: no version to map to ("" would not match any served version)
  const rt = obj.apiVersion ? registry.byKind(obj.kind, obj.apiVersion) : undefined;
  if (!rt) {
    throw new KubectlError(
      `resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(obj.metadata?.namespace ?? '')} from ${JSON.stringify(source)}: no matches for kind ${JSON.stringify(obj.kind)} in version ${JSON.stringify(obj.apiVersion ?? '')}\nensure CRDs are installed first`,
    );
  }
  if (!rt.namespaced) return { source, rt, obj, namespace: undefined, name };
  const own = obj.metadata?.namespace;
  const ns = ctx.namespace();
  if (own && ctx.explicitNamespace() && own !== ns) {
    throw new KubectlError(`the namespace from the provided object ${JSON.stringify(own)} does not match the namespace ${JSON.stringify(ns)}. You must pass '--namespace=${own}' to perform this operation.`);
  }
  const namespace = own || ns;
  return { source, rt, obj: { ...obj, metadata: { ...(obj.metadata ?? {}), namespace } }, namespace, name };
}
