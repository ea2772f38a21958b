// Layer lab (system): what `helm install cilium` (chart 1.18.0) creates, for the release's values:
// the release record, then in Helm's kind order the ServiceAccounts, the hubble TLS Secrets, the
// cilium-config ConfigMap (rendered by src/cilium/chart), Services, the agent and Envoy DaemonSets and
// the operator and Hubble Deployments, each with the release's ownership metadata. RBAC is not modelled.

import type { GenericObject } from '../../k8s/index.js';
import { releaseSecret, ciliumRelease, renderNotes, type HelmValues } from '../../cilium/chart/index.js';
import type { Rng } from '../../sim/index.js';
import type { LabSpec } from '../lab-file/index.js';
import { agentDaemonSet } from './cilium-agent.js';
import { envoyDaemonSet, envoyService } from './cilium-envoy.js';
import { operatorDeployment } from './cilium-operator.js';
import { ChartValues } from './cilium-values.js';
import { hubbleMetricsService, hubblePeerService, hubbleTlsSecrets } from './hubble.js';
import { hubbleRelayObjects } from './hubble-relay.js';
import { hubbleUiObjects } from './hubble-ui.js';
import { configMap, helmInstallOrder, helmOwned, serviceAccount } from './manifest.js';

export const CILIUM_CONFIG = 'cilium-config';

const NS = 'kube-system';

function chartObjects(v: ChartValues, config: Record<string, string>, rng: Rng): GenericObject[] {
  const sa = (key: string): GenericObject[] => (v.is(`serviceAccounts.${key}.create`) ? [serviceAccount(v.str(`serviceAccounts.${key}.name`), NS)] : []);
  const envoy = v.envoyDaemonSet();
  const hubble = v.is('hubble.enabled');
  const metrics = hubble && (v.is('hubble.metrics.enabled') || v.is('hubble.metrics.dynamic.enabled'));
  const ui = (hubble || v.is('hubble.ui.standalone.enabled')) && v.is('hubble.ui.enabled');
  return [
    ...sa('cilium'),
    ...(envoy ? sa('envoy') : []),
    ...(v.is('operator.enabled') ? sa('operator') : []),
    configMap(CILIUM_CONFIG, NS, config),
    ...(hubble ? hubbleTlsSecrets(v, rng) : []),
    ...(envoy && v.is('envoy.prometheus.enabled') ? [envoyService(v)] : []),
    ...(hubble ? [hubblePeerService(v)] : []),
    ...(metrics ? [hubbleMetricsService(v)] : []),
    agentDaemonSet(v),
    ...(envoy ? [envoyDaemonSet(v)] : []),
    ...(v.is('operator.enabled') ? [operatorDeployment(v)] : []),
    ...(hubble && v.is('hubble.relay.enabled') ? hubbleRelayObjects(v) : []),
    ...(ui ? hubbleUiObjects(v) : []),
  ];
}

/**
 * The release's objects in creation order; `config` is the cilium-config data the chart port rendered
 * for these values, `rng` seeds the generated certificates.
 */
export function ciliumObjects(spec: LabSpec, config: Record<string, string>, rng: Rng): GenericObject[] {
  return [installRecord(spec), ...ciliumChartObjects(spec.cilium.values, config, rng)];
}

/** What the chart renders for `values` (no release record), in Helm's install order, owned by the release. */
export function ciliumChartObjects(values: HelmValues, config: Record<string, string>, rng: Rng): GenericObject[] {
  const release = { name: 'cilium', namespace: NS };
  return helmInstallOrder(chartObjects(ChartValues.of(values), config, rng)).map((o) => helmOwned(o, release));
}

/** The release `helm install cilium` left: revision 1, deployed, as the Secret Helm's storage driver writes. */
function installRecord(spec: LabSpec): GenericObject {
  const at = spec.clock.startUnixMs + Math.floor(spec.cilium.installedUs / 1000);
  const rel = ciliumRelease({
    name: 'cilium',
    namespace: NS,
    version: 1,
    status: 'deployed',
    firstDeployedMs: at,
    lastDeployedMs: at,
    description: 'Install complete',
    notes: renderNotes(spec.cilium.values),
    config: spec.cilium.values,
  });
  return releaseSecret(rel) as unknown as GenericObject;
}
