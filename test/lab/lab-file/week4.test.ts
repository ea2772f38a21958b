// The default lab holds every value of the real lab that a lab file should hold: reference/lab-spec.md
// (Vagrantfile, route-add1/2.sh, router.sh, kubeadm config, k8s-ctr.sh) and the seed's own outputs
// (CiliumNode pins, node ages). The Cilium values are checked against the verbatim helm command.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatCidr, formatIpv4 } from '../../../src/addr/index.js';
import { ciliumChartSettings } from '../../../src/lab/lab-file/cilium-values.js';
import { loadDefaultLab } from '../../../src/lab/lab-file/default-lab.js';
import { helmValuesFromCommand } from '../../../src/lab/lab-file/helm-set.test-helper.js';
import type { HostSpec } from '../../../src/lab/lab-file/lab-spec.js';
import { loadLabFileOrThrow } from '../../../src/lab/lab-file/load-lab-file.js';

/** k8s-ctr.sh TASK 7, verbatim (lab-spec.md section 5), with $2 = 1.18.0. */
const HELM_INSTALL = String.raw`helm install cilium cilium/cilium --version 1.18.0 --namespace kube-system \
--set k8sServiceHost=192.168.10.100 --set k8sServicePort=6443 \
--set ipam.mode="cluster-pool" --set ipam.operator.clusterPoolIPv4PodCIDRList={"172.20.0.0/16"} --set ipv4NativeRoutingCIDR=172.20.0.0/16 \
--set routingMode=native --set autoDirectNodeRoutes=true \
--set kubeProxyReplacement=true --set bpf.masquerade=true --set installNoConntrackIptablesRules=true \
--set endpointHealthChecking.enabled=false --set healthChecking=false \
--set hubble.enabled=true --set hubble.relay.enabled=true --set hubble.ui.enabled=true \
--set hubble.ui.service.type=NodePort --set hubble.ui.service.nodePort=30003 \
--set prometheus.enabled=true --set operator.prometheus.enabled=true --set hubble.metrics.enableOpenMetrics=true \
--set hubble.metrics.enabled="{dns,drop,tcp,flow,port-distribution,icmp,httpV2:exemplars=true;labelsContext=source_ip\,source_namespace\,source_workload\,destination_ip\,destination_namespace\,destination_workload\,traffic_direction}" \
--set operator.replicas=1 --set debug.enabled=true`;

const lab = loadDefaultLab();
const host = (name: string): HostSpec => {
  const h = lab.hosts.find((x) => x.name === name);
  if (h === undefined) throw new Error(`no host ${name}`);
  return h;
};
const addrs = (h: HostSpec) => h.interfaces.map((i) => `${i.name} ${i.type}${i.nat ? ' nat' : ''} ${i.address ? formatCidr(i.address) : '-'} ${i.network ?? '-'} mtu ${i.mtu} ${i.altname ?? '-'}`);
const routes = (h: HostSpec) => h.routes.map((r) => `${formatCidr(r.to)} via ${formatIpv4(r.via)} dev ${r.dev} proto ${r.proto}`);

