// Layer tools (kubectl): what the kubelet returns for `kubectl logs` — a container's output lines with their
// times, computed from lab state: the Cilium agent's slog records in its 1.18 default "text-ts" format
// (time=RFC3339Nano level=info msg=... key=value), traefik/whoami's startup line (log.Printf), and
// nothing for images whose process prints nothing (netshoot running `tail -f /dev/null`).

import type { ContainerStatus, Pod } from '../../../k8s/index.js';
import { goQuote } from '../../../k8s/index.js';
import type { Lab } from '../../../lab/index.js';

export interface LogLine {
  /** Wall-clock time in microseconds since the epoch. */
  readonly timeUs: number;
  readonly text: string;
}

/** The run of a container the lines belong to: [from, to) in wall-clock µs. */
export interface ContainerRun {
  readonly fromUs: number;
  readonly toUs: number;
}

/** RFC 3339 with nanoseconds, trailing zeros trimmed (time.RFC3339Nano), UTC. */
export function rfc3339Nano(timeUs: number): string {
  const ms = Math.floor(timeUs / 1000);
  const base = new Date(ms).toISOString().slice(0, 19);
  const frac = String(Math.floor(timeUs) % 1_000_000).padStart(6, '0').replace(/0+$/, '');
  return `${base}${frac ? `.${frac}` : ''}Z`;
}

/** slog's TextHandler value quoting: empty, spaces, '=', '"' or control characters need quotes. */
function slogValue(s: string): string {
  return s === '' || /[\s="\x00-\x1f\x7f]/.test(s) ? goQuote(s) : s;
}

/** The current run (or with `previous`, the last terminated one) of a container; undefined if none. */
export function containerRun(status: ContainerStatus | undefined, previous: boolean, nowUs: number): ContainerRun | undefined {
  if (!status) return undefined;
  const us = (t: string | undefined): number => (t ? Date.parse(t) * 1000 : 0);
  if (previous) {
    const t = status.lastState.terminated;
    return t ? { fromUs: us(t.startedAt), toUs: us(t.finishedAt) + 1_000_000 } : undefined;
  }
  const started = status.state.running?.startedAt ?? status.state.terminated?.startedAt;
  // kubelet validateContainerLogStatus: a container waiting to restart (CrashLoopBackOff) shows its last run.
  if (!started) return status.lastState.terminated ? containerRun(status, true, nowUs) : undefined;
  const end = status.state.terminated?.finishedAt;
  return { fromUs: us(started), toUs: end ? us(end) + 1_000_000 : nowUs + 1 };
}

/** The lines a container wrote during `run`. */
export function containerLogLines(lab: Lab, pod: Pod, container: string, run: ContainerRun): LogLine[] {
  const spec = pod.spec.containers.find((c) => c.name === container);
  const agent = container === 'cilium-agent' ? lab.agents.get(pod.spec.nodeName ?? '') : undefined;
  if (agent) {
    const epochUs = lab.spec.clock.startUnixMs * 1000;
    return agent.log.records
      .map((r) => ({ timeUs: epochUs + r.timeUs, r }))
      .filter((x) => x.timeUs >= run.fromUs && x.timeUs < run.toUs)
      .map(({ timeUs, r }) => ({ timeUs, text: [`time=${rfc3339Nano(timeUs)}`, `level=${r.level}`, `msg=${slogValue(r.msg)}`, ...r.attrs.map(([k, v]) => `${slogValue(k)}=${slogValue(v)}`)].join(' ') }));
  }
  if (spec?.image?.startsWith('traefik/whoami')) {
    const args = spec.args ?? [];
    const flag = args.findIndex((a) => a === '--port' || a === '-port');
    const env = (spec.env ?? []).find((e) => e.name === 'WHOAMI_PORT_NUMBER')?.value;
    const port = flag >= 0 ? (args[flag + 1] ?? '80') : (env || '80');
    return [{ timeUs: run.fromUs, text: `${goLogTime(run.fromUs)} Starting up on port ${port}` }];
  }
  return [];
}

/** Go's log package prefix (LstdFlags): "2006/01/02 15:04:05" in the container's zone, UTC. */
function goLogTime(timeUs: number): string {
  const iso = new Date(Math.floor(timeUs / 1000)).toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 19)}`;
}
