// Layer k8s: how the kubelet renders a pod's status from its runtime state
// (pkg/kubelet/kubelet_pods.go generateAPIPodStatus, status/generate.go): phase, the five
// conditions with their transition times (Initialized waits for every init container to complete),
// host and pod IPs, and one status per init container and per container.

import type { Condition } from '../objects/meta.js';
import type { Container, ContainerState, ContainerStatus, Pod, PodPhase, PodStatus } from '../objects/pod.js';
import { imageId, normalizeImage } from './image-ref.js';

export interface ContainerRt {
  readonly name: string;
  image: string;
  state: 'waiting' | 'running' | 'terminated';
  waitingReason: string;
  waitingMessage?: string;
  containerId?: string;
  startedAt?: string;
  ready: boolean;
  restartCount: number;
  lastState: ContainerState;
  exitCode?: number;
  finishedAt?: string;
  /** The status last rendered for this container and what it was rendered from (a flush renders every container, most unchanged). */
  rendered?: RenderedContainer;
}

interface RenderedContainer {
  readonly image: string;
  readonly state: ContainerRt['state'];
  readonly waitingReason: string;
  readonly waitingMessage: string | undefined;
  readonly containerId: string | undefined;
  readonly startedAt: string | undefined;
  readonly ready: boolean;
  readonly restartCount: number;
  readonly lastState: ContainerState;
  readonly exitCode: number | undefined;
  readonly finishedAt: string | undefined;
  readonly volumeMounts: Container['volumeMounts'];
  readonly status: ContainerStatus;
}

export interface PodRt {
  hostIP: string;
  podIP?: string;
  startTime: string;
  sandboxReady: boolean;
  /** Run one after another before `containers`; each must exit 0. */
  initContainers: ContainerRt[];
  containers: ContainerRt[];
  /** Condition type → [status, lastTransitionTime], so transitions keep their first time. */
  readonly conditionTimes: Map<string, [Condition['status'], string]>;
  /** Condition type → the condition last rendered, reused while it reads the same. */
  renderedConditions?: Map<string, Condition>;
}

/** An init container that ran to completion (exit 0). */
export function isCompleted(c: ContainerRt): boolean {
  return c.state === 'terminated' && (c.exitCode ?? 0) === 0;
}

/** Whether `c` (and its spec's mounts) still read as when `r` was rendered. */
function renderedFrom(r: RenderedContainer, c: ContainerRt, volumeMounts: Container['volumeMounts']): boolean {
  return r.image === c.image && r.state === c.state && r.waitingReason === c.waitingReason && r.waitingMessage === c.waitingMessage
    && r.containerId === c.containerId && r.startedAt === c.startedAt && r.ready === c.ready && r.restartCount === c.restartCount
    && r.lastState === c.lastState && r.exitCode === c.exitCode && r.finishedAt === c.finishedAt && r.volumeMounts === volumeMounts;
}

/** The container's status: the one rendered last time when nothing it reads changed. */
function containerStatus(specs: readonly Container[] | undefined, c: ContainerRt): ContainerStatus {
  let volumeMounts: Container['volumeMounts'];
  const list = specs ?? [];
  for (let i = 0; i < list.length; i++) if (list[i]?.name === c.name) volumeMounts = list[i]?.volumeMounts;
  const r = c.rendered;
  if (r !== undefined && renderedFrom(r, c, volumeMounts)) return r.status;
  const status = renderContainerStatus(c, volumeMounts);
  c.rendered = {
    image: c.image, state: c.state, waitingReason: c.waitingReason, waitingMessage: c.waitingMessage, containerId: c.containerId,
    startedAt: c.startedAt, ready: c.ready, restartCount: c.restartCount, lastState: c.lastState, exitCode: c.exitCode,
    finishedAt: c.finishedAt, volumeMounts, status,
  };
  return status;
}

