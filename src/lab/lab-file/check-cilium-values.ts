// Layer lab (lab file): semantic checks of cilium.values: value types as the 1.18 chart's
// values.schema.json declares them (helm refuses others), and the settings cilium-agent refuses at
// startup, with the agent's own fatal message (daemon_main.go, option/config.go, datapath/tunnel).

import { parseCidr } from '../../addr/index.js';
import type { RawLab, Report } from './check-context.js';
import { hostAddresses } from './check-context.js';
import type { HelmValue, HelmValues } from './cilium-schema.js';
import { ciliumChartSettings, helmValueAt } from './cilium-values.js';

type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'null';

/** Types of the values the emulator reads, from the chart's values.schema.json. */
const VALUE_TYPES: Readonly<Record<string, readonly JsonType[]>> = {
  routingMode: ['string'],
  tunnelProtocol: ['string'],
  tunnelPort: ['integer'],
  MTU: ['integer'],
  autoDirectNodeRoutes: ['boolean', 'string'],
  kubeProxyReplacement: ['boolean', 'string'],
  k8sServiceHost: ['string'],
  k8sServicePort: ['integer', 'string'],
  ipv4NativeRoutingCIDR: ['string'],
  enableIPv4Masquerade: ['boolean'],
  installNoConntrackIptablesRules: ['boolean'],
  healthChecking: ['boolean'],
  'ipam.mode': ['string'],
  'ipam.operator.clusterPoolIPv4PodCIDRList': ['array', 'string'],
  'ipam.operator.clusterPoolIPv4MaskSize': ['integer'],
  'ipMasqAgent.enabled': ['boolean'],
  'bpf.masquerade': ['boolean', 'null'],
  'endpointRoutes.enabled': ['boolean'],
  'endpointHealthChecking.enabled': ['boolean'],
  'l2announcements.enabled': ['boolean'],
  'bgpControlPlane.enabled': ['boolean'],
  'debug.enabled': ['boolean'],
  'hubble.enabled': ['boolean'],
  'hubble.relay.enabled': ['boolean'],
  'hubble.ui.enabled': ['boolean'],
  'hubble.ui.service.type': ['string'],
  'hubble.ui.service.nodePort': ['integer'],
  'hubble.metrics.enabled': ['array', 'null'],
  'operator.replicas': ['integer'],
};

function jsonType(v: HelmValue): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'object') return 'object';
  return typeof v === 'string' ? 'string' : 'boolean';
}

const HELM = '(the chart\'s values.schema.json; helm install would fail)';

function checkTypes(values: HelmValues, report: Report): boolean {
  let ok = true;
  const reported = new Set<string>();
  for (const [dotted, types] of Object.entries(VALUE_TYPES)) {
    const keys = dotted.split('.');
    for (let n = 1; n < keys.length; n++) {
      const parent = keys.slice(0, n).join('.');
      const v = helmValueAt(values, parent);
      if (v !== undefined && jsonType(v) !== 'object' && !reported.has(parent)) {
        reported.add(parent);
        ok = false;
        report(['cilium', 'values', ...keys.slice(0, n)], 'helm-value', `Invalid type. Expected: object, given: ${jsonType(v)} ${HELM}`);
      }
    }
    const v = helmValueAt(values, dotted);
    if (v === undefined || types.includes(jsonType(v)) || (jsonType(v) === 'integer' && types.includes('number'))) continue;
    ok = false;
    report(['cilium', 'values', ...keys], 'helm-value', `Invalid type. Expected: ${types.join(' or ')}, given: ${jsonType(v)} ${HELM}`);
  }
  const list = helmValueAt(values, 'ipam.operator.clusterPoolIPv4PodCIDRList');
  if (Array.isArray(list)) {
    list.forEach((item, i) => {
      if (typeof item !== 'string') {
        ok = false;
        report(['cilium', 'values', 'ipam', 'operator', 'clusterPoolIPv4PodCIDRList', i], 'helm-value', `Invalid type. Expected: string, given: ${jsonType(item)} ${HELM}`);
      }
    });
  }
  return ok;
}

