// web (what-if): probing reachability the way a person would, with real packets through the lab on its
// virtual clock: a ping from each pod to each other pod, and a TCP connect (curl) from each pod to each
// Service's ClusterIP. Probes start one virtual microsecond apart (so each ping gets its own ICMP id) and
// run side by side; each ends with the hop-by-hop explanation, which says why a red cell is red.

import { startCurl, startPing, type Explanation, type Lab, type VirtualTimeDriver } from '../../../src/index.browser.js';

export interface ProbeTarget {
  readonly id: string;
  readonly label: string;
  readonly kind: 'pod' | 'service';
  readonly address: string;
  readonly port: number | undefined;
  /** The pod's node, or the Service's ClusterIP. */
  readonly where: string;
}

export interface ProbePlan {
  /** Source pods as "namespace/name". */
  readonly sources: readonly string[];
  readonly targets: readonly ProbeTarget[];
}

const MAX_PODS = 8;

/** The user's pods (running, with an IP, not on the host network) and the ClusterIP Services in their namespaces. */
export function probePlan(lab: Lab, isUserNamespace: (ns: string) => boolean): ProbePlan {
  const pods = lab.k8s.api
    .list('Pod', {})
    .filter((p) => isUserNamespace(p.metadata.namespace ?? 'default') && p.status?.phase === 'Running' && p.status.podIP && p.spec.hostNetwork !== true)
    .slice(0, MAX_PODS);
  const key = (ns: string | undefined, name: string | undefined) => `${ns ?? 'default'}/${name ?? ''}`;
  const namespaces = new Set(pods.map((p) => p.metadata.namespace ?? 'default'));
  const services = lab.k8s.api
    .list('Service', {})
    .filter((s) => namespaces.has(s.metadata.namespace ?? 'default') && s.spec?.clusterIP && s.spec.clusterIP !== 'None' && s.metadata.name !== 'kubernetes');
  return {
    sources: pods.map((p) => key(p.metadata.namespace, p.metadata.name)),
    targets: [
      ...pods.map((p) => ({ id: key(p.metadata.namespace, p.metadata.name), label: p.metadata.name ?? '', kind: 'pod' as const, address: p.status?.podIP ?? '', port: undefined, where: p.spec.nodeName ?? '' })),
      ...services.map((s) => ({ id: `svc/${key(s.metadata.namespace, s.metadata.name)}`, label: `svc/${s.metadata.name ?? ''}`, kind: 'service' as const, address: s.spec?.clusterIP ?? '', port: s.spec?.ports?.[0]?.port ?? 80, where: s.spec?.clusterIP ?? '' })),
    ],
  };
}

/** One probe, on the lab's clock; resolves with its explanation. */
export async function probe(lab: Lab, driver: VirtualTimeDriver, from: string, to: ProbeTarget): Promise<Explanation> {
  const run = to.kind === 'pod' ? startPing(lab, { from, to: to.address }) : startCurl(lab, { from, url: `http://${to.address}:${to.port ?? 80}/`, connectTimeoutMs: 1000 });
  await driver.until(run.isDone, run.limitUs);
  return run.finish();
}

/** Green when the request was delivered and its answer came back. */
export function isReachable(e: Explanation): boolean {
  const [req, ...rest] = e.packets;
  return req?.fate.kind === 'delivered' && rest.some((p) => p.role === 'reply' && p.fate.kind === 'delivered');
}
