// Layer apps (test support): the seed's cluster as CoreDNS sees it (webpod 10.96.234.235 with three
// backends, kube-dns 10.96.0.10 backed by the coredns pod, a headless Service), a CoreDNS pod behind a
// router, and an upstream (10.0.2.3, as in the lab) that swallows every packet.

import type { Netns } from '../../net/netns.js';
import { ip, threeHop, type TestLab } from '../test-topology.js';
import { CoreDnsServer } from './coredns-server.js';
import { StaticServiceDirectory } from './service-directory.js';

export const SERIAL = 1755331200;

export function seedDirectory(corednsIp = '10.0.2.1'): StaticServiceDirectory {
  const tcp80 = [{ name: '', port: 80, protocol: 'TCP' as const }];
  return new StaticServiceDirectory(
    ['default', 'kube-system'],
    [
      { namespace: 'default', name: 'webpod', clusterIps: [ip('10.96.234.235')], ports: tcp80, endpoints: [{ ip: ip('172.20.0.74') }, { ip: ip('172.20.1.224') }, { ip: ip('172.20.2.63') }], endpointPorts: tcp80 },
      { namespace: 'default', name: 'kubernetes', clusterIps: [ip('10.96.0.1')], ports: [{ name: 'https', port: 443, protocol: 'TCP' }], endpoints: [{ ip: ip('192.168.10.100') }], endpointPorts: [{ name: 'https', port: 6443, protocol: 'TCP' }] },
      {
        namespace: 'kube-system',
        name: 'kube-dns',
        clusterIps: [ip('10.96.0.10')],
        ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }],
        endpoints: [{ ip: ip(corednsIp) }],
        endpointPorts: [{ name: 'dns', port: 53, protocol: 'UDP' }],
      },
      { namespace: 'default', name: 'web-headless', clusterIps: [], ports: tcp80, endpoints: [{ ip: ip('172.20.1.10'), hostname: 'web-0' }, { ip: ip('172.20.2.20') }], endpointPorts: [{ name: 'http', port: 80, protocol: 'TCP' }] },
    ],
    SERIAL,
  );
}

export const POD_RESOLV_CONF = 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.0.2.1\noptions ndots:5\n';

/** client (the pod) -- router -- coredns pod; the router sends 10.0.2.3 into the coredns pod, which drops it. */
export function dnsLab(): { lab: TestLab; client: Netns; coredns: Netns; server: CoreDnsServer } {
  const t = threeHop();
  t.router.routeAdd({ dst: { addr: ip('10.0.9.0'), prefixLen: 24 }, gateway: ip('10.0.2.1') });
  const server = new CoreDnsServer(t.server, { directory: seedDirectory(), upstreams: [ip('10.0.9.3')] });
  server.start();
  return { lab: t.lab, client: t.client, coredns: t.server, server };
}
