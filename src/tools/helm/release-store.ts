// Layer tools (helm): Helm's release storage (the Secrets driver) on the lab's API server: each revision
// is a Secret sh.helm.release.v1.<name>.v<N> in the release namespace. The lab's install of Cilium
// (before t=0) left no Secret, so the store writes revision 1 of `cilium`, dated when it was installed,
// the first time helm looks (an adapter until the lab creates it with the chart's releaseSecret()).

import {
  CHART_DEFAULTS,
  ciliumRelease,
  coalesceValues,
  decodeReleaseSecret,
  releaseSecret,
  renderNotes,
  type HelmRelease,
  type HelmValues,
} from '../../cilium/chart/index.js';
import type { GenericObject } from '../../k8s/index.js';
import type { Lab } from '../../lab/index.js';

export const CILIUM_RELEASE = 'cilium';
export const CILIUM_NAMESPACE = 'kube-system';

interface SecretLike {
  metadata: { name?: string; namespace?: string; labels?: Record<string, string> };
  data?: { release?: string };
}

/** The lab's wall clock at virtual time `us`. */
function wallMsAt(lab: Lab, us: number): number {
  return lab.spec.clock.startUnixMs + Math.floor(us / 1000);
}

function ensureInstalled(lab: Lab): void {
  const api = lab.k8s.api;
  if (api.list('Secret', { namespace: CILIUM_NAMESPACE, labelSelector: `owner=helm,name=${CILIUM_RELEASE}` }).length > 0) return;
  const installedUs = lab.spec.cilium.installedUs;
  const at = wallMsAt(lab, installedUs);
  const config = lab.ciliumValues as HelmValues;
  const rel = ciliumRelease({
    name: CILIUM_RELEASE,
    namespace: CILIUM_NAMESPACE,
    version: 1,
    status: 'deployed',
    firstDeployedMs: at,
    lastDeployedMs: at,
    description: 'Install complete',
    notes: renderNotes(coalesceValues(CHART_DEFAULTS, config)),
    config,
  });
  api.create(releaseSecret(rel) as unknown as GenericObject, { atUs: installedUs });
}

/** Every stored revision, oldest first, of every release in `namespace` (all namespaces when undefined). */
export function listReleases(lab: Lab, namespace: string | undefined, name?: string): HelmRelease[] {
  ensureInstalled(lab);
  const selector = name === undefined ? 'owner=helm' : `owner=helm,name=${name}`;
  const opts = namespace === undefined ? { labelSelector: selector } : { namespace, labelSelector: selector };
  const out: HelmRelease[] = [];
  for (const s of lab.k8s.api.list('Secret', opts) as unknown as SecretLike[]) {
    const data = s.data?.release;
    const rel = data === undefined ? undefined : decodeReleaseSecret(data);
    if (rel) out.push(rel);
  }
  return out.sort((a, b) => (a.namespace === b.namespace ? (a.name === b.name ? a.version - b.version : a.name < b.name ? -1 : 1) : a.namespace < b.namespace ? -1 : 1));
}

/** The newest revision of a release. */
export function lastRelease(lab: Lab, namespace: string, name: string): HelmRelease | undefined {
  const all = listReleases(lab, namespace, name);
  return all[all.length - 1];
}

/** Stores a new revision and marks the previous deployed one superseded (Helm's Update + Create). */
export function storeRevision(lab: Lab, rel: HelmRelease): void {
  const api = lab.k8s.api;
  for (const prev of listReleases(lab, rel.namespace, rel.name)) {
    if (prev.status !== 'deployed') continue;
    const next = releaseSecret({ ...prev, status: 'superseded' });
    api.mutate('Secret', prev.namespace, next.metadata.name, (o) => {
      const s = o as unknown as SecretLike;
      s.metadata.labels = { ...(s.metadata.labels ?? {}), status: 'superseded', modifiedAt: String(Math.floor(lab.wallMs / 1000)) };
      s.data = next.data;
    });
  }
  const secret = releaseSecret(rel);
  secret.metadata.labels['createdAt'] = String(Math.floor(lab.wallMs / 1000));
  api.create(secret as unknown as GenericObject);
}
