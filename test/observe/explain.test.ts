// The explanations the issue asks for, computed on the week-4 lab: the seed's failing native ping (the
// router, the route it used instead of one for 172.20.1.0/24, three fixes), the working VXLAN ping (both
// tunnel endpoints and both VNIs), DF beyond the tunnel's MTU (EMSGSIZE, 1422 bytes), the TTL loop while
// k8s-ctr's agent restarts into tunnel mode, and BPF's silent TTL drop.

import { describe, expect, test } from 'vitest';
import { formatIpv4 } from '../../src/addr/index.js';
import { explainCurl, explainPing } from '../../src/observe/index.js';
import { podIp, switchToVxlan, webpodOn, week4 } from '../support/week4.js';

describe('explain, native routing', () => {
  const lab = week4();

  test("the seed's failing ping: dropped beyond the router, which has no route for k8s-w0's PodCIDR", () => {
    const dst = formatIpv4(webpodOn(lab, 'k8s-w0'));
    const x = explainPing(lab, { from: 'curl-pod', to: dst });
    expect(x.verdict).toBe('dropped on router (eth0): NAT_UPLINK_NO_INTERNET in VirtualBox NAT');
    expect(x.causes[0]).toBe(`router has no route for 172.20.1.0/24 (the PodCIDR of k8s-w0, where ${dst} lives): it forwarded the packet by its route default via 10.0.2.2 dev eth0 proto dhcp src 10.0.2.15 metric 100`);
    expect(x.causes).toContain('k8s-ctr sent it to router in native routing mode by its route 172.20.0.0/16 via 192.168.10.200 dev eth1 proto static; autoDirectNodeRoutes adds direct routes only for nodes reachable without a gateway, and k8s-w0 (192.168.20.100) is behind 192.168.10.200');
    expect(x.fixes.map((f) => f.title)).toEqual(['Add a route for each PodCIDR on router', 'Switch Cilium to tunnel (VXLAN) mode', 'Announce the PodCIDRs to router with BGP']);
    expect(x.fixes[0]?.commands).toContain('ip route add 172.20.1.0/24 via 192.168.20.100');
    expect(x.fixes[1]?.commands).toEqual([
      'helm upgrade cilium cilium/cilium --namespace kube-system --version 1.18.0 --reuse-values --set routingMode=tunnel --set tunnelProtocol=vxlan --set autoDirectNodeRoutes=false --set installNoConntrackIptablesRules=false',
      'kubectl rollout restart -n kube-system ds/cilium',
    ]);
    expect(x.fixes[2]?.commands[0]).toContain('--set bgpControlPlane.enabled=true');
    const hosts = x.packets[0]?.steps.map((s) => `${s.host} ${s.dev ?? ''} ${s.dir ?? ''} ${s.decision}`);
    expect(hosts).toContain('router eth1 in receive');
    expect(hosts).toContain('router eth0 out transmit');
  });

  test('a ping with TTL 1 dies silently in bpf_lxc (no ICMP: BPF sends none)', () => {
    const x = explainPing(lab, { from: 'curl-pod', to: formatIpv4(webpodOn(lab, 'k8s-w1')), ttl: 1 });
    expect(x.verdict).toMatch(/^dropped on k8s-ctr \(lxc[0-9a-f]{12}\): TTL exceeded in cil_from_container$/);
    expect(x.packets).toHaveLength(1);
    expect(x.causes[0]).toBe('the TTL ran out on k8s-ctr in cil_from_container: BPF drops it without an ICMP error');
  });
});

