// Layer tools (cilium): `cilium config view` of the cilium-cli on k8s-ctr (cilium-cli/config/config.go
// View: the cilium-config ConfigMap, keys in byte order, tabwriter padding 4).

import type { Process } from '../process.js';
import { tabwrite } from './tabwriter.js';

export function configView(p: Process): number {
  const cm = p.lab.k8s.api.tryGet('ConfigMap', 'kube-system', 'cilium-config') as { data?: Record<string, string> } | undefined;
  if (!cm) {
    p.err('Error: unable to retrieve ConfigMap "cilium-config": configmaps "cilium-config" not found\n');
    return 1;
  }
  const data = cm.data ?? {};
  const keys = Object.keys(data).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  p.out(tabwrite(keys.map((k) => `${k}\t${data[k] ?? ''}\n`).join(''), 0, 4));
  return 0;
}
