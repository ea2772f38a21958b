// Layer tools (kubectl): resolving what the user typed to a resource type as kubectl's RESTMapper and
// category expander do (plural, singular, short name or kind, optionally ".group"; `all` is the category),
// and the deprecation warnings the v1.33 apiserver attaches to requests for deprecated APIs.

import type { ResourceType } from '../../../k8s/index.js';
import type { Ctx } from '../cli/context.js';
import { NoResourceMatchError } from '../cli/errors.js';

/** Resource types for one word of a `TYPE[,TYPE...]` argument. @example resolveTypes(ctx, 'deploy') */
export function resolveTypes(ctx: Ctx, word: string): ResourceType[] {
  const reg = ctx.discoveryApi().registry;
  const rt = reg.resolve(word);
  if (rt) return [rt];
  const category = reg.inCategory(word.toLowerCase());
  if (category.length > 0) return orderedByDiscovery(category);
  throw new NoResourceMatchError(word);
}

/** Discovery lists the core group first, then groups by name; resources alphabetically within a group. */
function orderedByDiscovery(types: readonly ResourceType[]): ResourceType[] {
  const groupRank = (g: string): string => (g === '' ? '' : `~${g}`);
  return [...types].sort((a, b) => groupRank(a.group).localeCompare(groupRank(b.group)) || (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0));
}

/** Deprecated APIs in v1.33 (the registry's DeprecatedVersion/ReplacementVersion warnings). */
const DEPRECATIONS: ReadonlyArray<{ readonly group: string; readonly kind: string; readonly message: string }> = [
  { group: '', kind: 'Endpoints', message: 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice' },
  { group: '', kind: 'ComponentStatus', message: 'v1 ComponentStatus is deprecated in v1.19+' },
];

/** Prints the warning the apiserver sends with any request for `rt`. */
export function warnDeprecated(ctx: Ctx, rt: ResourceType): void {
  const d = DEPRECATIONS.find((x) => x.group === rt.group && x.kind === rt.kind);
  if (d) ctx.warn(d.message);
}

/** "deployment.apps", "pod": the lower-cased group-qualified kind kubectl prints before "/name". */
export function kindPrefix(rt: ResourceType): string {
  return rt.group === '' ? rt.kind.toLowerCase() : `${rt.kind.toLowerCase()}.${rt.group}`;
}
