// Layer k8s: ControllerRevisions, the DaemonSet's rollout history (pkg/controller/history and
// daemon/update.go constructHistory): `<ds>-<hash>` holding the template as a replace patch,
// revision numbers increasing, the current one bumped to the top on a rollback.

import type { ApiServer } from '../api/api-server.js';
import type { ControllerRevision, DaemonSet } from '../objects/apps.js';
import { REVISION_HASH_LABEL } from './daemonset-util.js';
import { controllerRef, isControlledBy } from './pod-util.js';

export function ensureControllerRevision(api: ApiServer, ds: DaemonSet, hash: string): ControllerRevision {
  const ns = ds.metadata.namespace ?? 'default';
  const name = `${ds.metadata.name ?? ''}-${hash}`;
  const history = api.dependents('ControllerRevision', ds.metadata.uid ?? '').filter((cr) => isControlledBy(cr, ds));
  const max = Math.max(0, ...history.map((cr) => cr.revision));
  const cur = history.find((cr) => cr.metadata.name === name);
  if (cur) {
    if (cur.revision === max) return cur;
    return api.mutate('ControllerRevision', ns, name, (o) => {
      o.revision = max + 1;
    }, { shallow: true }) ?? cur;
  }
  return api.create<ControllerRevision>({
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace: ns,
      labels: { ...(ds.spec.template.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash },
      annotations: { ...(ds.metadata.annotations ?? {}) },
      ownerReferences: [controllerRef(ds)],
    },
    data: { spec: { template: { ...ds.spec.template, $patch: 'replace' } } },
    revision: max + 1,
  });
}
