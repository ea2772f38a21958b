// Layer tools (helm): Helm's release storage (the Secrets driver) on the lab's API server: each revision
// is a Secret sh.helm.release.v1.<name>.v<N> in the release namespace (the lab's own installs before t=0
// left theirs: cilium and metrics-server revision 1).

import { decodeReleaseSecret, releaseSecret, type HelmRelease } from '../../cilium/chart/index.js';
import type { GenericObject } from '../../k8s/index.js';
import type { Lab } from '../../lab/index.js';

export const CILIUM_RELEASE = 'cilium';
export const CILIUM_NAMESPACE = 'kube-system';

interface SecretLike {
  metadata: { name?: string; namespace?: string; labels?: Record<string, string> };
  data?: { release?: string };
}

/** Every stored revision, oldest first, of every release in `namespace` (all namespaces when undefined). */
export function listReleases(lab: Lab, namespace: string | undefined, name?: string): HelmRelease[] {
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
