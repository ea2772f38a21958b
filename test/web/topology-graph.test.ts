// The topology as the page draws it, from the default lab: networks as boxes holding the VMs on them,
// the router between them, interfaces with addresses and MTUs, cilium_host with the PodCIDR, pods with
// their IPs; after the seed's switch to VXLAN, a tunnel between every pair of nodes. And the commands the
// what-if panel types for the same switch and for routes on the router.

import { expect, test } from 'vitest';
import { buildLab, loadDefaultLab, topologyOf, type Lab } from '../../src/index.browser.js';
import { graphOf } from '../../web/src/topology/graph-model.js';
import { currentDatapath, datapathCommands, podCidrRoutes, routerOf } from '../../web/src/whatif/what-if-commands.js';
import { week4 } from '../support/week4.js';

const userPods = (lab: Lab) => graphOf(topologyOf(lab), (p) => p.namespace === 'default');

test('native mode: networks hold their VMs, the router stands between them, no tunnels', () => {
  const lab = week4(1);
  const g = userPods(lab);
  const parent = (id: string) => g.nodes.find((n) => n.id === id)?.parent;
  expect([parent('host:k8s-ctr'), parent('host:k8s-w1'), parent('host:k8s-w0'), parent('host:router')]).toEqual(['net:hostonly-10', 'net:hostonly-10', 'net:hostonly-20', undefined]);
  expect(g.nodes.find((n) => n.id === 'if:k8s-ctr/eth1')?.label).toBe('eth1 192.168.10.100/24\nmtu 1500');
  expect(g.nodes.find((n) => n.id === 'if:k8s-w0/cilium_host')?.label).toMatch(/^cilium_host 172\.20\.1\.\d+\/32\nmtu 1500\nPodCIDR 172\.20\.1\.0\/24$/);
  expect(g.nodes.find((n) => n.id === 'pod:default/curl-pod')?.label).toMatch(/^curl-pod\n172\.20\.0\.\d+$/);
  expect(g.nodes.find((n) => n.id === 'pods:k8s-ctr')?.label).toMatch(/^\+\d+ system pods$/);
  const links = g.edges.filter((e) => e.kind === 'link').map((e) => `${e.source} ${e.target}`);
  expect(links).toEqual(expect.arrayContaining(['if:k8s-ctr/eth1 sw:hostonly-10', 'sw:hostonly-10 if:router/eth1', 'if:router/eth2 sw:hostonly-20', 'sw:hostonly-20 if:k8s-w0/eth1']));
  expect(g.edges.filter((e) => e.kind === 'tunnel')).toEqual([]);
});

test('after helm upgrade to VXLAN and the rollout: cilium_vxlan on every node and a tunnel between each pair', () => {
  const lab = week4(1);
  const [helm] = datapathCommands(lab, { mode: 'vxlan', autoDirectNodeRoutes: false, mtu: 0 });
  expect(helm).toBe('helm upgrade cilium cilium/cilium --namespace kube-system --version 1.18.0 --reuse-values --set routingMode=tunnel --set tunnelProtocol=vxlan --set autoDirectNodeRoutes=false --set installNoConntrackIptablesRules=false');
  lab.setCiliumValues({ ...lab.ciliumValues, routingMode: 'tunnel', tunnelProtocol: 'vxlan', autoDirectNodeRoutes: false, installNoConntrackIptablesRules: false });
  lab.rolloutRestart('kube-system', 'DaemonSet', 'cilium');
  lab.runFor(60_000_000);
  expect(currentDatapath(lab)).toEqual({ mode: 'vxlan', autoDirectNodeRoutes: false, mtu: 0 });
  const g = userPods(lab);
  expect(g.nodes.filter((n) => n.id.endsWith('/cilium_vxlan')).map((n) => n.id)).toEqual(['if:k8s-ctr/cilium_vxlan', 'if:k8s-w1/cilium_vxlan', 'if:k8s-w0/cilium_vxlan']);
  expect(g.edges.filter((e) => e.kind === 'tunnel').map((e) => e.id)).toEqual(['tunnel:k8s-ctr~k8s-w1', 'tunnel:k8s-ctr~k8s-w0', 'tunnel:k8s-w1~k8s-w0']);
});

test('routes for every PodCIDR on the router go via each node on a network the router shares', () => {
  const lab = buildLab(loadDefaultLab(), { seed: 1 });
  const router = routerOf(lab);
  expect(router).toBe('router');
  expect(podCidrRoutes(lab, router ?? '')).toEqual(['ip route add 172.20.0.0/24 via 192.168.10.100', 'ip route add 172.20.2.0/24 via 192.168.10.101', 'ip route add 172.20.1.0/24 via 192.168.20.100']);
  expect(datapathCommands(lab, { mode: 'native', autoDirectNodeRoutes: true, mtu: 1400 })[0]).toMatch(/--set routingMode=native --set autoDirectNodeRoutes=true --set MTU=1400$/);
});
