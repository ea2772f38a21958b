// Layer lab (lab file): reading the Cilium Helm values a lab file sets, with the 1.18 chart's defaults
// for what it leaves out (values.yaml: routingMode "" -> tunnel, tunnelProtocol "" -> vxlan,
// ipam.mode cluster-pool with clusterPoolIPv4PodCIDRList ["10.0.0.0/8"] and clusterPoolIPv4MaskSize 24).

import type { HelmValue, HelmValues } from './cilium-schema.js';

/** The value at a dotted Helm path ("ipam.operator.clusterPoolIPv4MaskSize"); undefined when absent. */
export function helmValueAt(values: HelmValues, dotted: string): HelmValue | undefined {
  let cur: HelmValue | undefined = values;
  for (const key of dotted.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as { readonly [k: string]: HelmValue })[key];
  }
  return cur;
}

/** Booleans as the chart reads them: true/false, or the strings "true"/"false" (the chart quotes them). */
export function helmBool(v: HelmValue | undefined): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  return undefined;
}

export const CHART_DEFAULT_POD_CIDR_LIST = ['10.0.0.0/8'] as const;
export const CHART_DEFAULT_MASK_SIZE = 24;

/** The handful of settings the lab file checks, resolved against chart defaults. Assumes valid types. */
export interface CiliumChartSettings {
  readonly routingMode: 'native' | 'tunnel';
  readonly tunnelProtocol: 'vxlan' | 'geneve';
  readonly autoDirectNodeRoutes: boolean;
  readonly ipamMode: string;
  readonly clusterPoolIPv4PodCIDRList: readonly string[];
  readonly clusterPoolIPv4MaskSize: number;
  readonly ipv4NativeRoutingCIDR: string | undefined;
  readonly enableIPv4Masquerade: boolean;
  readonly ipMasqAgentEnabled: boolean;
  readonly kubeProxyReplacement: boolean;
  readonly installNoConntrackIptablesRules: boolean;
  readonly k8sServiceHost: string | undefined;
  readonly k8sServicePort: number | undefined;
}

/** Resolves the values against the chart defaults. @example ciliumChartSettings({ routingMode: 'native' }).tunnelProtocol // 'vxlan' */
export function ciliumChartSettings(values: HelmValues): CiliumChartSettings {
  const str = (k: string) => {
    const v = helmValueAt(values, k);
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const list = helmValueAt(values, 'ipam.operator.clusterPoolIPv4PodCIDRList');
  const mask = helmValueAt(values, 'ipam.operator.clusterPoolIPv4MaskSize');
  const port = helmValueAt(values, 'k8sServicePort');
  return {
    routingMode: str('routingMode') === 'native' ? 'native' : 'tunnel',
    tunnelProtocol: str('tunnelProtocol') === 'geneve' ? 'geneve' : 'vxlan',
    autoDirectNodeRoutes: helmBool(helmValueAt(values, 'autoDirectNodeRoutes')) ?? false,
    ipamMode: str('ipam.mode') ?? 'cluster-pool',
    clusterPoolIPv4PodCIDRList: Array.isArray(list)
      ? list.filter((x): x is string => typeof x === 'string')
      : typeof list === 'string'
        ? list.split(/[\s,]+/).filter((x) => x !== '')
        : CHART_DEFAULT_POD_CIDR_LIST,
    clusterPoolIPv4MaskSize: typeof mask === 'number' ? mask : CHART_DEFAULT_MASK_SIZE,
    ipv4NativeRoutingCIDR: str('ipv4NativeRoutingCIDR'),
    enableIPv4Masquerade: helmBool(helmValueAt(values, 'enableIPv4Masquerade')) ?? true,
    ipMasqAgentEnabled: helmBool(helmValueAt(values, 'ipMasqAgent.enabled')) ?? false,
    kubeProxyReplacement: helmBool(helmValueAt(values, 'kubeProxyReplacement')) ?? false,
    installNoConntrackIptablesRules: helmBool(helmValueAt(values, 'installNoConntrackIptablesRules')) ?? false,
    k8sServiceHost: str('k8sServiceHost'),
    k8sServicePort: typeof port === 'number' ? port : typeof port === 'string' && /^[0-9]+$/.test(port) ? Number(port) : undefined,
  };
}
