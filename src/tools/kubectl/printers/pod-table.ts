// Layer tools (kubectl): the pods table of the apiserver's printers (pkg/printers/internalversion/
// printers.go printPod): READY counts ready running containers (and started restartable init containers),
// STATUS is the phase refined by init and container states, Terminating, Unknown; RESTARTS adds
// "(5m ago)" from the latest termination; -o wide adds IP, NODE, NOMINATED NODE, READINESS GATES.

import type { ContainerStatus, Pod } from '../../../k8s/index.js';
import { age } from './format.js';
import type { Cell, Column } from './table.js';
import { humanDuration } from '../text/human-duration.js';

export const POD_COLUMNS: readonly Column[] = [
  { name: 'Name', format: 'name' },
  { name: 'Ready' },
  { name: 'Status' },
  { name: 'Restarts' },
  { name: 'Age' },
  { name: 'IP', priority: 1 },
  { name: 'Node', priority: 1 },
  { name: 'Nominated Node', priority: 1 },
  { name: 'Readiness Gates', priority: 1 },
];

interface Tally {
  restarts: number;
  lastRestartMs: number;
}

const isRestartableInit = (pod: Pod, name: string): boolean =>
  (pod.spec.initContainers ?? []).some((c) => c.name === name && c['restartPolicy'] === 'Always');

function countRestart(t: Tally, st: ContainerStatus): void {
  t.restarts += st.restartCount;
  const finished = st.lastState.terminated?.finishedAt;
  if (finished) t.lastRestartMs = Math.max(t.lastRestartMs, Date.parse(finished));
}

/** The init-container part of printPod: the "Init:..." reason when initialization is not done. */
function initReason(pod: Pod, all: Tally, restartable: Tally, ready: { n: number }): string | undefined {
  const statuses = pod.status?.initContainerStatuses ?? [];
  const total = (pod.spec.initContainers ?? []).length;
  for (const [i, c] of statuses.entries()) {
    countRestart(all, c);
    const restartableInit = isRestartableInit(pod, c.name);
    if (restartableInit) countRestart(restartable, c);
    const term = c.state.terminated;
    if (term && term.exitCode === 0) continue;
    if (restartableInit && c.started === true) {
      if (c.ready) ready.n++;
      continue;
    }
    if (term) return term.reason ? `Init:${term.reason}` : `Init:ExitCode:${term.exitCode}`;
    const waiting = c.state.waiting?.reason;
    if (waiting && waiting !== 'PodInitializing') return `Init:${waiting}`;
    return `Init:${i}/${total}`;
  }
  return undefined;
}

export function podRow(pod: Pod, wide: boolean, nowMs: number): Cell[] {
  const status = pod.status ?? {};
  let reason: string = status.reason || status.phase || '';
  if ((status.conditions ?? []).some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';
  const total = (pod.spec.containers ?? []).length + (pod.spec.initContainers ?? []).filter((c) => c['restartPolicy'] === 'Always').length;
  const ready = { n: 0 };
  const all: Tally = { restarts: 0, lastRestartMs: 0 };
  const restartable: Tally = { restarts: 0, lastRestartMs: 0 };
  const init = initReason(pod, all, restartable, ready);
  if (init !== undefined) reason = init;
  let tally = all;
  const initialized = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  if (init === undefined || initialized) {
    tally = restartable;
    let hasRunning = false;
    for (const c of [...(status.containerStatuses ?? [])].reverse()) {
      countRestart(tally, c);
      const term = c.state.terminated;
      if (c.state.waiting?.reason) reason = c.state.waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = `ExitCode:${term.exitCode}`;
      else if (c.ready && c.state.running) {
        hasRunning = true;
        ready.n++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
  }
  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';
  const restarts = tally.restarts !== 0 && tally.lastRestartMs > 0 ? `${tally.restarts} (${humanDuration((nowMs - tally.lastRestartMs) * 1000)} ago)` : String(tally.restarts);
  const cells: Cell[] = [pod.metadata.name ?? '', `${ready.n}/${total}`, reason, restarts, age(pod.metadata.creationTimestamp, nowMs)];
  if (wide) cells.push(...wideCells(pod));
  return cells;
}

function wideCells(pod: Pod): Cell[] {
  const gates = (pod.spec['readinessGates'] as { conditionType: string }[] | undefined) ?? [];
  let gateText = '<none>';
  if (gates.length > 0) {
    const trueCount = gates.filter((g) => (pod.status?.conditions ?? []).find((c) => c.type === g.conditionType)?.status === 'True').length;
    gateText = `${trueCount}/${gates.length}`;
  }
  return [pod.status?.podIPs?.[0]?.ip || '<none>', pod.spec.nodeName || '<none>', pod.status?.nominatedNodeName || '<none>', gateText];
}