describe('labs/week4.yaml (the default lab)', () => {
  it('is the file on disk and loads', () => {
    const text = readFileSync(new URL('../../../labs/week4.yaml', import.meta.url), 'utf8');
    expect(loadLabFileOrThrow(text, 'labs/week4.yaml')).toEqual(lab);
    expect([lab.name, lab.seed, lab.clock.start, lab.clock.timezone]).toEqual(['cilium-study-week4', 1, '2025-08-03T20:37:00+09:00', 'Asia/Seoul']);
  });

  it('has the four VMs in Vagrantfile order with their sizes', () => {
    expect(lab.hosts.map((h) => [h.name, h.role, h.cpus, h.memoryMiB])).toEqual([
      ['k8s-ctr', 'node', 2, 2560],
      ['k8s-w1', 'node', 2, 1536],
      ['router', 'router', 1, 768],
      ['k8s-w0', 'node', 2, 1536],
    ]);
    for (const h of lab.hosts) {
      expect([h.os, h.kernel.release]).toEqual(['Ubuntu 24.04.2 LTS', '6.8.0-53-generic']);
      expect([h.kernel.config['CONFIG_VXLAN'], h.kernel.config['CONFIG_GENEVE'], h.kernel.config['CONFIG_FIB_RULES']]).toEqual(['m', 'm', 'y']);
      expect(h.sysctl).toEqual({ 'net.ipv4.ip_forward': '1' });
    }
    expect(lab.hosts.map((h) => h.kernel.modules.join(','))).toEqual(['br_netfilter,overlay', 'br_netfilter,overlay', 'dummy', 'br_netfilter,overlay']);
  });

  it('has the two host-only networks', () => {
    expect(lab.networks.map((n) => [n.name, formatCidr(n.cidr), n.latencyUs])).toEqual([
      ['hostonly-10', '192.168.10.0/24', 400],
      ['hostonly-20', '192.168.20.0/24', 400],
    ]);
  });

  it('has every address', () => {
    expect(addrs(host('k8s-ctr'))).toEqual(['eth0 ethernet nat 10.0.2.15/24 - mtu 1500 enp0s3', 'eth1 ethernet 192.168.10.100/24 hostonly-10 mtu 1500 enp0s8']);
    expect(addrs(host('k8s-w1'))).toEqual(['eth0 ethernet nat 10.0.2.15/24 - mtu 1500 enp0s3', 'eth1 ethernet 192.168.10.101/24 hostonly-10 mtu 1500 enp0s8']);
    expect(addrs(host('k8s-w0'))).toEqual(['eth0 ethernet nat 10.0.2.15/24 - mtu 1500 enp0s3', 'eth1 ethernet 192.168.20.100/24 hostonly-20 mtu 1500 enp0s8']);
    expect(addrs(host('router'))).toEqual([
      'eth0 ethernet nat 10.0.2.15/24 - mtu 1500 enp0s3',
      'eth1 ethernet 192.168.10.200/24 hostonly-10 mtu 1500 enp0s8',
      'eth2 ethernet 192.168.20.200/24 hostonly-20 mtu 1500 enp0s9',
      'loop1 dummy 10.10.1.200/24 - mtu 1500 -',
      'loop2 dummy 10.10.2.200/24 - mtu 1500 -',
    ]);
  });

  it('has the netplan static routes of route-add1.sh and route-add2.sh, and none on the router', () => {
    const add1 = ['192.168.20.0/24 via 192.168.10.200 dev eth1 proto static', '172.20.0.0/16 via 192.168.10.200 dev eth1 proto static', '10.10.0.0/16 via 192.168.10.200 dev eth1 proto static'];
    expect(routes(host('k8s-ctr'))).toEqual(add1);
    expect(routes(host('k8s-w1'))).toEqual(add1);
    expect(routes(host('k8s-w0'))).toEqual(['192.168.10.0/24 via 192.168.20.200 dev eth1 proto static', '172.20.0.0/16 via 192.168.20.200 dev eth1 proto static', '10.10.0.0/16 via 192.168.20.200 dev eth1 proto static']);
    expect(routes(host('router'))).toEqual([]);
  });

  it("has k8s-ctr's /etc/hosts lines and the router's Apache", () => {
    expect(host('k8s-ctr').etcHosts.map((e) => `${formatIpv4(e.address)} ${e.names.join(' ')}`)).toEqual(['192.168.10.100 k8s-ctr', '192.168.10.200 router', '192.168.20.100 k8s-w0', '192.168.10.101 k8s-w1']);
    expect(lab.hosts.filter((h) => h.etcHosts.length > 0).map((h) => h.name)).toEqual(['k8s-ctr']);
    expect(host('router').services).toEqual([{ name: 'apache2', port: 80, index: '<h1>Web Server : router</h1>\n' }]);
  });

  it('has the kubeadm cluster', () => {
    const k = lab.kubernetes;
    expect([k.version, k.containerRuntimeVersion, k.controlPlane, k.kubeconfigContext, k.removeControlPlaneTaint, k.proxy.disabled]).toEqual(['v1.33.2', 'containerd://1.7.27', 'k8s-ctr', 'HomeLab', true, false]);
    expect([formatCidr(k.networking.serviceSubnet), k.networking.podSubnet && formatCidr(k.networking.podSubnet), k.networking.dnsDomain]).toEqual(['10.96.0.0/16', '10.244.0.0/16', 'cluster.local']);
    expect(k.nodes.map((n) => [n.name, formatIpv4(n.nodeIP), n.joinedUs])).toEqual([
      ['k8s-ctr', '192.168.10.100', -59 * 60_000_000],
      ['k8s-w1', '192.168.10.101', -97_000_000],
      ['k8s-w0', '192.168.20.100', -41 * 60_000_000],
    ]);
    expect(k.addons).toEqual([
      { name: 'metrics-server' },
      { name: 'local-path-provisioner', version: 'v0.0.31', defaultStorageClass: true },
      { name: 'cilium-monitoring', prometheusNodePort: 30001, grafanaNodePort: 30002 },
    ]);
  });

  it('has exactly the helm values of k8s-ctr.sh, as Helm --set builds them', () => {
    const want = helmValuesFromCommand(HELM_INSTALL);
    expect(lab.cilium.values).toEqual(want);
    expect(JSON.stringify(Object.keys(lab.cilium.values))).toBe(JSON.stringify(Object.keys(want)));
    expect(want['ipam']).toEqual({ mode: 'cluster-pool', operator: { clusterPoolIPv4PodCIDRList: ['172.20.0.0/16'] } });
    const hubble = want['hubble'] as { metrics: { enabled: string[] } };
    expect(hubble.metrics.enabled).toEqual([
      'dns',
      'drop',
      'tcp',
      'flow',
      'port-distribution',
      'icmp',
      'httpV2:exemplars=true;labelsContext=source_ip,source_namespace,source_workload,destination_ip,destination_namespace,destination_workload,traffic_direction',
    ]);
    expect([want['k8sServicePort'], (want['operator'] as { replicas: number }).replicas]).toEqual([6443, 1]);
    expect([lab.cilium.version, lab.cilium.installedUs]).toEqual(['1.18.0', -59 * 60_000_000]);
  });

  it('resolves to native routing with autoDirectNodeRoutes on the 172.20.0.0/16 pool', () => {
    const s = ciliumChartSettings(lab.cilium.values);
    expect([s.routingMode, s.autoDirectNodeRoutes, s.ipamMode, s.clusterPoolIPv4PodCIDRList, s.clusterPoolIPv4MaskSize, s.ipv4NativeRoutingCIDR, s.kubeProxyReplacement]).toEqual([
      'native',
      true,
      'cluster-pool',
      ['172.20.0.0/16'],
      24,
      '172.20.0.0/16',
      true,
    ]);
  });

  it("pins the seed's CiliumNodes (k8s-w0 has 172.20.1.0/24, k8s-w1 172.20.2.0/24)", () => {
    expect(lab.cilium.pins.map((p) => [p.node, formatCidr(p.podCIDR), p.ciliumHostIP && formatIpv4(p.ciliumHostIP)])).toEqual([
      ['k8s-ctr', '172.20.0.0/24', '172.20.0.172'],
      ['k8s-w1', '172.20.2.0/24', '172.20.2.247'],
      ['k8s-w0', '172.20.1.0/24', '172.20.1.16'],
    ]);
    expect(lab.workloads).toEqual([]);
  });
});
