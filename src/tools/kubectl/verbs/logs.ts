// Layer tools (kubectl): `kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]` (kubectl/pkg/cmd/logs):
// the container's lines from the kubelet (see server/container-logs.ts), --tail, --since, --timestamps,
// --prefix, --all-containers, -l; -f streams new lines until Ctrl-C or the container exits.

import type { Pod } from '../../../k8s/index.js';
import type { Command } from '../cli/command.js';
import { SELECTOR_FLAG } from '../cli/common-flags.js';
import type { Ctx } from '../cli/context.js';
import { K8sError } from '../../../k8s/index.js';
import { KubectlError, interrupted, usageError } from '../cli/errors.js';
import { containerLogLines, containerRun, rfc3339Nano, type LogLine } from '../server/container-logs.js';
import { objectForArg, podsForObject } from '../server/pod-for-object.js';
import { allContainerNames, findContainer, hasOtherContainers } from './containers.js';

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

export const logsCommand: Command = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  flags: [
    SELECTOR_FLAG, { name: 'container', short: 'c', kind: 'string' }, { name: 'follow', short: 'f', kind: 'bool' }, { name: 'previous', short: 'p', kind: 'bool' },
    { name: 'all-containers', kind: 'bool' }, { name: 'all-pods', kind: 'bool' }, { name: 'tail', kind: 'int', def: '-1' }, { name: 'since', kind: 'duration', def: '0s' },
    { name: 'since-time', kind: 'string' }, { name: 'timestamps', kind: 'bool' }, { name: 'limit-bytes', kind: 'int', def: '0' }, { name: 'prefix', kind: 'bool' },
    { name: 'ignore-errors', kind: 'bool' }, { name: 'max-log-requests', kind: 'int', def: '5' }, { name: 'pod-running-timeout', kind: 'duration', def: '20s' },
    { name: 'insecure-skip-tls-verify-backend', kind: 'bool' },
  ],
  run: runLogs,
};

interface Stream {
  readonly pod: Pod;
  readonly container: string;
}

async function runLogs(ctx: Ctx, args: string[]): Promise<void> {
  const f = ctx.flags;
  const selector = f.string('selector');
  if (args.length === 0 && !selector) throw usageError(ctx.path, USAGE);
  if (args.length === 1 && selector) throw usageError(ctx.path, 'only a selector (-l) or a POD name is allowed');
  if (args.length > 2) throw usageError(ctx.path, USAGE);
  if (args[1] !== undefined && f.changed.has('container')) throw new KubectlError('only one of -c or an inline [CONTAINER] arg is allowed');
  if (f.changed.has('tail') && f.int('tail') < -1) throw new KubectlError('--tail must be greater than or equal to -1');
  const streams = selector ? selectorStreams(ctx, selector) : argStreams(ctx, args[0] ?? '', args[1] ?? f.string('container'));
  const prefix = f.bool('prefix') || f.bool('all-pods');
  for (const s of streams) {
    const lines = linesOf(ctx, s);
    const shown = f.int('tail') >= 0 ? lines.slice(Math.max(0, lines.length - f.int('tail'))) : lines;
    for (const l of shown) ctx.out(render(ctx, s, l, prefix));
  }
  if (f.bool('follow')) await follow(ctx, streams, prefix);
}

function argStreams(ctx: Ctx, arg: string, container: string): Stream[] {
  let obj;
  try {
    obj = objectForArg(ctx, arg);
  } catch (e) {
    if (e instanceof K8sError && e.code === 'NotFound') throw new KubectlError(`error from server (NotFound): ${e.message} in namespace ${JSON.stringify(ctx.namespace())}`);
    throw e;
  }
  const pods = podsForObject(ctx, obj, 'logs');
  const pod = pods[0];
  if (!pod) throw new KubectlError('timed out waiting for the condition');
  if (pods.length > 1) ctx.err(`Found ${pods.length} pods, using pod/${pod.metadata.name ?? ''}\n`);
  return containersOf(ctx, pod, container);
}

