// Benchmark: UDP datagrams from a pod on k8s-ctr to a pod on k8s-w0 in VXLAN mode (through the router), all
// sent and delivered in virtual time, per second of wall time. The headline figure is packet-hops as the
// issue counts them: each packet is forwarded by three hosts (k8s-ctr encapsulates it, the router routes
// it, k8s-w0 decapsulates and delivers it), so hops = packets received x FORWARDING_HOSTS. Device
// transmissions are reported apart: four per packet (the pod's eth0, cilium_vxlan and eth1 on k8s-ctr, the
// router's eth2; k8s-w0 hands the inner packet to the pod with bpf_redirect_peer, which transmits nothing).

import { parseIpv4 } from '../src/addr/index.js';
import { buildLab, type LabSpec } from '../src/lab/index.js';
import { UdpSocket } from '../src/net/udp-socket.js';
import { WEBPOD_YAML, CURL_POD_YAML } from '../test/support/seed-manifests.js';

/** The hosts that forward each packet: k8s-ctr, the router, k8s-w0. */
export const FORWARDING_HOSTS = 3;

export interface EngineResult {
  /** Packets received x FORWARDING_HOSTS, per second. */
  readonly hopsPerSec: number;
  readonly packetsPerSec: number;
  /** Device transmissions (txPackets of every device of the lab), per second. */
  readonly transmissionsPerSec: number;
  readonly transmissionsPerPacket: number;
}

export function benchPacketEngine(spec: LabSpec, packets: number): EngineResult {
  const tunnel = { ...spec, cilium: { ...spec.cilium, values: { ...spec.cilium.values, routingMode: 'tunnel', tunnelProtocol: 'vxlan', autoDirectNodeRoutes: false, installNoConntrackIptablesRules: false } } };
  const lab = buildLab(tunnel);
  lab.apply(WEBPOD_YAML);
  lab.apply(CURL_POD_YAML);
  lab.runFor(30_000_000);
  const target = lab.k8s.api.list('Pod', { namespace: 'default', labelSelector: 'app=webpod' }).find((p) => p.spec.nodeName === 'k8s-w0');
  const dst = parseIpv4(target?.status?.podIP ?? '');
  if (!target || dst === undefined) throw new Error('no webpod on k8s-w0');
  const rx = new UdpSocket(lab.netns(`default/${target.metadata.name ?? ''}`));
  rx.bind(0 as never, 9000);
  let received = 0;
  rx.onMessage = () => received++;
  const tx = new UdpSocket(lab.netns('curl-pod'));
  tx.connect({ addr: dst, port: 9000 });
  const payload = new Uint8Array(64);
  tx.sendto(payload); // resolve neighbours first
  lab.runFor(100_000);
  received = 0;
  const txCount = () => [...lab.machines.values()].flatMap((m) => [m.root, ...m.namespaces.values()]).reduce((n, ns) => n + [...ns.devices.values()].reduce((k, d) => k + d.stats.txPackets, 0), 0);
  const before = txCount();
  const t = performance.now();
  let sent = 0;
  const sendNext = (): void => {
    tx.sendto(payload);
    if (++sent < packets) lab.scheduler.after(20, sendNext);
  };
  sendNext();
  lab.runUntil(() => received >= packets, 60_000_000);
  const sec = (performance.now() - t) / 1000;
  const transmissions = txCount() - before;
  return {
    hopsPerSec: (received * FORWARDING_HOSTS) / sec,
    packetsPerSec: received / sec,
    transmissionsPerSec: transmissions / sec,
    transmissionsPerPacket: transmissions / Math.max(1, received),
  };
}