function renderContainerStatus(c: ContainerRt, volumeMounts: Container['volumeMounts']): ContainerStatus {
  const mounts = (volumeMounts ?? []).map((m) => {
    const out: { name: string; mountPath: string; readOnly?: boolean; recursiveReadOnly?: string } = { mountPath: m.mountPath, name: m.name };
    if (m.readOnly) {
      out.readOnly = true;
      out.recursiveReadOnly = 'Disabled';
    }
    return out;
  });
  const st: ContainerStatus = {
    name: c.name,
    state: {},
    lastState: c.lastState,
    ready: c.ready,
    restartCount: c.restartCount,
    image: c.state === 'waiting' && c.containerId === undefined ? c.image : normalizeImage(c.image),
    imageID: c.containerId === undefined ? '' : imageId(c.image),
    started: c.state === 'running',
  };
  if (c.containerId !== undefined) st.containerID = c.containerId;
  if (c.state === 'running') st.state = { running: { startedAt: c.startedAt ?? '' } };
  else if (c.state === 'waiting') st.state = { waiting: c.waitingMessage === undefined ? { reason: c.waitingReason } : { message: c.waitingMessage, reason: c.waitingReason } };
  else {
    const t: NonNullable<ContainerState['terminated']> = { exitCode: c.exitCode ?? 0, reason: (c.exitCode ?? 0) === 0 ? 'Completed' : 'Error' };
    if (c.startedAt !== undefined) t.startedAt = c.startedAt;
    if (c.finishedAt !== undefined) t.finishedAt = c.finishedAt;
    if (c.containerId !== undefined) t.containerID = c.containerId;
    st.state = { terminated: t };
  }
  if (mounts.length > 0) st.volumeMounts = mounts;
  return st;
}

function phaseOf(rt: PodRt, pod: Pod): PodPhase {
  const cs = rt.containers;
  if (cs.length > 0 && cs.every((c) => c.state === 'terminated')) {
    if (cs.every((c) => (c.exitCode ?? 0) === 0)) return 'Succeeded';
    if (pod.spec.restartPolicy !== 'Always') return 'Failed';
  }
  return cs.some((c) => c.state === 'running' || c.restartCount > 0) ? 'Running' : 'Pending';
}

function cond(rt: PodRt, type: string, status: Condition['status'], now: string, reason?: string, message?: string): Condition {
  const prev = rt.conditionTimes.get(type);
  const time = prev && prev[0] === status ? prev[1] : now;
  if (time !== prev?.[1] || status !== prev[0]) rt.conditionTimes.set(type, [status, time]);
  const rendered = (rt.renderedConditions ??= new Map());
  const last = rendered.get(type);
  if (last !== undefined && last.status === status && last.lastTransitionTime === time && last.reason === reason && last.message === message) return last;
  const c: Condition = { type, status, lastProbeTime: null, lastTransitionTime: time };
  if (reason !== undefined) c.reason = reason;
  if (message !== undefined) c.message = message;
  rendered.set(type, c);
  return c;
}

/** The Initialized condition: true once every init container completed. */
function initialized(rt: PodRt, now: string): Condition {
  const pending = rt.initContainers.filter((c) => !isCompleted(c)).map((c) => c.name);
  if (pending.length === 0) return cond(rt, 'Initialized', 'True', now);
  return cond(rt, 'Initialized', 'False', now, 'ContainersNotInitialized', `containers with incomplete status: [${pending.join(' ')}]`);
}

/** The full status the kubelet would write now. */
export function renderPodStatus(pod: Pod, rt: PodRt, now: string): PodStatus {
  const unready = rt.containers.filter((c) => !c.ready).map((c) => c.name);
  const allReady = unready.length === 0;
  const phase = phaseOf(rt, pod);
  const notReadyMsg = `containers with unready status: [${unready.join(' ')}]`;
  const reason = phase === 'Succeeded' ? 'PodCompleted' : 'ContainersNotReady';
  const conditions: Condition[] = [
    cond(rt, 'PodReadyToStartContainers', rt.sandboxReady ? 'True' : 'False', now),
    initialized(rt, now),
    allReady ? cond(rt, 'Ready', 'True', now) : cond(rt, 'Ready', 'False', now, reason, phase === 'Succeeded' ? undefined : notReadyMsg),
    allReady ? cond(rt, 'ContainersReady', 'True', now) : cond(rt, 'ContainersReady', 'False', now, reason, phase === 'Succeeded' ? undefined : notReadyMsg),
    cond(rt, 'PodScheduled', 'True', now),
  ];
  const st: PodStatus = {
    phase,
    conditions,
    hostIP: rt.hostIP,
    hostIPs: [{ ip: rt.hostIP }],
    startTime: rt.startTime,
    containerStatuses: rt.containers.map((c) => containerStatus(pod.spec.containers, c)),
    qosClass: pod.status?.qosClass ?? 'BestEffort',
  };
  if (rt.initContainers.length > 0) st.initContainerStatuses = rt.initContainers.map((c) => containerStatus(pod.spec.initContainers, c));
  if (rt.podIP !== undefined) {
    st.podIP = rt.podIP;
    st.podIPs = [{ ip: rt.podIP }];
  }
  return st;
}