function checkEnum(values: HelmValues, key: string, allowed: readonly string[], report: Report, message: (v: string) => string): void {
  const v = helmValueAt(values, key);
  if (typeof v === 'string' && !allowed.includes(v)) report(['cilium', 'values', ...key.split('.')], 'cilium-config', message(v));
}

/** Checks cilium.values; returns false when a type is wrong (the pool checks then stay quiet). */
export function checkCiliumValues(lab: RawLab, controlPlane: string | undefined, report: Report): boolean {
  const values = lab.cilium.values;
  if (!checkTypes(values, report)) return false;
  checkEnum(values, 'routingMode', ['', 'native', 'tunnel'], report, (v) => `invalid routing mode "${v}", valid modes = {"tunnel", "native"} (cilium-agent refuses to start)`);
  checkEnum(values, 'tunnelProtocol', ['', 'vxlan', 'geneve'], report, (v) => `invalid tunnel protocol "${v}" (valid: vxlan, geneve; cilium-agent refuses to start)`);
  checkEnum(values, 'ipam.mode', ['cluster-pool', 'kubernetes'], report, (v) => `ipam.mode "${v}" is not supported by ciliumlab (supported: cluster-pool, kubernetes)`);
  const s = ciliumChartSettings(values);
  if (s.routingMode === 'tunnel' && s.autoDirectNodeRoutes) {
    const how = helmValueAt(values, 'routingMode') === undefined ? 'routingMode defaults to tunnel' : 'routingMode is tunnel';
    report(['cilium', 'values', 'autoDirectNodeRoutes'], 'cilium-config', `${how}, and cilium-agent exits with: auto-direct-node-routes cannot be used with tunneling. Packets must be routed through the tunnel device.`);
  }
  if (s.routingMode === 'tunnel' && s.installNoConntrackIptablesRules) {
    const how = helmValueAt(values, 'routingMode') === undefined ? 'routingMode defaults to tunnel' : 'routingMode is tunnel';
    report(['cilium', 'values', 'installNoConntrackIptablesRules'], 'cilium-config', `${how}, and cilium-agent exits with: install-no-conntrack-iptables-rules requires the agent to run in direct routing mode.`);
  }
  const nativeCidr = helmValueAt(values, 'ipv4NativeRoutingCIDR');
  if (typeof nativeCidr === 'string' && nativeCidr !== '' && parseCidr(nativeCidr) === undefined) {
    report(['cilium', 'values', 'ipv4NativeRoutingCIDR'], 'cilium-config', `"${nativeCidr}" is not an IPv4 prefix`);
  }
  if (s.routingMode === 'native' && s.ipv4NativeRoutingCIDR === undefined && s.enableIPv4Masquerade && !s.ipMasqAgentEnabled) {
    report(
      ['cilium', 'values', 'routingMode'],
      'cilium-config',
      'native routing with masquerading needs ipv4NativeRoutingCIDR; cilium-agent exits with: native routing cidr must be configured with option --ipv4-native-routing-cidr in combination with --enable-ipv4-masquerade',
    );
  }
  checkServiceHost(lab, controlPlane, report);
  return true;
}

/** k8sServiceHost/Port must reach kube-apiserver (the control plane, port 6443) or no agent starts. */
function checkServiceHost(lab: RawLab, controlPlane: string | undefined, report: Report): void {
  const s = ciliumChartSettings(lab.cilium.values);
  const cp = lab.hosts.find((h) => h.name === controlPlane);
  const ip = s.k8sServiceHost === undefined ? undefined : parseCidr(s.k8sServiceHost, { allowBare: true });
  if (cp && ip && ip.prefixLen === 32) {
    const addrs = hostAddresses(cp).filter((a) => !a.nat);
    if (!addrs.some((a) => a.addr === ip.addr)) {
      report(['cilium', 'values', 'k8sServiceHost'], 'cilium-config', `${s.k8sServiceHost} is not an address of the control plane ${cp.name}, where kube-apiserver listens; cilium-agent could not reach it`);
    }
  }
  if (s.k8sServicePort !== undefined && s.k8sServicePort !== 6443) {
    report(['cilium', 'values', 'k8sServicePort'], 'cilium-config', `kube-apiserver listens on 6443 (kubeadm's bindPort), not ${s.k8sServicePort}`);
  }
}
