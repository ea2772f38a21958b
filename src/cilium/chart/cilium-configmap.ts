// Layer cilium (chart): the `cilium-config` ConfigMap of the cilium 1.18.0 chart
// (templates/cilium-configmap.yaml), ported key by key: the same conditions, defaults by
// upgradeCompatibility, and `fail`s, so `cilium config view` prints what a real install holds. The data
// sections follow the template's order across configmap-agent.ts and configmap-features.ts.

import { CHART_DEFAULTS } from './chart-defaults.js';
import { coalesceValues, type HelmValues } from './helm-values.js';
import { agentSection } from './configmap-agent.js';
import { featureSection } from './configmap-features.js';
import { quote, TemplateFail, Values } from './template-context.js';

export const CONFIGMAP_TEMPLATE = 'cilium-configmap.yaml';

/** The template's derived settings (the `$default...` variables at its top). */
export interface ConfigMapDefaults {
  readonly bpfMapDynamicSizeRatio: number;
  readonly bpfMasquerade: string;
  readonly bpfClockProbe: string;
  readonly ipam: string;
  readonly operatorApiServeAddr: string;
  readonly bpfCtTcpMax: number;
  readonly bpfCtAnyMax: number;
  readonly kubeProxyReplacement: string;
  readonly azureUsePrimaryAddress: string;
  readonly k8sClientQps: number;
  readonly k8sClientBurst: number;
  readonly dnsProxyEnableTransparentMode: string;
  readonly enableIpv4Masquerade: string;
  readonly cniChainingMode: string;
  readonly envoyDaemonSet: boolean;
  readonly readSecretsOnlyFromSecretsNamespace: boolean;
  readonly secretSyncEnabled: boolean;
}

export type ConfigMapData = Record<string, string>;

export interface RenderOptions {
  /** .Capabilities.KubeVersion.Version ("v1.33.2"). */
  readonly kubeVersion: string;
}

/**
 * Renders the ConfigMap's data from the release's user values (chart defaults applied here).
 * Throws TemplateFail where the template calls `fail`.
 * @example renderCiliumConfigMap({ routingMode: 'tunnel' }, { kubeVersion: 'v1.33.2' })['tunnel-protocol'] // 'vxlan'
 */
export function renderCiliumConfigMap(user: HelmValues, opts: RenderOptions): ConfigMapData {
  const v = new Values(coalesceValues(CHART_DEFAULTS, user));
  const enabled = (v.is('agent') || v.is('operator.enabled') || v.is('clustermesh.useAPIServer')) && !v.is('preflight.enabled');
  if (!enabled) return {};
  const d = templateDefaults(v, opts.kubeVersion);
  const data: ConfigMapData = {};
  agentSection(v, d, data);
  featureSection(v, d, data);
  return data;
}

function kubeAtLeast(version: string, major: number, minor: number): boolean {
  const m = /^v?(\d+)\.(\d+)/.exec(version);
  if (!m) return false;
  return Number(m[1]) > major || (Number(m[1]) === major && Number(m[2]) >= minor);
}

function helperBool(v: Values, path: string, fallback: () => boolean): boolean {
  return v.isNil(path) ? fallback() : v.str(path) === 'true';
}

function templateDefaults(v: Values, kubeVersion: string): ConfigMapDefaults {
  const since8 = v.installedSince(8);
  const since10 = v.installedSince(10);
  const since12 = v.installedSince(12);
  let kpr = 'false';
  if (since8) kpr = 'probe';
  if (v.installedSince(9)) kpr = 'probe';
  if (since12) kpr = 'disabled';
  if (v.installedSince(14)) kpr = 'false';
  const kprValue = v.isNil('kubeProxyReplacement') ? '' : v.str('kubeProxyReplacement');
  const kubeProxyReplacement = kprValue !== '' ? kprValue : kpr;
  if (kubeProxyReplacement !== 'true' && kubeProxyReplacement !== 'false') {
    throw new TemplateFail(CONFIGMAP_TEMPLATE, 82, 5, 'kubeProxyReplacement must be explicitly set to a valid value (true or false) to continue.');
  }
  const azureDefault = since12 && v.is('azure.enabled') ? 'false' : 'true';
  let cniChainingMode = 'none';
  if (!v.isNil('cni.chainingMode')) cniChainingMode = v.str('cni.chainingMode');
  else if (!v.isNil('cni.chainingTarget')) cniChainingMode = 'generic-veth';
  const since127 = kubeAtLeast(kubeVersion, 1, 27);
  return {
    bpfMapDynamicSizeRatio: since8 ? 0.0025 : 0,
    bpfMasquerade: since8 && !since10 ? 'true' : 'false',
    bpfClockProbe: since8 ? 'true' : 'false',
    ipam: v.is('ipam.mode') ? v.str('ipam.mode') : 'cluster-pool',
    operatorApiServeAddr: since8 ? (v.is('ipv4.enabled') ? '127.0.0.1:9234' : '[::1]:9234') : 'localhost:9234',
    bpfCtTcpMax: v.is('bpf.ctTcpMax') ? Number(v.get('bpf.ctTcpMax')) : since8 ? 0 : 524288,
    bpfCtAnyMax: v.is('bpf.ctAnyMax') ? Number(v.get('bpf.ctAnyMax')) : since8 ? 0 : 262144,
    kubeProxyReplacement,
    azureUsePrimaryAddress: v.is('azure.usePrimaryAddress') ? v.str('azure.usePrimaryAddress') : azureDefault,
    k8sClientQps: since127 ? 10 : 5,
    k8sClientBurst: since127 ? 20 : 10,
    dnsProxyEnableTransparentMode: since12 ? 'true' : 'false',
    enableIpv4Masquerade: v.installedSince(18) && v.is('eni.enabled') ? 'false' : 'true',
    cniChainingMode,
    envoyDaemonSet: v.is('l7Proxy') && helperBool(v, 'envoy.enabled', () => v.installedSince(16)),
    readSecretsOnlyFromSecretsNamespace: helperBool(v, 'tls.readSecretsOnlyFromSecretsNamespace', () => v.isNil('tls.secretsBackend') || v.str('tls.secretsBackend') === 'local'),
    secretSyncEnabled: helperBool(v, 'tls.secretSync.enabled', () => v.installedSince(17)),
  };
}

/** `{{ include "validateDuration" x | quote }}`: the value, or "0s" when empty. */
export function duration(v: Values, path: string): string {
  return v.is(path) ? quote(v.get(path)) : '0s';
}
