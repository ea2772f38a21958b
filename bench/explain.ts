// Benchmark: explaining one ping (the target: under 5 ms): the seed's failing native-mode ping from
// curl-pod to k8s-w0's pod, and the answered VXLAN ping, each re-run and explained hop by hop; the figure
// is the median wall time of one explanation in milliseconds.

import { formatIpv4, parseIpv4 } from '../src/addr/index.js';
import { buildLab, type LabSpec } from '../src/lab/index.js';
import { explainPing } from '../src/observe/index.js';
import { CURL_POD_YAML, WEBPOD_YAML } from '../test/support/seed-manifests.js';

export interface ExplainResult {
  readonly nativeDroppedMs: number;
  readonly tunnelAnsweredMs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function timeExplains(spec: LabSpec, runs: number): number {
  const lab = buildLab(spec);
  lab.apply(WEBPOD_YAML);
  lab.apply(CURL_POD_YAML);
  lab.runFor(30_000_000);
  const pod = lab.k8s.api.list('Pod', { namespace: 'default', labelSelector: 'app=webpod' }).find((p) => p.spec.nodeName === 'k8s-w0');
  const dst = parseIpv4(pod?.status?.podIP ?? '');
  if (dst === undefined) throw new Error('no webpod on k8s-w0');
  const to = formatIpv4(dst);
  explainPing(lab, { from: 'curl-pod', to }); // warm-up: ARP, JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    explainPing(lab, { from: 'curl-pod', to });
    times.push(performance.now() - t);
  }
  return median(times);
}

export function benchExplain(spec: LabSpec, runs = 31): ExplainResult {
  const tunnel = { ...spec, cilium: { ...spec.cilium, values: { ...spec.cilium.values, routingMode: 'tunnel', tunnelProtocol: 'vxlan', autoDirectNodeRoutes: false, installNoConntrackIptablesRules: false } } };
  return { nativeDroppedMs: timeExplains(spec, runs), tunnelAnsweredMs: timeExplains(tunnel, runs) };
}
