// Layer k8s: the kind registry, i.e. what API discovery tells kubectl (`kubectl api-resources`):
// for each kind its group, version, plural/singular/short names, scope, categories ("all"),
// subresources, supported field selectors and, for CRDs, additionalPrinterColumns.
// Extensible: later layers `register()` more CRDs (CiliumLoadBalancerIPPool, CiliumBGP*, ...).

export interface PrinterColumn {
  readonly name: string;
  readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  readonly jsonPath: string;
  readonly priority?: number;
  readonly description?: string;
}

/** How metadata.name is validated (apimachinery NameIsDNSSubdomain / NameIsDNSLabel / NameIsDNS1035Label). */
export type NameRule = 'subdomain' | 'label' | 'dns1035' | 'path-segment';

export interface ResourceType {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly plural: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
  readonly namespaced: boolean;
  readonly categories: readonly string[];
  readonly hasStatusSubresource: boolean;
  /** metadata.generation is maintained (bumped on spec change). */
  readonly hasGeneration: boolean;
  /** Field labels accepted by field selectors besides metadata.name / metadata.namespace. */
  readonly fieldSelectors: readonly string[];
  readonly nameRule: NameRule;
  readonly isCrd: boolean;
  readonly printerColumns?: readonly PrinterColumn[];
}

export type ResourceTypeInput = Omit<
  ResourceType,
  'singular' | 'shortNames' | 'categories' | 'hasStatusSubresource' | 'hasGeneration' | 'fieldSelectors' | 'nameRule' | 'isCrd'
> &
  Partial<ResourceType>;

export function apiVersionOf(rt: ResourceType): string {
  return rt.group === '' ? rt.version : `${rt.group}/${rt.version}`;
}

/** "pods", "deployments.apps": the qualified resource the apiserver names in its errors. */
export function groupResourceOf(rt: ResourceType): string {
  return rt.group === '' ? rt.plural : `${rt.plural}.${rt.group}`;
}

/** "Deployment.apps", "Pod": the qualified kind NewInvalid names. */
export function groupKindOf(rt: ResourceType): string {
  return rt.group === '' ? rt.kind : `${rt.kind}.${rt.group}`;
}

/** Completed types by their input: the built-in tables are constants, so every registry shares one ResourceType each (and what is cached per type). */
const completed = new WeakMap<ResourceTypeInput, ResourceType>();

export function completeResourceType(r: ResourceTypeInput): ResourceType {
  let rt = completed.get(r);
  if (rt === undefined) {
    rt = Object.freeze(completeFresh(r));
    completed.set(r, rt);
  }
  return rt;
}

function completeFresh(r: ResourceTypeInput): ResourceType {
  return {
    ...r,
    singular: r.singular ?? r.kind.toLowerCase(),
    shortNames: r.shortNames ?? [],
    categories: r.categories ?? [],
    hasStatusSubresource: r.hasStatusSubresource ?? false,
    hasGeneration: r.hasGeneration ?? r.isCrd ?? false,
    fieldSelectors: r.fieldSelectors ?? [],
    nameRule: r.nameRule ?? 'subdomain',
    isCrd: r.isCrd ?? false,
  };
}

export class ResourceRegistry {
  private readonly types: ResourceType[] = [];
  /** byKind answers by kind, then apiVersion ('' for any): every API call asks; cleared on register. */
  private readonly kindCache = new Map<string, Map<string, ResourceType | undefined>>();
  /** The last byKind question (kind, apiVersion) and its answer; cleared on register. */
  private lastKind: string | undefined;
  private lastVersion: string | undefined;
  private lastType: ResourceType | undefined;

  constructor(initial: readonly ResourceTypeInput[] = []) {
    for (const r of initial) this.register(r);
  }

  /** Adds (or replaces, by group+kind) a resource type. @example reg.register({ group: 'cilium.io', ... }) */
  register(input: ResourceTypeInput): ResourceType {
    const rt = completeResourceType(input);
    const i = this.types.findIndex((t) => t.group === rt.group && t.kind === rt.kind);
    if (i >= 0) this.types[i] = rt;
    else this.types.push(rt);
    this.kindCache.clear();
    this.lastKind = undefined;
    return rt;
  }

  list(): readonly ResourceType[] {
    return this.types;
  }

  /** By kind, optionally qualified by apiVersion ("apps/v1") to disambiguate. */
  byKind(kind: string, apiVersion?: string): ResourceType | undefined {
    // API calls come in runs of one kind: the last answer is checked before the maps.
    if (kind === this.lastKind && apiVersion === this.lastVersion) return this.lastType;
    const rt = this.lookup(kind, apiVersion);
    this.lastKind = kind;
    this.lastVersion = apiVersion;
    this.lastType = rt;
    return rt;
  }

  private lookup(kind: string, apiVersion: string | undefined): ResourceType | undefined {
    let byVersion = this.kindCache.get(kind);
    if (!byVersion) {
      byVersion = new Map();
      this.kindCache.set(kind, byVersion);
    }
    const v = apiVersion ?? '';
    const hit = byVersion.get(v);
    if (hit !== undefined || byVersion.has(v)) return hit;
    const rt = this.types.find((t) => t.kind === kind && (apiVersion === undefined || apiVersionOf(t) === apiVersion));
    byVersion.set(v, rt);
    return rt;
  }

  /**
   * Resolves what a user types after `kubectl get`: plural, singular, short name or kind, each optionally
   * qualified by group ("deployments.apps", "deploy.v1.apps"). Case-insensitive like kubectl's RESTMapper.
   */
  resolve(text: string): ResourceType | undefined {
    const lower = text.toLowerCase();
    const dot = lower.indexOf('.');
    const name = dot < 0 ? lower : lower.slice(0, dot);
    const qualifier = dot < 0 ? undefined : lower.slice(dot + 1);
    const candidates = this.types.filter((t) => matchesName(t, name) && matchesQualifier(t, qualifier));
    return candidates[0];
  }

  inCategory(category: string): ResourceType[] {
    return this.types.filter((t) => t.categories.includes(category));
  }
}

function matchesName(t: ResourceType, name: string): boolean {
  return t.plural === name || t.singular === name || t.kind.toLowerCase() === name || t.shortNames.includes(name);
}

function matchesQualifier(t: ResourceType, qualifier: string | undefined): boolean {
  if (qualifier === undefined) return true;
  if (qualifier === t.group) return true;
  return qualifier === `${t.version}.${t.group}` || (t.group === '' && qualifier === t.version);
}