describe('explain, VXLAN', () => {
  const lab = week4();
  switchToVxlan(lab);

  test('the working ping names both tunnel endpoints and both VNIs (the source identities)', () => {
    const dst = webpodOn(lab, 'k8s-w0');
    const x = explainPing(lab, { from: 'curl-pod', to: formatIpv4(dst) });
    const curlId = lab.cilium.endpoints.get(podIp(lab, 'curl-pod'))?.identity;
    const webId = lab.cilium.endpoints.get(dst)?.identity;
    expect(x.verdict).toMatch(/^delivered to default\/webpod-\S+ on k8s-w0 with ttl 63; the reply came back to default\/curl-pod on k8s-ctr with ttl 63$/);
    expect(x.causes).toEqual([
      `request: VXLAN from tunnel endpoint 192.168.10.100 (k8s-ctr) to tunnel endpoint 192.168.20.100, VNI ${curlId} = source identity ${curlId} (app=curl)`,
      `reply: VXLAN from tunnel endpoint 192.168.20.100 (k8s-w0) to tunnel endpoint 192.168.10.100, VNI ${webId} = source identity ${webId} (app=webpod)`,
    ]);
    const outer = x.packets[0]?.steps.find((s) => s.host === 'router' && s.dir === 'in')?.headers?.map((h) => h.proto);
    expect(outer).toEqual(['ethernet', 'ipv4', 'udp', 'vxlan', 'ethernet', 'ipv4', 'icmp']);
  });

  test('DF beyond the tunnel MTU: EMSGSIZE before any packet, at most 1422 bytes of payload', () => {
    const x = explainPing(lab, { from: 'curl-pod', to: formatIpv4(webpodOn(lab, 'k8s-w0')), size: 1423, pmtudisc: 'do' });
    expect(x.verdict).toBe('not sent: EMSGSIZE (1451 bytes with DF exceed mtu 1450)');
    expect(x.causes[0]).toContain('the route default via 172.20.0.');
    expect(x.fixes.map((f) => f.title)).toEqual(['Send at most 1422 bytes of payload, or lower the MTU']);
    expect(x.fixes[0]?.commands[0]).toMatch(/^ping -M do -s 1422 /);
  });

  test('curl webpod: the socket LB step first, then the SYN and its SYN-ACK', () => {
    const x = explainCurl(lab, { from: 'curl-pod', url: 'webpod' });
    const [req, reply] = x.packets;
    expect(req?.steps[0]?.decision).toBe('cil_sock4_connect: post-xlate-fwd');
    expect(req?.steps[0]?.entries[0]).toMatch(/^service default\/webpod 10\.96\.\d+\.\d+:80 -> 172\.20\.\d+\.\d+:80 \(3 active backends\)$/);
    expect(req?.fate.kind).toBe('delivered');
    expect(reply?.summary).toMatch(/TCP 80 > \d+ \[SYN, ACK\]/);
  });
});

test('explain, the TTL loop while k8s-ctr restarts into tunnel mode', () => {
  const lab = week4();
  lab.setCiliumValues({ ...lab.ciliumValues, routingMode: 'tunnel', tunnelProtocol: 'vxlan', autoDirectNodeRoutes: false, installNoConntrackIptablesRules: false });
  lab.rolloutRestart('kube-system', 'DaemonSet', 'cilium');
  const ctr = lab.agents.get('k8s-ctr');
  lab.runUntil(() => ctr?.dp?.config.routingMode === 'tunnel' && ctr.phase === 'running' && !ctr.synced, 300_000_000);
  const x = explainPing(lab, { from: 'curl-pod', to: formatIpv4(webpodOn(lab, 'k8s-w1')) });
  expect(x.verdict).toBe('dropped on k8s-ctr (cilium_net): IP_INHDR in ip_forward, which answered with an ICMP error');
  expect(x.causes[1]).toMatch(/^it looped \d+ times on k8s-ctr through cilium_host, cilium_net: the route 172\.20\.2\.0\/24 via 172\.20\.0\.\d+ dev cilium_host proto kernel src 172\.20\.0\.\d+ mtu 1450 sends it back and the datapath returns it to the stack \(agent restarting: ipcache not yet synced/);
  expect(x.packets.map((p) => p.role)).toEqual(['request', 'ICMP error']);
  expect(x.fixes.map((f) => f.title)).toEqual(['Wait for the Cilium agent on k8s-ctr to finish starting']);
});
