// Layer tools (kubectl): `kubectl exec [-i] [-t] (POD | TYPE/NAME) [-c CONTAINER] -- COMMAND` (kubectl/pkg/
// cmd/exec/exec.go): picks the pod (the most active one of a workload), defaults the container with
// "Defaulted container ..." when the pod has several, drops -t when stdin is not a terminal, runs the
// command on the container's host, and fails with `command terminated with exit code N`.

import type { Pod } from '../../../k8s/index.js';
import type { ExecHost } from '../../process.js';
import type { Command } from '../cli/command.js';
import { FILENAME_FLAGS } from '../cli/common-flags.js';
import type { Ctx } from '../cli/context.js';
import { ExitStatusError, KubectlError, interrupted, usageError } from '../cli/errors.js';
import { objectForArg, podsForObject } from '../server/pod-for-object.js';
import { defaultContainer } from './containers.js';
import { podExecHost } from './pod-exec-host.js';

export const execCommand: Command = {
  name: 'exec',
  short: 'Execute a command in a container',
  usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  flags: [
    ...FILENAME_FLAGS, { name: 'container', short: 'c', kind: 'string' }, { name: 'stdin', short: 'i', kind: 'bool' }, { name: 'tty', short: 't', kind: 'bool' },
    { name: 'quiet', short: 'q', kind: 'bool' }, { name: 'pod-running-timeout', kind: 'duration', def: '1m0s' },
  ],
  run: runExec,
};

async function runExec(ctx: Ctx, args: string[]): Promise<void> {
  const atDash = ctx.argsLenAtDash;
  const resource = args.length > 0 && atDash !== 0 ? args[0] : undefined;
  let command: string[] = [];
  if (atDash > -1) command = args.slice(atDash);
  else if (args.length > 1) throw usageError(ctx.path, 'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
  if (resource === undefined && ctx.flags.strings('filename').length === 0) throw new KubectlError('pod, type/name or --filename must be specified');
  if (command.length === 0) throw new KubectlError('you must specify at least one command for the container');
  const pod = await podFor(ctx, resource ?? '');
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') throw new KubectlError(`cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`);
  const container = defaultContainer(ctx, pod, ctx.flags.string('container'), ctx.flags.bool('quiet'));
  let tty = ctx.flags.bool('tty') && ctx.flags.bool('stdin');
  if (tty && !ctx.p.stdin.isTty) {
    tty = false;
    if (!ctx.flags.bool('quiet')) ctx.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  }
  const host: ExecHost = ctx.p.findHost?.({ kind: 'pod', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '', container }) ?? podExecHost(ctx.lab, pod, container);
  const stdin = ctx.flags.bool('stdin') ? ctx.p.stdin : { isTty: false, readAll: async () => '', chunks: async function* () {} };
  const r = await ctx.p.execOn(host, command, { stdin, isTty: tty });
  if (r.exitCode !== 0) throw new ExitStatusError(r.exitCode, `command terminated with exit code ${r.exitCode}`);
}

async function podFor(ctx: Ctx, arg: string): Promise<Pod> {
  const obj = objectForArg(ctx, arg);
  let pods = podsForObject(ctx, obj, 'exec');
  if (pods.length === 0) {
    await ctx.p.until(() => podsForObject(ctx, obj, 'exec').length > 0 || ctx.p.isInterrupted, ctx.flags.durationUs('pod-running-timeout'));
    if (ctx.p.isInterrupted) throw interrupted();
    pods = podsForObject(ctx, obj, 'exec');
  }
  const pod = pods[0];
  if (!pod) throw new KubectlError('timed out waiting for the condition');
  return pod;
}
