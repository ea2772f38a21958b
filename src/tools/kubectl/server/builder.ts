// Layer tools (kubectl): cli-runtime's resource Builder for the ResourceTypeOrNameArgs forms — `TYPE`,
// `TYPE NAME...`, `TYPE1,TYPE2 NAME`, `TYPE/NAME...` — fetching with the namespace, -A, label and field
// selectors; NotFound for each missing name is collected (ContinueOnError) and the rest still returned.

import { K8sError, goQuote, isK8sError, type KubeObject, type ResourceType } from '../../../k8s/index.js';
import type { Ctx } from '../cli/context.js';
import { KubectlError } from '../cli/errors.js';
import { resolveTypes, warnDeprecated } from './discovery.js';

export interface Info {
  readonly rt: ResourceType;
  readonly obj: KubeObject;
}

export interface Request {
  readonly rt: ResourceType;
  /** Empty: every object of the type (a list). */
  readonly names: readonly string[];
}

export interface FetchOptions {
  readonly allNamespaces?: boolean;
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
}

/** One response: a whole list for `TYPE`, or one object per `TYPE NAME`. */
export interface Group {
  readonly rt: ResourceType;
  readonly objs: KubeObject[];
  readonly isList: boolean;
}

export interface Fetched {
  readonly groups: Group[];
  readonly errors: unknown[];
}

const SLASH_MIX = "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'";

/** Parses the resource arguments. @example parseResourceArgs(ctx, ['deploy,svc', 'webpod']) */
export function parseResourceArgs(ctx: Ctx, args: readonly string[]): Request[] {
  if (args.length === 0) return [];
  if (args.some((a) => a.includes('/'))) {
    if (!args.every((a) => a.includes('/'))) throw new KubectlError(SLASH_MIX);
    return args.map((a) => {
      const i = a.indexOf('/');
      const name = a.slice(i + 1);
      if (name === '') throw new KubectlError(`arguments in resource/name form must have a single resource and name`);
      const [rt] = resolveTypes(ctx, a.slice(0, i));
      if (!rt) throw new KubectlError(`arguments in resource/name form must have a single resource and name`);
      return { rt, names: [name] };
    });
  }
  const [types = '', ...names] = args;
  return types
    .split(',')
    .filter((t) => t !== '')
    .flatMap((t) => resolveTypes(ctx, t))
    .map((rt) => ({ rt, names }));
}

/** Fetches every request. Lists are filtered by the selectors; names are fetched one by one. */
export function fetchAll(ctx: Ctx, requests: readonly Request[], opts: FetchOptions = {}): Fetched {
  const api = ctx.api();
  const groups: Group[] = [];
  const errors: unknown[] = [];
  for (const { rt, names } of requests) {
    warnDeprecated(ctx, rt);
    const namespace = rt.namespaced && !(opts.allNamespaces && names.length === 0) ? ctx.namespace() : undefined;
    if (names.length === 0) {
      const listOpts = { ...(namespace !== undefined ? { namespace } : {}), labelSelector: opts.labelSelector ?? '', fieldSelector: opts.fieldSelector ?? '' };
      try {
        groups.push({ rt, objs: api.list(rt.kind, listOpts), isList: true });
      } catch (e) {
        throw enhanceListError(e, rt, listOpts.labelSelector, listOpts.fieldSelector);
      }
      continue;
    }
    for (const name of names) {
      try {
        groups.push({ rt, objs: [api.get(rt.kind, namespace, name)], isList: false });
      } catch (e) {
        errors.push(e);
      }
    }
  }
  return { groups, errors };
}

/** helper.go EnhanceListError: a BadRequest or NotFound from a list names the resource and selectors. */
function enhanceListError(e: unknown, rt: ResourceType, labelSelector: string, fieldSelector: string): unknown {
  if (!isK8sError(e, 'BadRequest') && !isK8sError(e, 'NotFound')) return e;
  const subj = `${rt.group}/${rt.version}, Resource=${rt.plural}`;
  const message = labelSelector === '' && fieldSelector === ''
    ? `Unable to list ${goQuote(subj)}: ${e.message}`
    : `Unable to find ${goQuote(subj)} that match label selector ${goQuote(labelSelector)}, field selector ${goQuote(fieldSelector)}: ${e.message}`;
  return new K8sError(e.code, message, e.details);
}

/** The fetched objects, flattened. */
export function infosOf(f: Fetched): Info[] {
  return f.groups.flatMap((g) => g.objs.map((obj) => ({ rt: g.rt, obj })));
}