function selectorStreams(ctx: Ctx, selector: string): Stream[] {
  const pods = ctx.api().list('Pod', { namespace: ctx.namespace(), labelSelector: selector });
  if (pods.length === 0) ctx.err(`No resources found in ${ctx.namespace()} namespace.\n`);
  return pods.flatMap((p) => containersOf(ctx, p, ctx.flags.string('container'), true));
}

function containersOf(ctx: Ctx, pod: Pod, container: string, quiet = false): Stream[] {
  if (ctx.flags.bool('all-containers')) {
    if (container) throw new KubectlError(`--all-containers=true should not be specified with container name ${container}`);
    return [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => ({ pod, container: c.name }));
  }
  let name = container || pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] || '';
  if (!name) {
    name = pod.spec.containers[0]?.name ?? '';
    if (!quiet && hasOtherContainers(pod)) ctx.err(`Defaulted container ${JSON.stringify(name)} out of: ${allContainerNames(pod)}\n`);
  }
  if (!findContainer(pod, name)) throw new KubectlError(`container ${name} is not valid for pod ${pod.metadata.name ?? ''}`);
  return [{ pod, container: name }];
}

function statusOf(pod: Pod, container: string) {
  return [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((c) => c.name === container);
}

/** The kubelet's answer: the lines, or its BadRequest when the container has not run. */
function linesOf(ctx: Ctx, s: Stream): LogLine[] {
  const pod = ctx.api().tryGet('Pod', s.pod.metadata.namespace, s.pod.metadata.name ?? '') ?? s.pod;
  const status = statusOf(pod, s.container);
  const previous = ctx.flags.bool('previous');
  const run = containerRun(status, previous, ctx.nowMs() * 1000);
  const podName = pod.metadata.name ?? '';
  if (!run) {
    if (previous) throw new K8sError('BadRequest', `previous terminated container ${JSON.stringify(s.container)} in pod ${JSON.stringify(podName)} not found`);
    const reason = status?.state.waiting?.reason ?? 'ContainerCreating';
    throw new K8sError('BadRequest', `container ${JSON.stringify(s.container)} in pod ${JSON.stringify(podName)} is waiting to start: ${reason}`);
  }
  const sinceUs = ctx.flags.durationUs('since');
  const sinceTime = ctx.flags.string('since-time');
  const fromUs = sinceUs > 0 ? ctx.nowMs() * 1000 - sinceUs : sinceTime ? Date.parse(sinceTime) * 1000 : 0;
  return containerLogLines(ctx.lab, pod, s.container, run).filter((l) => l.timeUs >= fromUs);
}

function render(ctx: Ctx, s: Stream, l: LogLine, prefix: boolean): string {
  const pre = prefix ? `[pod/${s.pod.metadata.name ?? ''}/${s.container}] ` : '';
  const ts = ctx.flags.bool('timestamps') ? `${rfc3339Nano(l.timeUs)} ` : '';
  return `${pre}${ts}${l.text}\n`;
}

/** -f: new lines as they are written, until Ctrl-C (exit 1) or every followed container has stopped. */
async function follow(ctx: Ctx, streams: readonly Stream[], prefix: boolean): Promise<void> {
  const seen = streams.map((s) => linesOf(ctx, s).length);
  const running = (s: Stream): boolean => statusOf(ctx.api().tryGet('Pod', s.pod.metadata.namespace, s.pod.metadata.name ?? '') ?? s.pod, s.container)?.state.running !== undefined;
  for (;;) {
    const fresh = (): boolean => streams.some((s, i) => linesOf(ctx, s).length > (seen[i] ?? 0));
    await ctx.p.until(() => ctx.p.isInterrupted || fresh() || !streams.some(running));
    streams.forEach((s, i) => {
      const lines = linesOf(ctx, s);
      for (const l of lines.slice(seen[i] ?? 0)) ctx.out(render(ctx, s, l, prefix));
      seen[i] = lines.length;
    });
    if (ctx.p.isInterrupted) throw interrupted();
    if (!streams.some(running)) return;
  }
}
