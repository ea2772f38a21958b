// Layer lab: the programs of hostNetwork pods (the control plane's static pods, kube-proxy, the Cilium
// agent, Envoy and operator) as processes of their node: a container the kubelet reports running starts
// its program with a new PID and its sockets in the node's root namespace; when the container stops or the
// pod goes, the program exits and its sockets close. The agent's DNS proxy keeps its port across restarts.

import type { ApiServer, Container, Pod } from '../../k8s/index.js';
import type { Machine } from '../../net/machine.js';
import { imageName } from '../apps-launcher.js';
import type { LabSpec } from '../lab-file/index.js';
import { CILIUM_CONFIG } from './cilium.js';
import { HostDaemon } from './host-daemon.js';
import { hostNetworkProgram, type ProgramInputs, type ProgramSockets } from './host-network-programs.js';

/** The programs of containers no longer running (all of them once the pod is gone) exit. */
function stopGone(pod: Pod, mine: Map<string, HostDaemon>, isDeleted: boolean): void {
  const live = new Set(isDeleted ? [] : (pod.status?.containerStatuses ?? []).filter((cs) => cs.state.running).map((cs) => cs.containerID));
  for (const [id, d] of mine) {
    if (live.has(id)) continue;
    d.stop();
    mine.delete(id);
  }
}

export function watchHostNetworkPods(spec: LabSpec, machines: ReadonlyMap<string, Machine>, api: ApiServer): void {
  /** Running programs by pod uid, then container ID (a restarted container is a new one). */
  const running = new Map<string, Map<string, HostDaemon>>();
  const dnsProxyPorts = new Map<Machine, number>();
  /** Programs worked out already, by the command array a DaemonSet's pods share, then by what they read. */
  const programs = new WeakMap<object, Map<string, ProgramSockets | undefined>>();
  const configMap = (name: string) => api.tryGet('ConfigMap', 'kube-system', name) as { metadata: { resourceVersion?: string }; data?: Record<string, string> } | undefined;
  const programOf = (m: Machine, pod: Pod, c: Container): ProgramSockets | undefined => {
    const inputs: ProgramInputs = {
      ciliumConfig: () => configMap(CILIUM_CONFIG)?.data ?? {},
      kubeProxyConfig: () => configMap('kube-proxy')?.data?.['config.conf'],
      cpus: spec.hosts.find((h) => h.name === pod.spec.nodeName)?.cpus ?? 2,
      dnsProxyPort: dnsProxyPorts.get(m),
    };
    const versions = `${configMap(CILIUM_CONFIG)?.metadata.resourceVersion} ${configMap('kube-proxy')?.metadata.resourceVersion}`;
    const key = `${c.image} ${c.name} ${(c.args ?? []).join(' ')} ${inputs.cpus} ${inputs.dnsProxyPort} ${versions}`;
    const known = programs.get(c.command ?? c) ?? new Map<string, ProgramSockets | undefined>();
    programs.set(c.command ?? c, known);
    if (!known.has(key)) known.set(key, hostNetworkProgram(imageName(c.image ?? ''), c, inputs));
    return known.get(key);
  };
  const start = (m: Machine, pod: Pod, name: string): HostDaemon | undefined => {
    const c = pod.spec.containers.find((x) => x.name === name);
    const program = c ? programOf(m, pod, c) : undefined;
    if (!program) return undefined;
    const d = HostDaemon.spawn(m, program.name, spec.clock.startUnixMs);
    for (const l of program.tcp) {
      const sk = d.listen(l);
      if (sk && l.udpTwinFd !== undefined) dnsProxyPorts.set(m, sk.localPort);
    }
    return d;
  };
  const sync = (pod: Pod, isDeleted: boolean): void => {
    const m = pod.spec.hostNetwork === true ? machines.get(pod.spec.nodeName ?? '') : undefined;
    if (!m) return;
    const uid = pod.metadata.uid ?? '';
    let mine = running.get(uid);
    let live = 0;
    for (const cs of isDeleted ? [] : (pod.status?.containerStatuses ?? [])) {
      if (!cs.state.running || cs.containerID === undefined) continue;
      live++;
      if (mine?.has(cs.containerID)) continue;
      const d = start(m, pod, cs.name);
      if (!d) continue;
      mine ??= new Map();
      mine.set(cs.containerID, d);
      running.set(uid, mine);
    }
    if (mine && mine.size > live) stopGone(pod, mine, isDeleted);
  };
  for (const pod of api.list('Pod') as Pod[]) sync(pod, false);
  api.on('Pod', (e) => sync(e.object as Pod, e.type === 'DELETED'));
}
