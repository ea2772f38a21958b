// Layer lab (system): what an upgrade of the cilium release does to the cluster's objects (Helm's
// kube.Client Update): objects the chart now renders and the cluster lacks are created (hubble-relay when
// hubble.relay.enabled turns true), the release's objects it no longer renders are deleted, cilium-config
// takes the new data. Objects rendered both times keep their stored spec (no three-way merge).

import type { ApiServer, GenericObject } from '../../k8s/index.js';
import type { HelmValues } from '../../cilium/chart/index.js';
import type { Rng } from '../../sim/index.js';
import { CILIUM_CONFIG, ciliumChartObjects } from './cilium.js';

const NS = 'kube-system';
const RELEASE_KINDS = ['Deployment', 'DaemonSet', 'Service', 'ConfigMap', 'Secret', 'ServiceAccount'] as const;

export function syncCiliumRelease(api: ApiServer, values: HelmValues, config: Record<string, string>, rng: Rng): void {
  const want = ciliumChartObjects(values, config, rng);
  const key = (kind: string, name: string | undefined) => `${kind}/${name ?? ''}`;
  const wanted = new Set(want.map((o) => key(o.kind, o.metadata.name)));
  for (const kind of RELEASE_KINDS) {
    for (const o of api.list(kind, { namespace: NS, labelSelector: 'app.kubernetes.io/managed-by=Helm' })) {
      const owner = o.metadata.annotations?.['meta.helm.sh/release-name'];
      if (owner === 'cilium' && !wanted.has(key(kind, o.metadata.name))) api.delete(kind, NS, o.metadata.name ?? '');
    }
  }
  api.mutate('ConfigMap', NS, CILIUM_CONFIG, (cm) => {
    (cm as GenericObject)['data'] = config;
  });
  for (const o of want) if (!api.tryGet(o.kind, NS, o.metadata.name ?? '')) api.create(o);
}
