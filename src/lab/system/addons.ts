// Layer lab (system): the lab file's add-ons, installed in the listed order after Cilium as the
// provisioning script's later steps: metrics-server (Helm), local-path-provisioner (kubectl apply and
// the default-class patch) and Cilium's Prometheus/Grafana example (kubectl apply and NodePort patches).
// The script's real pauses are not recorded; the steps are placed a fixed interval apart.

import type { GenericObject } from '../../k8s/index.js';
import type { AddonSpec, LabSpec } from '../lab-file/index.js';
import { localPathObjects } from './addon-local-path.js';
import { metricsServerObjects } from './addon-metrics-server.js';
import { monitoringObjects } from './addon-monitoring.js';

/** Between consecutive provisioning steps from the Cilium install on. */
const ADDON_STEP_US = 30_000_000;

export interface AddonInstall {
  readonly atUs: number;
  readonly objects: readonly GenericObject[];
}

function objectsOf(addon: AddonSpec, installedMs: number): GenericObject[] {
  switch (addon.name) {
    case 'metrics-server':
      return metricsServerObjects(installedMs);
    case 'local-path-provisioner':
      return localPathObjects(addon.version, addon.defaultStorageClass);
    case 'cilium-monitoring':
      return monitoringObjects(addon.prometheusNodePort, addon.grafanaNodePort);
  }
}

/** Each add-on's objects with the virtual time they are created at. */
export function addonInstalls(spec: LabSpec): AddonInstall[] {
  return spec.kubernetes.addons.map((addon, i) => {
    const atUs = spec.cilium.installedUs + (i + 1) * ADDON_STEP_US;
    return { atUs, objects: objectsOf(addon, spec.clock.startUnixMs + Math.floor(atUs / 1000)) };
  });
}
