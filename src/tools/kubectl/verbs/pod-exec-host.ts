// Layer tools (kubectl): an ExecHost for a pod's container when the shell offers none (Process.findHost):
// the container runs in the pod's network namespace on its node (the node's own for hostNetwork pods),
// with an empty file table of its own.

import type { Pod } from '../../../k8s/index.js';
import type { Lab } from '../../../lab/index.js';
import type { ExecHost } from '../../process.js';

export function podExecHost(lab: Lab, pod: Pod, container: string): ExecHost {
  const ns = pod.metadata.namespace ?? 'default';
  const name = pod.metadata.name ?? '';
  const machine = lab.machines.get(pod.spec.nodeName ?? '');
  const image = pod.spec.containers.find((c) => c.name === container)?.image ?? '';
  const files = new Map<string, string>();
  let pid = 1;
  return {
    kind: 'pod',
    name: `${ns}/${name}`,
    hostname: pod.spec.hostNetwork ? (pod.spec.nodeName ?? name) : (pod.spec.hostname ?? name),
    machine,
    netns: machine ? lab.netns(`${ns}/${name}`) : undefined,
    pod: { namespace: ns, name, container, image },
    user: 'root',
    nextPid: () => (pid += 1),
    readFile: (p) => files.get(p),
    writeFile: (p, c) => void files.set(p, c),
  };
}
